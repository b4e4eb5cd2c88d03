import { BE, NL, VAT, fullVatNumber } from '../fixtures/registry/companies';
import { ALL_KEYS } from '../e2e/support/credentials';
import { expect, test } from './fixtures';
import { textOf } from './support/dom';
import { storeSettings } from './support/extension-page';
import { openPopup, search, vatVerdict } from './support/popup';

// The popup (popup.html in a tab, 400 px wide: BiDi cannot open the toolbar popup): search by number and by name,
// "On this page".

test('searching a KVK number and a VAT number opens their details from KVK and VIES; a name search lists both registries’ results', async ({
  ff,
  registry,
}) => {
  await storeSettings(ff, ALL_KEYS);
  const popup = await openPopup(ff);
  await search(popup, '6875 0110');
  await expect.poll(() => textOf(popup, '[data-testid=company-name]')).toBe(NL.bv.naam);
  expect(registry.requestsTo('api.kvk.nl').some((r) => r.path.includes(`kvkNummer=${NL.bv.kvkNummer}`))).toBe(true);

  await popup.keyboard.press('Escape');
  await search(popup, fullVatNumber(VAT.fr));
  await expect.poll(() => vatVerdict(popup)).toBe('valid');
  expect(await textOf(popup, '[data-testid=company-name]')).toBe(VAT.fr.name);
  expect(registry.requestsTo('ec.europa.eu').some((r) => r.path.includes(`/ms/FR/vat/${VAT.fr.vatNumber}`))).toBe(true);

  await popup.keyboard.press('Escape');
  await search(popup, 'Brouwerijen Fictief');
  const first = '[data-testid=results-kbodata] button';
  await expect.poll(() => textOf(popup, first)).toContain('Brouwerijen Fictief');
  expect(await textOf(popup, first)).toContain('0765.432.146');
  await popup.focus(first);
  await popup.keyboard.press('Enter');
  await expect.poll(() => textOf(popup, '[data-testid=company-name]')).toBe('Brouwerijen Fictief');

  await popup.keyboard.press('Escape');
  await popup.keyboard.press('Escape');
  await search(popup, 'test bv donald');
  await expect.poll(() => textOf(popup, '[data-testid=results-kvk] button')).toContain(NL.bv.naam);
});

test('"On this page" lists the numbers of the tab the user was on, with their checks, and opens one', async ({
  ff,
  pages,
  registry,
}) => {
  await storeSettings(ff, ALL_KEYS);
  const site = await ff.firefox.newPage();
  await site.goto(
    pages.add(
      '/popup/suppliers.html',
      `<!doctype html><html lang="nl"><meta charset="utf-8"><title>Leveranciers</title>
<p>Test BV Donald, KvK ${NL.bv.kvkNummer}, btw ${fullVatNumber(VAT.nlBv)}.</p>
<p>Brouwerijen Fictief, ondernemingsnummer ${BE.nv.enterpriseNumber.replace(/(\d{4})(\d{3})(\d{3})/, '$1.$2.$3')}.</p>
<p>Oude factuur met btw-nummer NL857587974B01.</p></html>`,
    ),
  );
  const popup = await openPopup(ff);
  const items = () =>
    popup.$$eval('[data-testid=page-list] button', (buttons) =>
      buttons.map((b) => b.textContent!.replace(/\s+/g, ' ').trim()),
    );
  await expect
    .poll(items)
    .toEqual([
      expect.stringMatching(/KVK number 68750110 ?no check/),
      expect.stringMatching(/VAT number NL857587973B01 ?check OK/),
      expect.stringMatching(/Enterprise number 0765\.432\.146 ?check OK/),
      expect.stringMatching(/VAT number NL857587974B01 ?check fails/),
    ]);
  expect(registry.requests).toEqual([]); // listing sends nothing
  await popup.click('[data-testid=page-list] li:nth-child(3) button');
  await expect.poll(() => textOf(popup, '[data-testid=company-name]')).toBe('Brouwerijen Fictief');
});
