import { expect, test } from './fixtures';
import { BE, BE_ESTABLISHMENTS, NL, VAT, fullVatNumber } from '../fixtures/registry/companies';
import { KBODATA_TOKENS, KVK_PRODUCTION_KEY } from '../fixtures/registry/keys';
import { openPopup, search, setCredentials, setStorage } from './support/popup';

// The popup's search box against the fixture registry: every input kind written a usual way, a name search, a
// failing check and an unknown input (no request sent for either).

const kinds = [
  { kind: 'KVK number', input: '6875 0110', name: 'Test BV Donald', host: 'api.kvk.nl', path: `kvkNummer=${NL.bv.kvkNummer}` },
  { kind: 'vestigingsnummer', input: '0000 3850 9504', name: 'Test EMZ Dagobert', host: 'api.kvk.nl', path: 'vestigingsnummer=000038509504' },
  { kind: 'RSIN', input: 'RSIN 857.587.973', name: 'Test BV Donald', host: 'api.kvk.nl', path: `rsin=${NL.bv.rsin}` },
  { kind: 'Belgian enterprise', input: '0765 432 146', name: 'Brouwerijen Fictief', host: 'api.kbodata.app', path: `enterpriseNumber=${BE.nv.enterpriseNumber}` },
  { kind: 'Belgian establishment', input: '2.134.567.845', name: 'Brouwerij Het Fictieve Hopje', host: 'api.kbodata.app', path: `establishmentNumber=${BE_ESTABLISHMENTS.brewery.establishmentNumber}` },
  { kind: 'Dutch VAT', input: 'NL 8575.87.973.B.01', name: NL.bv.naam, host: 'ec.europa.eu', path: '/ms/NL/vat/857587973B01' },
  { kind: 'Belgian VAT', input: 'BE 0876.543.270', name: 'Société Lumière & Fils', host: 'ec.europa.eu', path: `/ms/BE/vat/${VAT.beBv.vatNumber}` },
  { kind: 'French VAT', input: 'fr 83 404 833 048', name: VAT.fr.name, host: 'ec.europa.eu', path: `/ms/FR/vat/${VAT.fr.vatNumber}` },
  { kind: 'Greek VAT written GR', input: 'GR 094095807', name: VAT.el.name, host: 'ec.europa.eu', path: `/ms/EL/vat/${VAT.el.vatNumber}` },
]; // prettier-ignore

test('every input kind, written a usual way, opens its details', async ({ context, extensionId, registry }) => {
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('searchbox')).toBeFocused();
  for (const c of kinds) {
    registry.requests.length = 0;
    await search(popup, c.input);
    await expect(popup.getByTestId('company-name'), c.kind).toHaveText(c.name);
    await expect(popup.getByRole('heading', { level: 1 })).toBeFocused();
    const paths = registry.requestsTo(c.host).map((r) => r.path);
    expect(
      paths.some((p) => p.includes(c.path)),
      `${c.kind}: ${paths.join(' ')}`,
    ).toBe(true);
    await popup.keyboard.press('Escape');
    await expect(popup.getByRole('searchbox')).toHaveValue(c.input);
  }
});

test('a VAT number shows the VIES verdict, with a consultation number when the own VAT number is set', async ({
  context,
  extensionId,
  registry,
}) => {
  const popup = await openPopup(context, extensionId, { requesterVat: fullVatNumber(VAT.nlBv) });
  await search(popup, fullVatNumber(VAT.fr));
  await expect(popup.getByTestId('vat-verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(popup.getByTestId('consultation')).toContainText(/[A-Z0-9]{6,}/);
  const post = registry.requestsTo('ec.europa.eu').find((r) => r.method === 'POST');
  expect(JSON.parse(post!.body)).toMatchObject({ countryCode: 'FR', requesterNumber: VAT.nlBv.vatNumber });

  await popup.getByTestId('back').click();
  await search(popup, fullVatNumber(VAT.de));
  await expect(popup.getByTestId('vat-verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(popup.getByText('This country does not share the name and address through VIES.')).toBeVisible();
  await popup.keyboard.press('Escape');
  await search(popup, fullVatNumber(VAT.lu));
  await expect(popup.getByTestId('vat-verdict')).toHaveAttribute('data-verdict', 'unavailable');
  await expect(popup.getByTestId('vat-verdict')).toContainText('Cannot be checked now');
});

test('a name search lists KVK and kbodata results; the keyboard opens one', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await search(popup, 'test bv donald');
  const kvk = popup.getByTestId('results-kvk');
  await expect(kvk.getByRole('button').first()).toContainText('Test BV Donald');
  await expect(popup.getByTestId('results-kbodata')).toHaveCount(0); // kbodata found nothing by that name
  await expect(popup.getByText('kbodata.app has no company by that name.', { exact: false })).toBeVisible();
  await expect(popup.getByRole('heading', { level: 1 })).toBeFocused();
  await popup.keyboard.press('Tab');
  await expect(kvk.getByRole('button').first()).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('company-name')).toHaveText('Test BV Donald');

  await popup.keyboard.press('Escape');
  await popup.keyboard.press('Escape');
  await expect(popup.getByRole('searchbox')).toHaveValue('test bv donald');
  await search(popup, 'Brouwerijen Fictief');
  const first = popup.getByTestId('results-kbodata').getByRole('button').first();
  await expect(first).toContainText('Brouwerijen Fictief');
  await expect(first).toContainText('0765.432.146');
  await first.click();
  await expect(popup.getByTestId('company-name')).toHaveText('Brouwerijen Fictief');
});

test('a failing check and unknown input are answered before any request', async ({
  context,
  extensionId,
  registry,
}) => {
  const popup = await openPopup(context, extensionId);
  await search(popup, '0765.432.147');
  await expect(popup.getByTestId('search-message')).toHaveText(
    'This looks like a Enterprise number (0765.432.147), but its check digits are wrong — probably a typo. Nothing was looked up.',
  );
  await search(popup, 'DE 813 442 019');
  await expect(popup.getByTestId('search-message')).toContainText('VAT number (DE813442019)');
  await expect(popup.getByTestId('details')).toHaveCount(0);
  expect(registry.requests).toEqual([]);

  // Unknown input: what is expected, and nothing sent either.
  for (const input of ['12345', 'NL 1234', '0202.239']) {
    await search(popup, input);
    await expect(popup.getByTestId('search-message')).toContainText('Type a KVK number (8 digits)');
  }
  await search(popup, 'US123456789');
  await expect(popup.getByTestId('search-message')).toHaveText(
    'US is not an EU member state: VIES checks only EU VAT numbers (and XI for Northern Ireland).',
  );
  expect(registry.requests).toEqual([]);
});

test('without keys a KVK number says which key is missing and offers the settings', async ({
  context,
  extensionId,
}) => {
  const popup = await openPopup(context, extensionId, {});
  await search(popup, NL.bv.kvkNummer);
  await expect(popup.getByTestId('company-error')).toContainText('KVK lookups need your KVK API key.');
  await expect(popup.getByTestId('links').getByRole('link', { name: 'Open at kvk.nl' })).toHaveAttribute(
    'href',
    `https://www.kvk.nl/zoeken/?source=all&q=${NL.bv.kvkNummer}`,
  );
  const [options] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByRole('button', { name: 'Open settings' }).click(),
  ]);
  await expect(options).toHaveURL(`chrome-extension://${extensionId}/options.html`);
});

test('registry failures are worded, and the paid cap stops "more details" before any paid request', async ({
  context,
  extensionId,
  registry,
}) => {
  const popup = await openPopup(context, extensionId, {
    kvkKey: KVK_PRODUCTION_KEY,
    kbodataToken: KBODATA_TOKENS.expired,
  });
  await search(popup, BE.bv.enterpriseNumber);
  // kbodata's plan ended (402): the company still comes from VIES, and the paid profile says why it cannot.
  await expect(popup.getByTestId('company-name')).toHaveText(VAT.beBv.name);
  await popup.getByRole('button', { name: 'Get more details (paid)' }).click();
  await expect(popup.getByTestId('paid-profile').getByRole('alert')).toContainText(
    'Your kbodata.app plan has expired.',
  );

  await setStorage(popup, { limits: { monthlyPaidCap: 0 } });
  await popup.keyboard.press('Escape');
  await search(popup, NL.bv.kvkNummer);
  await expect(popup.getByTestId('profile-cost')).toContainText('This month: 0 of your cap of 0 paid queries.');
  await popup.getByRole('button', { name: 'Get more details (paid)' }).click();
  await expect(popup.getByTestId('paid-profile').getByRole('alert')).toContainText(
    'Monthly cap reached: 0 paid KVK queries allowed, 0 used. Paid lookups are stopped.',
  );
  expect(registry.requests.filter((r) => r.path.includes('basisprofielen'))).toEqual([]);

  // The KVK test environment (demo mode): fictional data, said so, and "more details" is free there.
  await setCredentials(popup, { kvkTest: true });
  await popup.keyboard.press('Escape');
  await search(popup, NL.bv.kvkNummer);
  await expect(popup.getByTestId('source')).toContainText('KVK test environment: fictional data');
  await expect(popup.getByTestId('profile-cost')).toHaveText('Free: KVK test environment (fictional data).');
  await popup.getByRole('button', { name: 'Get more details (paid)' }).click();
  await expect(popup.getByTestId('profile')).toBeVisible();
  expect(registry.requestsTo('api.kvk.nl').at(-1)!.path).toBe(`/test/api/v1/basisprofielen/${NL.bv.kvkNummer}`);
});

test.describe('in Dutch', () => {
  test.use({ uiLocale: 'nl' });

  test('the popup speaks Dutch', async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    await expect(popup.getByText('Nummer of bedrijfsnaam')).toBeVisible();
    await search(popup, '12345');
    await expect(popup.getByTestId('search-message')).toContainText('Typ een KVK-nummer (8 cijfers)');
    await search(popup, NL.bv.kvkNummer);
    await expect(popup.getByTestId('status')).toHaveText('Actief');
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Bedrijfsgegevens');
  });
});

test.describe('in French', () => {
  test.use({ uiLocale: 'fr' });

  test('the popup speaks French', async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    await search(popup, '0765.432.147');
    await expect(popup.getByTestId('search-message')).toContainText('Numéro d’entreprise (0765.432.147)');
    await search(popup, 'BE0765432146');
    await expect(popup.getByTestId('vat-verdict')).toContainText('Numéro de TVA valide');
    // kbodata.app has the legal name in Dutch and French: the French one first, the Dutch one beside it, and
    // neither among the trade names.
    await expect(popup.getByTestId('company-name')).toHaveText('Brasseries Fictives');
    await expect(popup.getByTestId('other-names')).toHaveText('Brouwerijen Fictief (NL)');
    await expect(popup.getByTestId('trade-names')).toHaveText('BF');
  });
});
