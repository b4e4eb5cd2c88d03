import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { NL } from '../fixtures/registry/companies';
import { kvkGatewayHandler } from '../fixtures/registry/gateway';
import { KVK_PRODUCTION_KEY } from '../fixtures/registry/keys';
import { launchExtension, launchWithGrantedHosts } from './support/browser';
import { openPopup, search, setStorage } from './support/popup';
import { RegistryServer } from '../fixtures/registry/server';

// Issue 9, remedy 2: an organisation's own KVK address (a gateway at https://kvk-gateway.example.test/kvk/api, a
// second local fixture server that forwards to the KVK fixture) set on the options page, its host permission requested
// in the click. Lookups and the connection test go there; the key reaches only that origin; nothing goes to api.kvk.nl.

// The extension page's `chrome` global, as far as this test uses it (inside page.evaluate).
declare const chrome: {
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

const GATEWAY_HOST = 'kvk-gateway.example.test';
const GATEWAY_URL = `https://${GATEWAY_HOST}/kvk/api`;

let gateway: RegistryServer;
let context: BrowserContext;
let extensionId: string;
let close: () => Promise<void>;

test.beforeAll(async ({ certificate }) => {
  gateway = await RegistryServer.start({ ...certificate, handlers: [kvkGatewayHandler(GATEWAY_HOST)] });
});
test.afterAll(async () => {
  await gateway.close();
});
const launchOptions = (registryPort: number, spki: string) => ({
  registryPort,
  trustedSpki: [spki],
  extraHosts: { [GATEWAY_HOST]: gateway.port },
});

test.beforeEach(({ registry }) => {
  registry.reset();
  gateway.reset();
});
test.afterEach(async () => {
  await close();
});

test('with the organisation’s KVK address, the connection test and lookups go there, and the key nowhere else', async ({
  registry,
  certificate,
}) => {
  // The user accepts the browser's permission prompt for the gateway (pre-granted: Playwright cannot click it).
  const launched = await launchWithGrantedHosts(launchOptions(registry.port, certificate.spki), [
    `https://${GATEWAY_HOST}/*`,
  ]);
  ({ context, extensionId, close } = launched);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const kvk = page.getByRole('region', { name: 'KVK (Dutch Chamber of Commerce)' });
  await kvk.getByLabel('KVK API key', { exact: true }).fill(KVK_PRODUCTION_KEY);
  await kvk.getByRole('button', { name: 'Save' }).click();
  await kvk.getByLabel('KVK address', { exact: true }).fill(`  ${GATEWAY_URL}/ `);
  await kvk.getByRole('button', { name: 'Use this address' }).click();
  await expect(kvk.getByText('Saved. Test the connection to check it.')).toBeVisible();
  await expect(kvk.getByTestId('kvk-gateway-current')).toContainText(`In use: ${GATEWAY_URL}`);
  const granted = await page.evaluate(
    (origin) => chrome.permissions.contains({ origins: [`${origin}/*`] }),
    `https://${GATEWAY_HOST}`,
  );
  expect(granted).toBe(true);

  await kvk.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('kvk-test-result')).toContainText('Connection works: KVK accepted your key.');
  await expect(page.getByTestId('kvk-test-result')).toContainText(
    `Tested through your organisation’s address: ${GATEWAY_URL}`,
  );
  await expect(page.getByTestId('kvk-test-result').locator('[data-error-code]')).toHaveCount(0);
  expect(gateway.requests.map((r) => r.path)).toEqual([expect.stringMatching(/^\/kvk\/api\/v2\/zoeken\?/)]);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await search(popup, NL.bv.kvkNummer);
  await expect(popup.getByTestId('company-name')).toHaveText('Test BV Donald');
  expect(gateway.requests.some((r) => r.path.includes(`kvkNummer=${NL.bv.kvkNummer}`))).toBe(true);

  // The key went only to the gateway; nothing at all went to api.kvk.nl.
  expect(gateway.requests.every((r) => r.credentials.apikey === KVK_PRODUCTION_KEY)).toBe(true);
  expect(registry.requestsTo('api.kvk.nl')).toEqual([]);
  expect(registry.requests.filter((r) => r.credentials.apikey)).toEqual([]);
});

test('the address field refuses unsafe addresses before asking for any permission', async ({
  registry,
  certificate,
}) => {
  ({ context, extensionId, close } = await launchExtension(launchOptions(registry.port, certificate.spki)));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const kvk = page.getByRole('region', { name: 'KVK (Dutch Chamber of Commerce)' });
  const field = kvk.getByLabel('KVK address', { exact: true });
  const cases = [
    ['http://kvk-gateway.example.test/kvk/api', 'Use an https:// address'],
    ['https://user:pw@kvk-gateway.example.test/kvk/api', 'Remove the user name or password'],
    ['https://kvk-gateway.example.test/kvk/api?x=1', 'Remove the part after ? or #'],
    ['https://kvk-gateway.example.test/kvk/%2e%2e/admin', 'may not contain'],
    ['https://api.kbodata.app/v1', 'another registry’s public address'],
  ];
  for (const [address, message] of cases) {
    await field.fill(address!);
    await kvk.getByRole('button', { name: 'Use this address' }).click();
    await expect(kvk.getByRole('status').filter({ hasText: message! })).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
  }
  await expect(kvk.getByTestId('kvk-gateway-current')).toHaveCount(0);
  const stored = await page.evaluate(async () => (await chrome.storage.local.get('credentials')).credentials);
  expect(stored ?? null).toBeNull();
});

test('without the granted permission the background sends nothing to the address, and says why', async ({
  registry,
  certificate,
}) => {
  ({ context, extensionId, close } = await launchExtension(launchOptions(registry.port, certificate.spki)));
  // An address stored without going through the options page's permission request (e.g. permission revoked later).
  const popup = await openPopup(context, extensionId, { kvkKey: KVK_PRODUCTION_KEY });
  await setStorage(popup, {
    credentials: {
      kvk: { apiKey: KVK_PRODUCTION_KEY, useTestEnvironment: false, baseUrl: GATEWAY_URL },
      kbodata: { username: '', token: '', baseUrl: null },
      vies: { requesterVat: '' },
    },
  });
  await popup.reload();
  await search(popup, NL.bv.kvkNummer);
  await expect(popup.getByTestId('company-error')).toContainText(
    `The KVK request to ${GATEWAY_HOST} was not sent: Company Lens has no permission for that address.`,
  );
  await expect(popup.getByTestId('company-error').getByRole('button', { name: 'Open settings' })).toBeVisible();
  expect(gateway.requests).toEqual([]);
  expect(registry.requestsTo('api.kvk.nl')).toEqual([]);
});
