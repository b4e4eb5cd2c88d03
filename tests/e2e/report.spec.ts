import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BE, BE_ESTABLISHMENTS, BULK_VAT, NL, VAT, fullVatNumber } from '../fixtures/registry/companies';
import { viesUserError, type RegistryHost } from '../fixtures/registry/faults';
import type { RegistryServer } from '../fixtures/registry/server';
import { ALL_KEYS, openPopup } from './support/popup';
import { parseCsv, readTable, reportTab, rowsByNumber, waitUntilSettled } from './support/report';

// "Check all" over every frame of a page: one row per distinct number with its verdict, a member state in outage
// that is never called "invalid" and succeeds after "Retry these", one request per number that needs one, no paid
// request before the user agrees, and the CSV equal to the table.

/** A KVK number no company in the catalogue has. */
const UNKNOWN_KVK = '12345670';
/** A Dutch VAT number whose check digits fail (labelled, so the page shows it). */
const FAILING_VAT = 'NL857587974B01';
const dotted = (n: string) => n.replace(/(\d{4})(\d{3})(\d{3})/, '$1.$2.$3');
const dottedEstablishment = (n: string) => n.replace(/(\d)(\d{3})(\d{3})(\d{3})/, '$1.$2.$3.$4');
const bulkNl = (from: number, to: number) => BULK_VAT.nl.slice(from, to).map(fullVatNumber);
const bulkDe = BULK_VAT.de.slice(0, 3).map(fullVatNumber);

/** The top page: Dutch and Belgian numbers of every kind, a same-origin frame and a cross-origin frame. */
function topPage(sameOrigin: string, crossOrigin: string): string {
  const kvk = [NL.bv, NL.eenmanszaak, NL.nv, NL.stichting, NL.cooperatie, NL.inactive, NL.foreign]
    .map((c) => `<li>${c.naam}, KvK-nummer ${c.kvkNummer}</li>`)
    .join('');
  return `<!doctype html><html lang="nl"><meta charset="utf-8"><title>Debiteuren</title>
<h1>Debiteuren Q3</h1>
<ul>${kvk}<li>Onbekend bedrijf, KvK-nummer ${UNKNOWN_KVK}</li></ul>
<p>Vestigingsnummer ${NL.bv.branches[0]!.vestigingsnummer}; RSIN ${NL.nv.rsin}.</p>
<p>Btw-nummers: ${fullVatNumber(VAT.nlBv)}, ${fullVatNumber(VAT.nlEenmanszaak)}, ${fullVatNumber(VAT.nlInactive)},
${fullVatNumber(VAT.fr)}, ${fullVatNumber(VAT.el)}; oude factuur met btw-nummer ${FAILING_VAT}.</p>
<p>België: ondernemingsnummer ${dotted(BE.nv.enterpriseNumber)}, ondernemingsnummer ${dotted(BE.stopped.enterpriseNumber)},
vestigingseenheid ${dottedEstablishment(BE_ESTABLISHMENTS.brewery.establishmentNumber)}, btw ${fullVatNumber(VAT.beBv)}.</p>
<p>${bulkNl(0, 10).join(' · ')}</p>
<iframe src="${sameOrigin}" title="same origin"></iframe>
<iframe src="${crossOrigin}" title="cross origin"></iframe>
</html>`;
}

/** A frame of the same origin: more Dutch VAT numbers, one of them also on the top page. */
const sameOriginFrame = () =>
  `<!doctype html><meta charset="utf-8"><p>${[...bulkNl(10, 16), fullVatNumber(VAT.nlBv)].join(' ')}</p>`;

/** A cross-origin frame: the German numbers (their member state goes down) and a repeat of a top-page number. */
const crossOriginFrame = () =>
  `<!doctype html><meta charset="utf-8"><p>USt-IdNr. ${[fullVatNumber(VAT.de), ...bulkDe].join(', ')}; KvK ${NL.bv.kvkNummer}</p>`;

/** The numbers the page holds, each once. */
const EXPECTED_NUMBERS = [
  ...[NL.bv, NL.eenmanszaak, NL.nv, NL.stichting, NL.cooperatie, NL.inactive, NL.foreign].map((c) => c.kvkNummer),
  UNKNOWN_KVK,
  NL.bv.branches[0]!.vestigingsnummer,
  NL.nv.rsin!,
  ...[VAT.nlBv, VAT.nlEenmanszaak, VAT.nlInactive, VAT.fr, VAT.el].map(fullVatNumber),
  FAILING_VAT,
  dotted(BE.nv.enterpriseNumber),
  dotted(BE.stopped.enterpriseNumber),
  dottedEstablishment(BE_ESTABLISHMENTS.brewery.establishmentNumber),
  fullVatNumber(VAT.beBv),
  ...bulkNl(0, 16),
  fullVatNumber(VAT.de),
  ...bulkDe,
];

const count = (registry: RegistryServer, host: RegistryHost, path?: RegExp) =>
  registry.requestsTo(host).filter((r) => !path || path.test(r.path)).length;
const viesChecks = (registry: RegistryServer, state?: string) =>
  registry
    .requestsTo('ec.europa.eu')
    .filter((r) => r.path.endsWith('/check-vat-number'))
    .filter((r) => !state || (JSON.parse(r.body) as { countryCode: string }).countryCode === state).length;

/** Waits until the content script of every frame of `page` has highlighted its numbers. */
async function scanned(page: Page): Promise<void> {
  for (const frame of page.frames())
    await expect.poll(() => frame.evaluate(() => CSS.highlights.size), { timeout: 15_000 }).toBeGreaterThan(0);
}

async function downloadText(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${button}"]`).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

test('Check all over every frame: each number once with its verdict, an outage retried, no paid request unasked', async ({
  context,
  extensionId,
  pages,
  registry,
}) => {
  test.setTimeout(90_000);
  // Germany's system is down (VIES check-status says so, its checks answer MS_UNAVAILABLE) until the test says.
  let germanyDown = true;
  const outage = viesUserError('DE', 'MS_UNAVAILABLE');
  registry.use((req) => (germanyDown ? outage(req) : undefined));
  // France answers one check "too many requests for this member state": retried with backoff, then valid.
  registry.use(viesUserError('FR', 'MS_MAX_CONCURRENT_REQ', { times: 1 }));

  const crossOrigin = pages.origin.replace('127.0.0.1', 'localhost');
  pages.add('/report/frame-same.html', sameOriginFrame());
  pages.add('/report/frame-cross.html', crossOriginFrame());
  const site = await context.newPage();
  await site.goto(
    pages.add('/report/debtors.html', topPage('/report/frame-same.html', `${crossOrigin}/report/frame-cross.html`)),
  );
  await scanned(site);
  const popup = await openPopup(context, extensionId, { ...ALL_KEYS, requesterVat: fullVatNumber(VAT.nlBv) });

  // "On this page" lists every frame's numbers, each once; listing sends nothing.
  const checkAll = popup.getByTestId('check-all');
  await expect(checkAll).toHaveText(`Check all (${EXPECTED_NUMBERS.length})`);
  expect(EXPECTED_NUMBERS).toHaveLength(40);
  expect(registry.requests).toEqual([]);

  const report = await reportTab(context, () => checkAll.click());
  await waitUntilSettled(report);
  const rows = await rowsByNumber(report);
  expect([...rows.keys()].sort()).toEqual(EXPECTED_NUMBERS.sort());

  const verdict = (n: string) => {
    const r = rows.get(n)!;
    return [r.Status, r.VIES];
  };
  expect(verdict(NL.bv.kvkNummer)).toEqual(['Active', '']);
  expect(verdict(NL.inactive.kvkNummer)).toEqual(['Inactive', '']);
  expect(verdict(UNKNOWN_KVK)).toEqual(['not found', '']);
  expect(verdict(NL.nv.rsin!)).toEqual(['Active', '']);
  // A VAT number's company is VIES's name and address: its registry status is not known.
  expect(verdict(fullVatNumber(VAT.nlBv))).toEqual(['Status unknown', 'valid']);
  expect(verdict(fullVatNumber(VAT.nlInactive))).toEqual(['', 'invalid']);
  expect(verdict(fullVatNumber(VAT.fr))).toEqual(['Status unknown', 'valid']);
  expect(verdict(FAILING_VAT)).toEqual(['not checked: check digits fail', '']);
  expect(rows.get(FAILING_VAT)!['Check digits']).toBe('check fails');
  expect(verdict(dotted(BE.nv.enterpriseNumber))).toEqual(['Status unknown', 'valid']);
  expect(verdict(dotted(BE.stopped.enterpriseNumber))).toEqual(['', 'invalid']);
  expect(verdict(dottedEstablishment(BE_ESTABLISHMENTS.brewery.establishmentNumber))).toEqual([
    'only kbodata.app (paid) knows',
    '',
  ]);
  for (const n of bulkNl(0, 16)) expect(verdict(n)).toEqual(['Status unknown', 'valid']);
  // The member state in outage: "cannot be checked now", never "invalid", and not asked once (check-status said so).
  for (const n of [fullVatNumber(VAT.de), ...bulkDe])
    expect(verdict(n)).toEqual(['cannot be checked now', 'cannot be checked now (Germany not answering)']);
  expect(viesChecks(registry, 'DE')).toBe(0);
  await expect(report.getByTestId('report-lanes')).toContainText('Germany cannot be checked now; next try at');
  // Written as on the page, normalised, with the consultation number of each VIES check.
  expect(rows.get(dotted(BE.nv.enterpriseNumber))!['As written']).toBe(dotted(BE.nv.enterpriseNumber));
  expect(rows.get(fullVatNumber(VAT.nlBv))!['Consultation number']).toMatch(/^WAPIAAAAZ\w+$/);
  expect(rows.get(NL.bv.kvkNummer)!.Name).toBe('Test BV Donald');
  expect(rows.get(fullVatNumber(VAT.fr))!.Source).toBe('VIES');
  await expect(report.getByTestId('report-requester')).toContainText(fullVatNumber(VAT.nlBv));

  // Requests: one per number that needed one — KVK Zoeken per Dutch number, VIES per VAT or Belgian enterprise
  // number (France once more, for its retried concurrency error) — plus VIES's check-status; none for the failing
  // check, the establishment unit (only kbodata.app knows it) or Germany; and not one paid kbodata.app request.
  expect(count(registry, 'api.kvk.nl')).toBe(10);
  expect(viesChecks(registry)).toBe(5 + 2 + 1 + 16 + 1);
  expect(count(registry, 'ec.europa.eu', /check-status/)).toBe(1);
  expect(count(registry, 'api.kbodata.app')).toBe(0);

  // Germany comes back; "Retry these" checks its four rows (and only them) again.
  germanyDown = false;
  const before = registry.requests.length;
  await report.getByTestId('retry-failed').click();
  await expect(report.locator('tbody tr[data-state="unavailable"]')).toHaveCount(0);
  await waitUntilSettled(report);
  const retried = await rowsByNumber(report);
  for (const n of [fullVatNumber(VAT.de), ...bulkDe]) expect(retried.get(n)!.VIES).toBe('valid');
  expect(registry.requests.slice(before).map((r) => JSON.parse(r.body).countryCode)).toEqual(['DE', 'DE', 'DE', 'DE']);
  await expect(report.getByTestId('report-status')).toHaveText('Finished.');

  // The CSV holds exactly the table (header and every cell, in the order shown).
  const table = await readTable(report);
  const csv = await downloadText(report, 'csv');
  expect(csv.startsWith('\ufeff')).toBe(true);
  expect(parseCsv(csv.slice(1))).toEqual([table.headers, ...table.rows]);

  // The paid step: offered with its count against the cap, taken only after "yes".
  const paid = report.getByTestId('paid-step');
  await expect(paid).toContainText('kbodata.app can add the status, legal form and address of 4 Belgian numbers');
  await expect(paid).toContainText('This month 0 of your cap of 500 are used.');
  expect(count(registry, 'api.kbodata.app')).toBe(0);
  await paid.getByRole('button', { name: 'Look them up (4 requests)' }).click();
  await expect(paid).toContainText('Looked up at kbodata.app with your agreement: 4 of 4.');
  await waitUntilSettled(report);
  expect(count(registry, 'api.kbodata.app')).toBe(4);
  const afterPaid = await rowsByNumber(report);
  expect(afterPaid.get(dotted(BE.stopped.enterpriseNumber))!.Status).toBe('Inactive');
  const unit = afterPaid.get(dottedEstablishment(BE_ESTABLISHMENTS.brewery.establishmentNumber))!;
  expect([unit.Name, unit.Source]).toEqual([BE_ESTABLISHMENTS.brewery.denominations[0]!.value, 'kbodata.app']);
});
