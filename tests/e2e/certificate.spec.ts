import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { NL, VAT, fullVatNumber } from '../fixtures/registry/companies';
import { registryHandlers } from '../fixtures/registry';
import { launchExtension } from './support/browser';
import { makeCertificate } from './support/certificate';
import { CardReader, numberBox } from './support/card';
import { ContentWorld } from './support/content-world';
import { openExtensionPage } from './support/extension-page';
import { ALL_KEYS, openPopup, search, setCredentials } from './support/popup';
import { RegistryServer } from '../fixtures/registry/server';

// Issue 9: api.kvk.nl served with a certificate Chromium does not trust (a second fixture server whose certificate is
// not pinned), while VIES and kbodata.app stay on the trusted one. Every place that shows a KVK failure must say it is
// the certificate, with the remedy one click away — never "not found", never a generic network failure.

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

test('the popup says KVK’s certificate is not trusted and links to the help page; VIES checks still work', async ({
  registry,
}) => {
  const popup = await openPopup(context, extensionId);
  await search(popup, NL.bv.kvkNummer);
  const error = popup.getByTestId('company-error');
  await expect(error).toContainText('Your browser does not trust the certificate of KVK (api.kvk.nl).');
  await expect(error).not.toContainText(/not found|could not be reached/i);
  const help = error.getByRole('link', { name: 'How to fix this' });
  await expect(help).toHaveAttribute('href', `chrome-extension://${extensionId}/help.html#kvk-certificate`);
  // The other remedy, the organisation's own address, is in the settings: one click away too.
  await expect(error.getByRole('button', { name: 'Open settings' })).toBeVisible();
  const [helpPage] = await Promise.all([context.waitForEvent('page'), help.click()]);
  await expect(helpPage.getByRole('heading', { level: 1 })).toHaveText("Trusting KVK's certificate");

  // The TLS handshake failed: nothing (and so no key) reached the untrusted server, and nothing went elsewhere.
  expect(untrusted.requests).toEqual([]);
  expect(registry.requestsTo('api.kvk.nl')).toEqual([]);

  await popup.getByTestId('back').click();
  await search(popup, fullVatNumber(VAT.fr));
  await expect(popup.getByTestId('vat-verdict')).toHaveAttribute('data-verdict', 'valid');
});

test('the options connection test diagnoses the certificate and offers both remedies; VIES still tests fine', async () => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const kvk = page.getByRole('region', { name: 'KVK (Dutch Chamber of Commerce)' });
  await kvk.getByLabel('KVK API key', { exact: true }).fill('l7xx-some-production-key');
  await kvk.getByRole('button', { name: 'Test connection' }).click();
  const result = page.getByTestId('kvk-test-result');
  await expect(result).toContainText('Your browser does not trust the certificate of KVK (api.kvk.nl).');
  await expect(result).toContainText('use your organisation’s own API address');
  await expect(result.getByRole('link', { name: 'How to fix this' })).toHaveAttribute(
    'href',
    `chrome-extension://${extensionId}/help.html#kvk-certificate`,
  );
  await expect(result.locator('[data-error-code]')).toHaveAttribute('data-error-code', 'certificate');
  // The gateway field is on the same section, and the page links the help page permanently.
  await expect(kvk.getByLabel('KVK address', { exact: true })).toBeVisible();
  await expect(kvk.getByRole('link', { name: /How to trust KVK’s certificate/ })).toBeVisible();

  const vies = page.getByRole('region', { name: 'VIES (EU VAT numbers)' });
  await vies.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('vies-test-result')).toContainText('Connection works.');
  await expect(page.getByTestId('vies-test-result').locator('[data-error-code]')).toHaveCount(0);
  expect(untrusted.requests).toEqual([]);
});

/** Rests the pointer on a highlighted number until the card has its answer. */
async function hover(page: Page, card: CardReader, text: string) {
  const box = await numberBox(page, text);
  await page.mouse.move(box.x, box.y);
  await expect.poll(async () => (await card.read())?.state, { timeout: 8000 }).toBe('done');
  return (await card.read())!;
}

test('the hover card says KVK’s certificate is not trusted, opens the help page; VIES numbers still check', async ({
  pages,
}) => {
  const ext = await openExtensionPage(context, extensionId);
  await setCredentials(ext, ALL_KEYS);
  await ext.close();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
  const world = await ContentWorld.attach(context, page, extensionId);
  await page.goto(pages.url('/card/numbers.html'));
  await world.settled();
  const card = await CardReader.attach(context, page);

  const kvk = await hover(page, card, NL.bv.kvkNummer);
  expect(kvk.parts['company-error']).toContain('Your browser does not trust the certificate of KVK (api.kvk.nl).');
  expect(kvk.parts['company-error']).not.toMatch(/not found|could not reach/i);
  expect(kvk.parts['open-help']).toBe('How to fix this');
  expect(kvk.parts['open-options']).toBeTruthy();
  const help = context.waitForEvent('page', (p) => p.url().includes('/help.html'));
  await card.click('[data-testid=open-help]');
  expect((await help).url()).toBe(`chrome-extension://${extensionId}/help.html#kvk-certificate`);
  expect(untrusted.requests).toEqual([]);

  await page.bringToFront();
  await page.mouse.move(5, 5);
  await expect.poll(async () => card.read()).toBeNull();
  const vat = await hover(page, card, 'DE813442018');
  expect(vat.parts['vat-verdict']).toContain('Valid');
  expect(vat.parts['company-error']).toBeUndefined();
});
