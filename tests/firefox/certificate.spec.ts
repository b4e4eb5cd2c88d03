import { execFileSync } from 'node:child_process';
import { NL, VAT, fullVatNumber } from '../fixtures/registry/companies';
import { registryHandlers } from '../fixtures/registry';
import { ALL_KEYS } from '../e2e/support/credentials';
import { makeIssuedCertificate } from '../e2e/support/certificate';
import { RegistryServer } from '../fixtures/registry/server';
import { FIREFOX_CERTIFICATE_ERRORS, FIREFOX_CERTIFICATE_SENTENCES } from '../../utils/net/firefox-certificate-errors';
import { expect, test } from './fixtures';
import { fill, textOf } from './support/dom';
import { storeSettings } from './support/extension-page';
import { openOptions, testConnection } from './support/options';
import { openPopup, search, vatVerdict } from './support/popup';
import { FIREFOX } from './support/firefox';
import { CardReader, hover, waitForHighlights } from './support/page';

// KVK's certificate not trusted by Firefox (api.kvk.nl left out of the profile's certificate overrides), while VIES and
// kbodata.app are trusted. Firefox reports it to webRequest as a sentence in its UI language; every place that shows a
// KVK failure must say it is the certificate, as in Chromium, after one attempt: one tunnel to api.kvk.nl, not three.

test.use({ trustedHosts: ['ec.europa.eu', 'api.kbodata.app'] });

// The wording names Firefox's own sentence for the refusal (the fixture's certificate is self-signed).
const REFUSED = 'Your browser refused the certificate it was shown for KVK (api.kvk.nl): ';
const SELF_SIGNED = 'self-signed';

test('the popup says the browser refused KVK’s certificate, with Firefox’s reason and the help link, after one attempt; VIES still works', async ({
  ff,
  tunnels,
  registry,
}) => {
  await storeSettings(ff, ALL_KEYS);
  const popup = await openPopup(ff);
  await search(popup, NL.bv.kvkNummer);
  await expect.poll(() => textOf(popup, '[data-testid=company-error] .cl-error-message')).toContain(REFUSED);
  expect(await textOf(popup, '[data-testid=company-error] .cl-error-message')).toContain(SELF_SIGNED);
  expect(await popup.$eval('[data-testid=company-error] a', (a) => a.getAttribute('href'))).toBe(
    `${ff.origin}/help.html#certificate`,
  );
  expect(await textOf(popup, '[data-testid=company-error] button')).toBe('Open settings');
  expect(tunnels.tunnelsTo('api.kvk.nl')).toHaveLength(1);
  expect(registry.requestsTo('api.kvk.nl')).toEqual([]); // the handshake failed: nothing, so no key, went through

  await popup.keyboard.press('Escape');
  await search(popup, fullVatNumber(VAT.fr));
  await expect.poll(() => vatVerdict(popup)).toBe('valid');
});

test('the hover card says the browser refused KVK’s certificate after one attempt; a VAT number still checks', async ({
  ff,
  pages,
  tunnels,
}) => {
  await storeSettings(ff, ALL_KEYS);
  const page = await ff.firefox.newPage();
  await page.goto(pages.url('/card/numbers.html'));
  await waitForHighlights(page, 9);
  const kvk = await hover(ff, page, NL.bv.kvkNummer);
  expect(kvk.parts['company-error']).toContain(REFUSED);
  expect(kvk.parts['company-error']).toContain(SELF_SIGNED);
  expect(kvk.parts['open-help']).toBe('How to fix this');
  expect(tunnels.tunnelsTo('api.kvk.nl')).toHaveLength(1);
  await page.mouse.move(5, 5);
  await new CardReader(ff, page).waitForClosed();
  const vat = await hover(ff, page, `DE${VAT.de.vatNumber}`);
  expect(vat.parts['vat-verdict']).toContain('Valid');
});

test('the options connection test says it is the certificate, with one connection to KVK', async ({ ff, tunnels }) => {
  const page = await openOptions(ff);
  await fill(page, '#kvk-key', 'l7xx-some-production-key');
  const result = await testConnection(page, 'kvk');
  expect(result.errorCode).toBe('certificate');
  expect(result.text).toContain(REFUSED);
  expect(result.text).toContain(SELF_SIGNED);
  expect(result.text).toContain('use your organisation’s own API address');
  expect(tunnels.tunnelsTo('api.kvk.nl')).toHaveLength(1);
});

test.describe('in Dutch, with a certificate from an issuer Firefox does not know (a TLS-inspecting proxy)', () => {
  test.use({ uiLocale: 'nl' });
  let inspecting: RegistryServer;
  test.beforeAll(async () => {
    inspecting = await RegistryServer.start({ ...makeIssuedCertificate(['api.kvk.nl']), handlers: registryHandlers });
  });
  test.afterAll(() => inspecting.close());

  test('the connection test says, in Dutch, that it is the certificate', async ({ ff, tunnels }) => {
    tunnels.route('api.kvk.nl', inspecting.port);
    const page = await openOptions(ff);
    await fill(page, '#kvk-key', 'l7xx-some-production-key');
    const result = await testConnection(page, 'kvk', 'Verbinding testen');
    expect(result.errorCode).toBe('certificate');
    expect(result.text).toContain(
      'Uw browser heeft het certificaat geweigerd dat hij voor KVK (api.kvk.nl) te zien kreeg: ',
    );
    expect(tunnels.tunnelsTo('api.kvk.nl')).toHaveLength(1);
    expect(inspecting.requests).toEqual([]);
  });
});

test.describe('in French', () => {
  test.use({ uiLocale: 'fr' });

  test('the popup says, in French, that it is the certificate', async ({ ff, tunnels }) => {
    await storeSettings(ff, ALL_KEYS);
    const popup = await openPopup(ff);
    await search(popup, NL.bv.kvkNummer);
    await expect
      .poll(() => textOf(popup, '[data-testid=company-error] .cl-error-message'))
      .toContain('Votre navigateur a refusé le certificat qui lui a été présenté pour KVK (api.kvk.nl) : ');
    expect(tunnels.tunnelsTo('api.kvk.nl')).toHaveLength(1);
  });
});

/** One nsserrors.properties of the installed Firefox (in omni.ja, or in a language pack), as name → sentence. */
function firefoxErrorSentences(archive: string, path: string): Map<string, string> {
  const text = execFileSync('unzip', ['-p', archive, path], { encoding: 'utf8' });
  return new Map(
    text
      .split('\n')
      .map((line) => /^([A-Z0-9_]+)\s*=\s*(.*)$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => [m[1]!, m[2]!.trim()]),
  );
}

test('the certificate sentences the extension knows are the installed Firefox’s own', () => {
  const lib = FIREFOX.replace(/\/(bin\/)?firefox(-esr)?$/, '/lib/firefox-esr');
  const sources = {
    'en-US': [`${lib}/omni.ja`, 'chrome/en-US/locale/en-US/pipnss/nsserrors.properties'],
    nl: [`${lib}/browser/extensions/langpack-nl@firefox-esr.mozilla.org.xpi`, 'chrome/nl/locale/nl/pipnss/nsserrors.properties'],
    fr: [`${lib}/browser/extensions/langpack-fr@firefox-esr.mozilla.org.xpi`, 'chrome/fr/locale/fr/pipnss/nsserrors.properties'],
  } as const; // prettier-ignore
  for (const [language, [archive, path]] of Object.entries(sources)) {
    const installed = firefoxErrorSentences(archive, path);
    const known = FIREFOX_CERTIFICATE_SENTENCES[language as keyof typeof sources];
    for (const name of FIREFOX_CERTIFICATE_ERRORS) expect(known[name], `${language} ${name}`).toBe(installed.get(name));
  }
});
