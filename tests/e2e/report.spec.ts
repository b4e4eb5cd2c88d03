import { rsinOfDutchVat } from '../../utils/registry/lookup/vat';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BE, BE_ESTABLISHMENTS, BULK_VAT, NL, VAT, fullVatNumber } from '../fixtures/registry/companies';
import { latency, viesUserError, type RegistryHost } from '../fixtures/registry/faults';
import type { RegistryServer } from '../fixtures/registry/server';
import { stopServiceWorkers } from './support/extension-page';
import { ALL_KEYS, getStorage, openPopup } from './support/popup';
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
  await popup.close(); // the background runs the report, not the popup
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
  // A Dutch VAT number holding a known RSIN gets KVK's company (KVK Zoeken by the RSIN, free) and so its status;
  // any other VAT number's company is VIES's name and address: its registry status is not known.
  expect(verdict(fullVatNumber(VAT.nlBv))).toEqual(['Active', 'valid']);
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
  expect(rows.get(NL.bv.kvkNummer)!.Name).toBe(NL.bv.naam);
  expect(rows.get(fullVatNumber(VAT.fr))!.Source).toBe('VIES');
  await expect(report.getByTestId('report-requester')).toContainText(fullVatNumber(VAT.nlBv));

  // Requests: one per number that needed one — KVK Zoeken per Dutch number and per Dutch VAT number holding an RSIN,
  // VIES per VAT or Belgian enterprise number (France once more, for its retried concurrency error) — plus VIES's
  // check-status; none for the failing check, the establishment unit (only kbodata.app knows it) or Germany; and not
  // one paid kbodata.app request.
  const dutchVatWithRsin = [VAT.nlBv, VAT.nlEenmanszaak, VAT.nlInactive]
    .map(fullVatNumber)
    .concat(bulkNl(0, 16))
    .filter((v) => rsinOfDutchVat(v) !== undefined);
  expect(count(registry, 'api.kvk.nl')).toBe(10 + dutchVatWithRsin.length);
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

/** Holds every request matching `test` until `release()`; `held` counts the ones waiting. */
function gate(test: (path: string, host: string) => boolean) {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const state = { held: 0 };
  const handler = Object.assign(
    async (req: { host: string; url: URL }) => {
      if (!test(req.url.pathname, req.host)) return undefined;
      state.held++;
      await opened;
      return undefined;
    },
    { passThrough: true },
  );
  return { handler, release: () => open(), state };
}

/** Opens the report page's "Check a list" from the popup, pastes `text` and starts the report. */
async function checkList(page: Page, text: string, found: string): Promise<void> {
  await page.getByLabel('Text with numbers').fill(text);
  await expect(page.getByTestId('list-found')).toHaveText(found);
  await page.getByRole('button', { name: /^Check / }).click();
  await expect(page).toHaveURL(/report\.html#[0-9a-f-]{36}$/);
}

test('a pasted spreadsheet column: one row per distinct number; cancel stops every request not yet sent', async ({
  context,
  extensionId,
  registry,
}) => {
  const popup = await openPopup(context, extensionId);
  const page = await reportTab(context, () => popup.getByTestId('check-list').click());
  await page.waitForURL(/report\.html#new$/);
  // 200 lines: a header, 170 distinct numbers, 20 of them twice more, and blank lines.
  const distinct = bulkNl(20, 190);
  const lines = ['BTW-nummer', ...distinct.slice(0, 100), '', ...distinct.slice(0, 20), '  ', ...distinct.slice(100)];
  while (lines.length < 200) lines.push('');
  expect(lines).toHaveLength(200);
  // Beyond 2,000 numbers: said before anything is sent, with the first 2,000 on offer.
  const many = ['KvK-nummer', ...Array.from({ length: 2001 }, (_, i) => String(30_000_000 + i))].join('\n');
  await page.getByLabel('Text with numbers').fill(many);
  await expect(page.getByTestId('list-found')).toHaveText(
    '2001 numbers found: a report holds at most 2000. Split the list, or check the first 2000.',
  );
  await expect(page.getByRole('button', { name: 'Check the first 2000' })).toBeEnabled();
  // VIES holds its answers: what was sent before "Cancel" is all that may ever be sent.
  const held = gate((path) => path.endsWith('/check-vat-number') || /\/ms\//.test(path));
  registry.use(held.handler);
  await checkList(page, lines.join('\n'), '170 numbers found.');
  await expect(page.locator('tbody tr')).toHaveCount(170);
  await expect(page.getByTestId('report-counts')).toContainText('0 of 170 checked');
  // One member state: one request at a time; the next rows wait for it.
  await expect.poll(() => held.state.held).toBe(1);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('report-status')).toHaveText('Cancelled: the numbers not checked yet stay unchecked.');
  held.release();
  await expect(page.getByTestId('report-counts')).toContainText('1 of 170 checked');
  await expect(page.getByTestId('report-table')).not.toContainText('checking…');
  expect(viesChecks(registry) + count(registry, 'ec.europa.eu', /\/ms\//)).toBe(1);
  await expect(page.locator('tbody tr[data-state="waiting"]')).toHaveCount(169);
});

test('cancel in the middle: the checks queued behind the throttle are never sent', async ({
  context,
  extensionId,
  registry,
}) => {
  const popup = await openPopup(context, extensionId, { requesterVat: fullVatNumber(VAT.nlBv) });
  const page = await reportTab(context, () => popup.getByTestId('check-list').click());
  // Four member states: four rows at once, of which VIES's throttle sends two; the other two wait in it.
  const held = gate((path) => path.endsWith('/check-vat-number'));
  registry.use(held.handler);
  const numbers = [VAT.nlBv, VAT.de, VAT.fr, VAT.el, VAT.beNv].map(fullVatNumber);
  await checkList(page, numbers.join('\n'), '5 numbers found.');
  await expect.poll(() => held.state.held).toBe(2);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('report-status')).toHaveAttribute('data-status', 'cancelled');
  held.release();
  await expect(page.getByTestId('report-counts')).toContainText('2 of 5 checked');
  await expect(page.getByTestId('report-table')).not.toContainText('checking…');
  expect(viesChecks(registry)).toBe(2);
});

test('closing the report and stopping the worker loses no finished row; reopening resumes the rest', async ({
  context,
  extensionId,
  registry,
}) => {
  test.setTimeout(60_000);
  const popup = await openPopup(context, extensionId);
  const page = await reportTab(context, () => popup.getByTestId('check-list').click());
  const numbers = bulkNl(200, 230);
  registry.use(latency(150, { host: 'ec.europa.eu' }));
  await checkList(page, ['BTW', ...numbers].join('\n'), '30 numbers found.');
  const id = new URL(page.url()).hash.slice(1);
  await expect
    .poll(async () => page.locator('tbody tr[data-state="done"]').count(), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(5);

  // What storage holds as finished (the page shows only what was stored), then the tab closes and the worker stops.
  const stored = async () =>
    (await getStorage(popup, `report:${id}:rows:0`)) as { value: string; state: string; checkedAt?: number }[];
  await page.close();
  await stopServiceWorkers(context, popup);
  const before = (await stored()).filter((r) => r.state === 'done');
  expect(before.length).toBeGreaterThanOrEqual(5);
  expect(before.length).toBeLessThan(30);

  const reopened = await context.newPage();
  await reopened.goto(`chrome-extension://${extensionId}/report.html#${id}`);
  await expect(reopened.getByTestId('report-status')).toHaveText('Finished.', { timeout: 30_000 });
  const after = await stored();
  expect(after.every((r) => r.state === 'done')).toBe(true);
  // Each finished row kept its check (same time, no second request); each other number was asked at least once.
  for (const row of before) expect(after.find((r) => r.value === row.value)!.checkedAt).toBe(row.checkedAt);
  const asked = registry.requestsTo('ec.europa.eu').flatMap((r) => {
    const m = /\/ms\/NL\/vat\/(\w+)$/.exec(r.path);
    return m ? [`NL${m[1]}`] : [];
  });
  for (const row of before) expect(asked.filter((n) => n === row.value)).toHaveLength(1);
  expect(new Set(asked)).toEqual(new Set(numbers));

  // The popup lists it; deleting it removes it from storage and from the list.
  await expect(popup.getByTestId('report-list')).toContainText('a pasted list · 30 numbers');
  await reopened.getByRole('button', { name: 'Delete report' }).click();
  await reopened.getByRole('button', { name: 'Delete for good' }).click();
  await expect(reopened.getByTestId('check-list')).toBeVisible();
  await expect(popup.getByTestId('reports')).toContainText('No reports yet.');
  expect(await getStorage(popup, `report:${id}`)).toBeUndefined();
  expect(await getStorage(popup, `report:${id}:rows:0`)).toBeUndefined();
});
