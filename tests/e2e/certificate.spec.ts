import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { NL, VAT, fullVatNumber } from '../fixtures/registry/companies';
import { registryHandlers } from '../fixtures/registry';
import { launchExtension } from './support/browser';
import { makeCertificate } from './support/certificate';
import { hoverNumber, openPageWithCard } from './support/card';
import { openExtensionPage } from './support/extension-page';
import { ALL_KEYS, openPopup, search, setCredentials } from './support/popup';
import { RegistryServer } from '../fixtures/registry/server';

// api.kvk.nl served with a certificate Chromium does not trust (a second fixture server whose certificate is not
// pinned: what a TLS-inspecting proxy looks like to the browser), while VIES and kbodata.app stay on the trusted one.
// Every place that shows the KVK failure must say the browser refused the certificate, name the browser's own error,
// give the causes and remedies (clock, IT, the organisation's own address) with the help page one click away — never
// "not found", never a generic network failure, and never advice to install a root certificate.

/** What the failure says, in English, wherever it is shown. */
const REFUSED = 'Your browser refused the certificate it was shown for KVK (api.kvk.nl): net::ERR_CERT_';
const NEXT = [
  'Something between you and KVK does not present its public certificate',
  'a proxy or antivirus that inspects HTTPS',
  'Check the date and time, ask your IT department, or use your organisation’s own API address.',
];
/** Words of the old advice to trust a root certificate: none may appear. */
const NO_ROOT_ADVICE = /install|trust it on this computer|Private Root|government root/i;

let untrusted: RegistryServer;
let context: BrowserContext;
let extensionId: string;
let close: () => Promise<void>;

test.beforeAll(async () => {
  untrusted = await RegistryServer.start({ ...makeCertificate(['api.kvk.nl']), handlers: registryHandlers });
});
test.afterAll(async () => {
  await untrusted.close();
});

test.beforeEach(async ({ registry, certificate }) => {
  registry.reset();
  untrusted.reset();
  const launched = await launchExtension({
    registryPort: registry.port,
    trustedSpki: [certificate.spki],
    extraHosts: { 'api.kvk.nl': untrusted.port },
  });
  ({ context, extensionId } = launched);
  close = launched.close;
});
test.afterEach(async () => {
  await close();
});

test('the popup says the browser refused KVK’s certificate, why and what to do; VIES checks still work', async ({
  registry,
}) => {
  const popup = await openPopup(context, extensionId);
  await search(popup, NL.bv.kvkNummer);
  const error = popup.getByTestId('company-error');
  await expect(error).toContainText(REFUSED);
  for (const words of NEXT) await expect(error).toContainText(words);
  await expect(error).not.toContainText(/not found|could not be reached/i);
  await expect(error).not.toContainText(NO_ROOT_ADVICE);
  const help = error.getByRole('link', { name: 'How to fix this' });
  await expect(help).toHaveAttribute('href', `chrome-extension://${extensionId}/help.html#certificate`);
  // The organisation's own address is in the settings: one click away too.
  await expect(error.getByRole('button', { name: 'Open settings' })).toBeVisible();
  const [helpPage] = await Promise.all([context.waitForEvent('page'), help.click()]);
  await expect(helpPage.getByRole('heading', { level: 1 })).toHaveText('When a registry’s certificate is refused');

  // The TLS handshake failed: nothing (and so no key) reached the untrusted server, and nothing went elsewhere.
  expect(untrusted.requests).toEqual([]);
  expect(registry.requestsTo('api.kvk.nl')).toEqual([]);

  await popup.getByTestId('back').click();
  await search(popup, fullVatNumber(VAT.fr));
  await expect(popup.getByTestId('vat-verdict')).toHaveAttribute('data-verdict', 'valid');
});

test('the options connection test says the browser refused the certificate, why and what to do; VIES still tests fine', async () => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const kvk = page.getByRole('region', { name: 'KVK (Dutch Chamber of Commerce)' });
  await kvk.getByLabel('KVK API key', { exact: true }).fill('l7xx-some-production-key');
  await kvk.getByRole('button', { name: 'Test connection' }).click();
  const result = page.getByTestId('kvk-test-result');
  await expect(result).toContainText(REFUSED);
  for (const words of NEXT) await expect(result).toContainText(words);
  await expect(result).not.toContainText(NO_ROOT_ADVICE);
  await expect(result.getByRole('link', { name: 'How to fix this' })).toHaveAttribute(
    'href',
    `chrome-extension://${extensionId}/help.html#certificate`,
  );
  await expect(result.locator('[data-error-code]')).toHaveAttribute('data-error-code', 'certificate');
  // The gateway field is on the same section, and the page links the help page permanently.
  await expect(kvk.getByLabel('KVK address', { exact: true })).toBeVisible();
  await expect(
    kvk.getByRole('link', { name: 'A registry’s certificate refused? What it means and what to do' }),
  ).toHaveAttribute('href', `chrome-extension://${extensionId}/help.html#certificate`);

  const vies = page.getByRole('region', { name: 'VIES (EU VAT numbers)' });
  await vies.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('vies-test-result')).toContainText('Connection works.');
  await expect(page.getByTestId('vies-test-result').locator('[data-error-code]')).toHaveCount(0);
  expect(untrusted.requests).toEqual([]);
});

test('the hover card says the browser refused KVK’s certificate, opens the help page; VIES numbers still check', async ({
  pages,
}) => {
  const ext = await openExtensionPage(context, extensionId);
  await setCredentials(ext, ALL_KEYS);
  await ext.close();
  const { page, card } = await openPageWithCard(context, extensionId, pages.url('/card/numbers.html'));

  const kvk = await hoverNumber(page, card, NL.bv.kvkNummer);
  expect(kvk.parts['company-error']).toContain(REFUSED);
  for (const words of NEXT) expect(kvk.parts['company-error']).toContain(words);
  expect(kvk.parts['company-error']).not.toMatch(/not found|could not reach/i);
  expect(kvk.parts['company-error']).not.toMatch(NO_ROOT_ADVICE);
  expect(kvk.parts['open-help']).toBe('How to fix this');
  expect(kvk.parts['open-options']).toBeTruthy();
  const help = context.waitForEvent('page', (p) => p.url().includes('/help.html'));
  await card.click('[data-testid=open-help]');
  expect((await help).url()).toBe(`chrome-extension://${extensionId}/help.html#certificate`);
  expect(untrusted.requests).toEqual([]);

  await page.bringToFront();
  await page.mouse.move(5, 5);
  await expect.poll(async () => card.read()).toBeNull();
  const vat = await hoverNumber(page, card, 'DE813442018');
  expect(vat.parts['vat-verdict']).toContain('Valid');
  expect(vat.parts['company-error']).toBeUndefined();
});
