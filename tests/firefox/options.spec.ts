import { VAT, fullVatNumber } from '../fixtures/registry/companies';
import { htmlErrorPage } from '../fixtures/registry/faults';
import { KBODATA_TOKENS, KBODATA_USER, KVK_PRODUCTION_KEY } from '../fixtures/registry/keys';
import { expect, test } from './fixtures';
import { clickText, fill, textOf } from './support/dom';
import { getStorage } from './support/extension-page';
import { openOptions, SECTION, testConnection } from './support/options';

// The options page in Firefox: entering keys, and each service's connection test with a good and a bad answer.

test('a good KVK key passes the test, is stored and shown masked, and goes only to KVK; a bad one is rejected', async ({
  ff,
  registry,
}) => {
  const page = await openOptions(ff);
  await fill(page, '#kvk-key', KVK_PRODUCTION_KEY);
  expect((await testConnection(page, 'kvk')).text).toBe('Connection works: KVK accepted your key.');
  expect(((await getStorage(page, 'credentials')) as { kvk: { apiKey: string } }).kvk.apiKey).toBe(KVK_PRODUCTION_KEY);
  expect(await textOf(page, '[data-testid=kvk-key-mask]')).toBe('••••••••-key');
  expect(await page.$eval('#kvk-key', (el) => (el as HTMLInputElement).value)).toBe('');
  const kvk = registry.requestsTo('api.kvk.nl');
  expect(kvk.length).toBeGreaterThan(0);
  expect(kvk.every((r) => r.credentials.apikey === KVK_PRODUCTION_KEY)).toBe(true);
  expect(registry.requests.filter((r) => r.host !== 'api.kvk.nl')).toEqual([]);

  await fill(page, '#kvk-key', 'not-a-valid-key-1234');
  const { text: bad } = await testConnection(page, 'kvk');
  expect(bad).toContain('Key rejected: KVK refused your API key (HTTP 401).');
  expect(bad).toContain('Copy the key again from your KVK account page');
});

test('kbodata.app: the plan for a good token, a wrong one refused; VIES: the own VAT number checked before saving, the test works, and says when VIES cannot answer', async ({
  ff,
  registry,
}) => {
  const page = await openOptions(ff);
  await fill(page, '#kbodata-username', KBODATA_USER);
  await fill(page, '#kbodata-token', KBODATA_TOKENS.production);
  expect((await testConnection(page, 'kbodata')).text).toContain(
    `Connection works: plan “Medium” for ${KBODATA_USER}.`,
  );
  expect(await textOf(page, '[data-testid=kbodata-token-mask]')).toBe('••••••••oken');

  await fill(page, '#kbodata-token', 'wrong-token-0000');
  expect((await testConnection(page, 'kbodata')).text).toContain(
    'Key rejected: kbodata.app refused your username or token (HTTP 401).',
  );

  await fill(page, '#vies-requester', 'NL805734959B01');
  await clickText(page, SECTION.vies, 'button', 'Save');
  await expect.poll(() => textOf(page, '#vies-requester-state')).toContain('This VAT number fails its check digits');
  await fill(page, '#vies-requester', fullVatNumber(VAT.de));
  await clickText(page, SECTION.vies, 'button', 'Save');
  await expect.poll(() => textOf(page, '#vies-requester-state')).toBe(`In use: ${fullVatNumber(VAT.de)}`);
  expect((await testConnection(page, 'vies')).text).toContain('Connection works');

  registry.use(htmlErrorPage(503, { host: 'ec.europa.eu' }));
  expect((await testConnection(page, 'vies')).text).toContain('VIES cannot answer right now.');
});
