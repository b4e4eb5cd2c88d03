import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { BE, NL } from '../fixtures/registry/companies';
import { openPopup, search } from './support/popup';

// Details beyond the card (paid profile with its cost said first, links, annual accounts) and the export of a
// company: the downloaded JSON and CSV files read back and checked field by field.

async function downloaded(popup: Page, name: string): Promise<{ file: string; text: string }> {
  const [download] = (await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: `Download ${name}` }).click(),
  ])) as [Download, unknown];
  return { file: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

const csv = (text: string) => text.replace(/^\ufeff/, '').split('\r\n');

test('a Dutch company: paid profile after its cost, links, and JSON/CSV exports field by field', async ({
  context,
  extensionId,
  registry,
}) => {
  const popup = await openPopup(context, extensionId);
  await search(popup, NL.bv.kvkNummer);
  await expect(popup.getByTestId('company-name')).toHaveText('Test BV Donald');
  const links = popup.getByTestId('links');
  await expect(links.getByRole('link', { name: 'Open at kvk.nl' })).toHaveAttribute(
    'href',
    `https://www.kvk.nl/zoeken/?source=all&q=${NL.bv.kvkNummer}`,
  );
  await expect(links.getByRole('link', { name: 'Order a KVK extract' })).toHaveAttribute(
    'href',
    /^https:\/\/www\.kvk\.nl\/bestellen\/#\/68750110\d{12}$/,
  );
  await expect(popup.getByTestId('annual-accounts')).toContainText('Order them from KVK');

  // The cost is stated before anything paid is asked.
  await expect(popup.getByTestId('profile-cost')).toHaveText(
    'Costs €0.02 per query at KVK (Basisprofiel or Vestigingsprofiel). This month: 0 of your cap of 500 paid queries.',
  );
  expect(registry.requests.filter((r) => r.path.includes('basisprofielen'))).toEqual([]);
  await popup.getByRole('button', { name: 'Get more details (paid)' }).click();
  await expect(popup.getByTestId('employees')).toHaveText(String(NL.bv.totaalWerkzamePersonen));
  await expect(popup.getByTestId('activities')).toContainText(NL.bv.sbi[0]!.sbiCode);
  expect(registry.requests.filter((r) => r.path.includes(`basisprofielen/${NL.bv.kvkNummer}`))).toHaveLength(1);

  const json = await downloaded(popup, 'JSON');
  expect(json.file).toBe('test-bv-donald-68750110.json');
  const record = JSON.parse(json.text);
  expect(record.format).toBe('company-lens/company@1');
  expect(record.name).toBe('Test BV Donald');
  expect(record.kvkNumber).toBe(NL.bv.kvkNummer);
  expect(record.rsin).toBe(NL.bv.rsin);
  expect(record.branchNumber).toMatch(/^\d{12}$/);
  expect(record.status).toBe('active');
  expect(record.legalForm).toBe('Besloten Vennootschap');
  // The visiting address as KVK writes it (house number addition `3 A`), not the PO box.
  expect(record.address).toMatchObject({
    street: 'Hizzaarderlaan',
    houseNumber: '3 A',
    postalCode: '8823SJ',
    city: 'Lollum',
  });
  expect(record.employees).toBe(NL.bv.totaalWerkzamePersonen);
  expect(record.activities.map((a: { code: string }) => a.code)).toContain(NL.bv.sbi[0]!.sbiCode);
  expect(record.source).toMatchObject({ service: 'kvk' });
  expect(new Date(record.source.fetchedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  expect(record.links).toContain(`https://www.kvk.nl/zoeken/?source=all&q=${NL.bv.kvkNummer}`);

  const exact = await downloaded(popup, 'CSV for Exact Online');
  expect(exact.file).toBe('test-bv-donald-68750110-exact.csv');
  expect(exact.text.startsWith('\ufeff')).toBe(true);
  const [header, row, end] = csv(exact.text);
  expect(header).toBe('Name,ChamberOfCommerce,VATNumber,AddressLine1,Postcode,City,Country,LegalForm');
  const fields = Object.fromEntries(header!.split(',').map((h, i) => [h, row!.split(',')[i]]));
  expect(fields).toEqual({
    Name: 'Test BV Donald',
    ChamberOfCommerce: NL.bv.kvkNummer,
    VATNumber: '',
    AddressLine1: 'Hizzaarderlaan 3 A',
    Postcode: '8823SJ',
    City: 'Lollum',
    Country: 'NL',
    LegalForm: 'Besloten Vennootschap',
  });
  expect(end).toBe('');

  // Copy as text: the name and the address block.
  await popup.getByRole('button', { name: 'Copy Name and address' }).click();
  await expect(popup.getByTestId('export').getByRole('status').first()).toHaveText('Copied');
  // Read the clipboard back the way a user would: paste it into a text field.
  await popup.evaluate(() => document.body.append(Object.assign(document.createElement('textarea'), { id: 'paste' })));
  await popup.locator('#paste').focus();
  await popup.keyboard.press('Control+V');
  await expect(popup.locator('#paste')).toHaveValue('Test BV Donald\nHizzaarderlaan 3 A\n8823SJ Lollum');
});

test('a Belgian company by VAT number: AFAS CSV with Belgian fields, the NBB accounts link', async ({
  context,
  extensionId,
}) => {
  const popup = await openPopup(context, extensionId);
  await search(popup, 'BE 0876.543.270');
  await expect(popup.getByTestId('company-name')).toHaveText('Société Lumière & Fils');
  await expect(popup.getByTestId('annual-accounts').getByRole('link')).toHaveAttribute(
    'href',
    `https://consult.cbso.nbb.be/consult-enterprise/${BE.bv.enterpriseNumber}`,
  );
  await expect(popup.getByTestId('profile-cost')).toContainText('Counts against your kbodata.app plan');

  const afas = await downloaded(popup, 'CSV for AFAS');
  expect(afas.file).toBe('societe-lumiere-fils-0876543270-afas.csv');
  const [header, row] = csv(afas.text);
  expect(header).toBe('Nm,CcNr,VaId,Ad,HmNr,HmAd,ZpCd,Rs,CoId');
  const fields = Object.fromEntries(header!.split(',').map((h, i) => [h, row!.split(',')[i]]));
  expect(fields).toEqual({
    Nm: 'Société Lumière & Fils',
    CcNr: BE.bv.enterpriseNumber,
    VaId: BE.bv.vatNumber,
    Ad: 'Féronstréestraat',
    HmNr: '93',
    HmAd: '',
    ZpCd: '4000',
    Rs: 'Luik',
    CoId: 'B',
  });

  const json = JSON.parse((await downloaded(popup, 'JSON')).text);
  expect(json).toMatchObject({
    name: 'Société Lumière & Fils',
    kboNumber: BE.bv.enterpriseNumber,
    vatNumber: BE.bv.vatNumber,
    legalForm: 'Besloten vennootschap',
    startDate: '2015-08-20',
    vatCheck: { verdict: 'valid' },
    source: { service: 'kbodata' },
  });
  expect(json.kvkNumber).toBeUndefined();
});
