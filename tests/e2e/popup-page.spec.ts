import { expect, test } from './fixtures';
import { BE, NL, VAT, fullVatNumber } from '../fixtures/registry/companies';
import { getStorage, openPopup } from './support/popup';

// "On this page": the popup asks the active tab's content script what it found, lists it with each number's check,
// opens details from the list, and switches the extension off and on for the site.

const page = () => `<!doctype html><html lang="nl"><meta charset="utf-8"><title>Leveranciers</title>
<h1>Leveranciers</h1>
<p>Test BV Donald, ingeschreven bij de KvK onder nummer ${NL.bv.kvkNummer}, btw ${fullVatNumber(VAT.nlBv)}.</p>
<p>Brouwerijen Fictief, ondernemingsnummer ${BE.nv.enterpriseNumber.replace(/(\d{4})(\d{3})(\d{3})/, '$1.$2.$3')}.</p>
<p>Éclairages du Midi, TVA ${fullVatNumber(VAT.fr)}; nogmaals ${fullVatNumber(VAT.fr)}.</p>
<p>Oude factuur met btw-nummer NL857587974B01.</p>
</html>`;

test('lists the numbers of the active tab with their check, opens one, and switches the site off and on', async ({
  context,
  extensionId,
  pages,
  registry,
}) => {
  const site = await context.newPage();
  await site.goto(pages.add('/popup/suppliers.html', page()));
  const popup = await openPopup(context, extensionId);
  const list = popup.getByTestId('page-list');
  const items = list.getByRole('button');
  await expect(items).toHaveText([
    /KVK number 68750110\s*no check/,
    /VAT number NL857587973B01\s*check OK/,
    /Enterprise number 0765\.432\.146\s*check OK/,
    /VAT number FR83404833048\s*check OK · 2 times/,
    /VAT number NL857587974B01\s*check fails/,
  ]);
  expect(registry.requests).toEqual([]); // listing sends nothing

  // Keyboard: Tab from the search box reaches the list; arrows move; Enter opens.
  await popup.getByRole('searchbox').focus();
  await popup.keyboard.press('Tab'); // the Look up button
  await popup.keyboard.press('Tab');
  await expect(popup.getByTestId('check-all')).toBeFocused();
  await popup.keyboard.press('Tab');
  await expect(items.nth(0)).toBeFocused();
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowDown');
  await expect(items.nth(2)).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('company-name')).toHaveText('Brouwerijen Fictief');
  await popup.keyboard.press('Escape');

  // A number whose check fails opens without a lookup.
  const before = registry.requests.length;
  await items.nth(4).click();
  await expect(popup.getByTestId('details-message')).toContainText('Not looked up');
  expect(registry.requests.length).toBe(before);
  await popup.getByTestId('back').click();

  const host = new URL(site.url()).hostname;
  const toggle = popup.getByRole('switch', { name: `Don’t run on ${host}` });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(popup.getByTestId('on-this-page')).toContainText('Company Lens is off on this site.');
  expect((await getStorage(popup, 'preferences')) as { disabledSites: string[] }).toMatchObject({
    disabledSites: [host],
  });
  await expect(list).toHaveCount(0);

  await toggle.uncheck();
  await expect(items).toHaveCount(5);
  expect(((await getStorage(popup, 'preferences')) as { disabledSites: string[] }).disabledSites).toEqual([]);
});

test('says when the tab cannot be read', async ({ context, extensionId }) => {
  const blank = await context.newPage();
  await blank.goto('about:blank');
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('on-this-page')).toContainText('Company Lens cannot read this page');
  await expect(popup.getByRole('switch')).toHaveCount(0);
});
