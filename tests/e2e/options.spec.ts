import type { BrowserContext, Page } from '@playwright/test';

/** The extension API inside page.evaluate on an extension page (Chromium). */
declare const chrome: any;
import { expect, test } from './fixtures';
import { NL, VAT, fullVatNumber } from '../fixtures/registry/companies';
import { KBODATA_TOKENS, KBODATA_USER, KVK_PRODUCTION_KEY, KVK_TEST_KEY } from '../fixtures/registry/keys';

// The options page against the fixture registry: credentials and their connection tests, the monthly cap, the
// detection and site settings as stored for open tabs, the cache.

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return page;
}

/** What storage.local holds under `key`, read from an extension page. */
const stored = (page: Page, key: string) =>
  page.evaluate(async (k) => (await chrome.storage.local.get(k))[k] as Record<string, any> | undefined, key);

const kvkSection = (page: Page) => page.getByRole('region', { name: 'KVK (Dutch Chamber of Commerce)' });
const kboSection = (page: Page) => page.getByRole('region', { name: 'kbodata.app (Belgian companies)' });
const viesSection = (page: Page) => page.getByRole('region', { name: 'VIES (EU VAT numbers)' });

test('a good KVK key passes the connection test; it is stored, shown masked and sent only to KVK', async ({
  context,
  extensionId,
  registry,
}) => {
  const page = await openOptions(context, extensionId);
  const kvk = kvkSection(page);
  await kvk.getByLabel('KVK API key', { exact: true }).fill(KVK_PRODUCTION_KEY);
  await kvk.getByRole('button', { name: 'Test connection' }).click();
  await expect(kvk.getByRole('status').filter({ hasText: 'Connection works' })).toHaveText(
    'Connection works: KVK accepted your key.',
  );
  expect((await stored(page, 'credentials'))?.kvk.apiKey).toBe(KVK_PRODUCTION_KEY);
  // Masked: last four characters only; the field is emptied and the page holds no copy of the key.
  await expect(page.getByTestId('kvk-key-mask')).toHaveText('••••••••-key');
  await expect(kvk.getByLabel('KVK API key', { exact: true })).toHaveValue('');
  expect(await page.content()).not.toContain(KVK_PRODUCTION_KEY);
  const kvkRequests = registry.requestsTo('api.kvk.nl');
  expect(kvkRequests.length).toBeGreaterThan(0);
  for (const r of kvkRequests) expect(r).toMatchObject({ credentials: { apikey: KVK_PRODUCTION_KEY } });
  expect(kvkRequests.every((r) => r.path.startsWith('/api/'))).toBe(true);

  // Removable.
  await kvk.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('kvk-key-mask')).toHaveCount(0);
  expect((await stored(page, 'credentials'))?.kvk.apiKey).toBe('');
});

test('a bad KVK key is reported as "key rejected" with what to do', async ({ context, extensionId }) => {
  const page = await openOptions(context, extensionId);
  const kvk = kvkSection(page);
  await kvk.getByLabel('KVK API key', { exact: true }).fill('not-a-valid-key-1234');
  await kvk.getByRole('button', { name: 'Test connection' }).click();
  const result = page.getByTestId('kvk-test-result');
  await expect(result).toContainText('Key rejected: KVK refused your API key (HTTP 401).');
  await expect(result).toContainText('Copy the key again from your KVK account page');
});

test('without a key the test says so; the test environment switch works with the public test key', async ({
  context,
  extensionId,
  registry,
}) => {
  const page = await openOptions(context, extensionId);
  const kvk = kvkSection(page);
  await kvk.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('kvk-test-result')).toContainText('KVK lookups need your KVK API key.');
  expect(registry.requestsTo('api.kvk.nl')).toHaveLength(0);

  await kvk.getByRole('switch', { name: 'Use the KVK test environment' }).check();
  await expect.poll(async () => (await stored(page, 'credentials'))?.kvk.useTestEnvironment).toBe(true);
  await kvk.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('kvk-test-result')).toHaveText(
    'Connection works: KVK test environment (fictional data).',
  );
  const requests = registry.requestsTo('api.kvk.nl');
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    expect(r.path.startsWith('/test/api/')).toBe(true);
    expect(r.credentials).toEqual({ apikey: KVK_TEST_KEY });
  }
});

test('the kbodata.app test shows the plan; an expired plan and a wrong token say exactly that', async ({
  context,
  extensionId,
}) => {
  const page = await openOptions(context, extensionId);
  const kbo = kboSection(page);
  await kbo.getByLabel('Username').fill(KBODATA_USER);
  await kbo.getByLabel('Access token', { exact: true }).fill(KBODATA_TOKENS.production);
  await kbo.getByRole('button', { name: 'Test connection' }).click();
  const result = page.getByTestId('kbodata-test-result');
  await expect(result).toContainText(`Connection works: plan “Medium” for ${KBODATA_USER}.`);
  await expect(result).toContainText('The token is valid until March 31, 2099.');
  await expect(page.getByTestId('kbodata-token-mask')).toHaveText('••••••••oken');

  await kbo.getByLabel('Access token', { exact: true }).fill(KBODATA_TOKENS.development);
  await kbo.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toContainText('This is a development token');

  await kbo.getByLabel('Access token', { exact: true }).fill(KBODATA_TOKENS.expired);
  await kbo.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toContainText('Your kbodata.app plan has expired.');

  await kbo.getByLabel('Access token', { exact: true }).fill(KBODATA_TOKENS.quotaUsedUp);
  await kbo.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toContainText('Your kbodata.app plan’s monthly quota is used up.');

  await kbo.getByLabel('Access token', { exact: true }).fill('wrong-token-0000');
  await kbo.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toContainText('Key rejected: kbodata.app refused your username or token (HTTP 401).');
});

test('the own VAT number is checked before it is saved, and VIES can be tested', async ({ context, extensionId }) => {
  const page = await openOptions(context, extensionId);
  const vies = viesSection(page);
  const field = vies.getByLabel('Your own VAT number');
  await field.fill('NL805734959B01');
  await vies.getByRole('button', { name: 'Save' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(vies.getByText('This VAT number fails its check digits')).toBeVisible();
  expect((await stored(page, 'credentials'))?.vies?.requesterVat ?? '').toBe('');

  await field.fill(fullVatNumber(VAT.de).toLowerCase());
  await vies.getByRole('button', { name: 'Save' }).click();
  await expect(vies.getByText(`In use: ${fullVatNumber(VAT.de)}`)).toBeVisible();
  expect((await stored(page, 'credentials'))?.vies.requesterVat).toBe(fullVatNumber(VAT.de));

  await vies.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('vies-test-result')).toContainText('Connection works');
});

test('the monthly cap stops paid lookups with its message', async ({ context, extensionId, registry }) => {
  const page = await openOptions(context, extensionId);
  await kvkSection(page).getByLabel('KVK API key', { exact: true }).fill(KVK_PRODUCTION_KEY);
  await kvkSection(page).getByRole('button', { name: 'Save' }).click();
  const usage = page.getByRole('region', { name: 'Usage and cost' });
  const cap = usage.getByLabel('Monthly cap on paid queries (per service)');
  await expect(cap).toHaveValue('500');
  await cap.fill('1');
  await usage.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await stored(page, 'limits'))?.monthlyPaidCap).toBe(1);

  const details = (kvkNummer: string) =>
    page.evaluate((value) => chrome.runtime.sendMessage({ type: 'details', kind: 'kvk', value }), kvkNummer);
  const first = await details(NL.bv.kvkNummer);
  expect(first).toMatchObject({ ok: true, value: { company: { name: 'Test BV Donald' } } });
  const second = await details(NL.nv.kvkNummer);
  expect(second).toMatchObject({ ok: false, error: { code: 'paid-cap-reached', service: 'kvk', cap: 1, used: 1 } });
  // Only the first paid profile reached KVK.
  expect(registry.requestsTo('api.kvk.nl').filter((r) => r.path.includes('basisprofielen'))).toHaveLength(1);

  const kvkRow = usage.locator('tr[data-service="kvk"]');
  await expect(kvkRow.locator('td').first()).toHaveText('1');
  await expect(kvkRow.locator('td').nth(1)).toHaveText('€0.02');
  await expect(page.getByTestId('cap-notice')).toContainText(
    'Monthly cap reached: 1 paid KVK queries allowed, 1 used. Paid lookups are stopped.',
  );
});

test('detection, lookup trigger and never-run sites are stored as the preferences open tabs follow', async ({
  context,
  extensionId,
}) => {
  const page = await openOptions(context, extensionId);
  await page.getByRole('switch', { name: 'RSIN numbers' }).uncheck();
  await page.getByRole('radio', { name: 'Only when I click a number' }).check();
  const sites = page.getByRole('region', { name: 'Sites where Company Lens never runs' });
  await sites.getByLabel('Site (e.g. example.com)').fill('not a site');
  await sites.getByRole('button', { name: 'Add site' }).click();
  await expect(sites.getByText('That is not a site address.')).toBeVisible();
  await sites.getByLabel('Site (e.g. example.com)').fill('https://Shop.Example.com/cart');
  await sites.getByRole('button', { name: 'Add site' }).click();
  await expect(sites.getByRole('listitem')).toHaveText(['shop.example.comRemove shop.example.com']);
  await expect
    .poll(() => stored(page, 'preferences'))
    .toMatchObject({ detect: { rsin: false, kvk: true }, lookupTrigger: 'click', disabledSites: ['shop.example.com'] });

  // A change made elsewhere (the popup's per-site switch) shows here without a reload.
  await page.evaluate(() =>
    chrome.storage.local
      .get('preferences')
      .then(({ preferences }: { preferences: object }) =>
        chrome.storage.local.set({ preferences: { ...preferences, disabledSites: ['a.test', 'shop.example.com'] } }),
      ),
  );
  await expect(sites.getByRole('listitem')).toHaveCount(2);
  await sites.getByRole('button', { name: 'Remove a.test' }).click();
  await expect.poll(async () => (await stored(page, 'preferences'))?.disabledSites).toEqual(['shop.example.com']);
});

test('the cache shows its entries and clears them', async ({ context, extensionId }) => {
  const page = await openOptions(context, extensionId);
  const cache = page.getByRole('region', { name: 'Cache' });
  await expect(page.getByTestId('cache-entries')).toHaveText(/^0 answers stored \(at most \d+\)\.$/);
  const lookup = await page.evaluate(
    (value) => chrome.runtime.sendMessage({ type: 'lookup', kind: 'vat', value }),
    fullVatNumber(VAT.fr),
  );
  expect(lookup).toMatchObject({ vat: { ok: true } });
  await expect(page.getByTestId('cache-entries')).toHaveText(/^[1-9]\d* answers stored/);
  await cache.getByRole('button', { name: 'Clear cache' }).click();
  await expect(cache.getByRole('status')).toHaveText(/^Cache cleared: [1-9]\d* answers removed\.$/);
  await expect(page.getByTestId('cache-entries')).toHaveText(/^0 answers stored \(at most \d+\)\.$/);
});

test.describe('in Dutch', () => {
  test.use({ uiLocale: 'nl' });

  test('the page and its error wording follow the browser language', async ({ context, extensionId }) => {
    const page = await openOptions(context, extensionId);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instellingen van Company Lens');
    const kvk = page.getByRole('region', { name: 'KVK (Kamer van Koophandel)' });
    await kvk.getByLabel('KVK API-sleutel', { exact: true }).fill('not-a-valid-key-1234');
    await kvk.getByRole('button', { name: 'Verbinding testen' }).click();
    await expect(page.getByTestId('kvk-test-result')).toContainText(
      'Sleutel geweigerd: KVK accepteert uw API-sleutel niet (HTTP 401).',
    );
  });
});

test('works from the keyboard, with a visible focus ring', async ({ context, extensionId }) => {
  const page = await openOptions(context, extensionId);
  await page.locator('#kvk-key').focus();
  await page.keyboard.type('typed-key-9876');
  await page.keyboard.press('Tab');
  const show = page.getByRole('button', { name: 'Show KVK API key' });
  await expect(show).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#kvk-key')).toHaveAttribute('type', 'text');
  await expect(show).toHaveAttribute('aria-pressed', 'true');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).toBe('solid');
  // Enter in the field saves; the switch toggles with Space.
  await page.locator('#kvk-key').press('Enter');
  await expect(page.getByTestId('kvk-key-mask')).toHaveText('••••••••9876');
  await page.getByRole('switch', { name: 'Use the KVK test environment' }).focus();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await stored(page, 'credentials'))?.kvk.useTestEnvironment).toBe(true);
});
