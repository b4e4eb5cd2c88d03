// A verification report of 500 numbers in the production build (Chromium, fixture registry on 127.0.0.1, every
// registry answer 150 ms late): time to finish; requests in flight at most, per service and per VIES member state (as
// the registry saw them: a request counts from its arrival until its answer leaves); requests made against rows; the
// report page's JS heap with the 500 rows against the same page empty (the yardstick), after a garbage collection.
// The time is set against what VIES's throttle allows (5 requests a second): the bound no run can beat.
import { withExtension } from './extension-bench.mjs';

const LATENCY_MS = 150;
const VIES_RATE = 5; // requests a second (utils/net/throttle.ts)

const ENTRY = `
export { BE, BULK_VAT, NL, VAT, fullVatNumber } from './tests/fixtures/registry/companies';
export { KVK_PRODUCTION_KEY } from './tests/fixtures/registry/keys';
`;

/** 500 numbers: 440 Dutch and 20 German VAT numbers, 6 other VAT numbers, 3 Belgian enterprises, 31 KVK numbers. */
function numbers(m) {
  const vat = [
    ...m.BULK_VAT.nl.slice(0, 440),
    ...m.BULK_VAT.de,
    m.VAT.fr,
    m.VAT.el,
    m.VAT.beNv,
    m.VAT.nlBv,
    m.VAT.nlInactive,
    m.VAT.lu,
  ];
  const kbo = [m.BE.nv, m.BE.bv, m.BE.stopped].map((e) => ({ kind: 'kbo', value: e.enterpriseNumber }));
  const known = Object.values(m.NL).map((c) => c.kvkNummer);
  const kvk = Array.from({ length: 31 }, (_, i) => known[i] ?? String(20_000_000 + i * 7));
  return [
    ...vat.map((v) => ({ kind: 'vat', value: m.fullVatNumber(v) })),
    ...kbo,
    ...kvk.map((value) => ({ kind: 'kvk', value })),
  ];
}

/** A pass-through handler that adds the latency and counts requests in flight, per service and per member state. */
function inFlightMeter() {
  const now = new Map();
  const max = new Map();
  const bump = (key, d) => {
    const n = (now.get(key) ?? 0) + d;
    now.set(key, n);
    if (n > (max.get(key) ?? 0)) max.set(key, n);
  };
  const keysOf = (req) => {
    const keys = [req.host];
    const ms = /\/ms\/([A-Z]{2})\/vat\//.exec(req.url.pathname);
    if (ms) keys.push(`VIES ${ms[1]}`);
    return keys;
  };
  const handler = Object.assign(
    async (req) => {
      const keys = keysOf(req);
      for (const k of keys) bump(k, 1);
      await new Promise((r) => setTimeout(r, LATENCY_MS));
      for (const k of keys) bump(k, -1);
      return undefined;
    },
    { passThrough: true },
  );
  return { handler, max };
}

async function heapAfterGc(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

export async function run() {
  await withExtension('report', ENTRY, bench);
}

async function bench({ m, registry, launched }) {
  const meter = inFlightMeter();
  registry.use(meter.handler);
  const { context, extensionId } = launched;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/report.html#new`);
  await page.evaluate(
    (kvk) =>
      chrome.storage.local.set({
        credentials: {
          kvk: { apiKey: kvk, useTestEnvironment: false, baseUrl: null },
          kbodata: { username: '', token: '', baseUrl: null },
          vies: { requesterVat: '' },
        },
      }),
    m.KVK_PRODUCTION_KEY,
  );
  await page.reload();
  await page.waitForSelector('textarea');
  const emptyHeap = await heapAfterGc(context, page);

  const items = numbers(m);
  const t0 = Date.now();
  const { id } = await page.evaluate(
    (items) => chrome.runtime.sendMessage({ type: 'report-create', source: { type: 'list' }, items }),
    items,
  );
  await page.goto(`chrome-extension://${extensionId}/report.html#${id}`);
  await page.waitForSelector('[data-testid="report-table"] tbody tr');
  const firstRowsMs = Date.now() - t0;
  // Finished, or only waiting for a member state that stays down (Luxembourg is down in the fixture registry).
  await page.waitForFunction(
    () =>
      document.querySelectorAll('tbody tr[data-state="waiting"]').length === 0 &&
      !document.querySelector('[data-testid="report-table"]')?.textContent?.includes('checking…'),
    undefined,
    { timeout: 15 * 60_000, polling: 250 },
  );
  const finishedMs = Date.now() - t0;
  const rows = await page.locator('tbody tr').count();
  const states = await page.evaluate(() =>
    [...document.querySelectorAll('tbody tr')].reduce((o, tr) => {
      o[tr.dataset.state] = (o[tr.dataset.state] ?? 0) + 1;
      return o;
    }, {}),
  );
  const fullHeap = await heapAfterGc(context, page);

  const byHost = (h) => registry.requestsTo(h).length;
  const viesChecks = registry.requestsTo('ec.europa.eu').filter((r) => r.path.includes('/ms/')).length;
  const bound = viesChecks / VIES_RATE;
  const states2 = [...meter.max].filter(([k]) => k.startsWith('VIES ')).map(([k, v]) => `${k.slice(5)} ${v}`);
  const perState = {};
  for (const r of registry.requestsTo('ec.europa.eu')) {
    const ms = /\/ms\/([A-Z]{2})\/vat\//.exec(r.path)?.[1];
    if (ms) perState[ms] = (perState[ms] ?? 0) + 1;
  }
  console.log(`${items.length} numbers (${rows} rows), every registry answer ${LATENCY_MS} ms late`);
  console.log(`first rows shown ${firstRowsMs} ms after "create"; settled after ${(finishedMs / 1000).toFixed(1)} s`);
  console.log(`rows by state: ${JSON.stringify(states)}`);
  console.log(
    `requests: VIES checks ${viesChecks}, VIES check-status ${registry.requestsTo('ec.europa.eu').length - viesChecks}, KVK ${byHost('api.kvk.nl')}, kbodata ${byHost('api.kbodata.app')}`,
  );
  console.log(`VIES checks per member state: ${JSON.stringify(perState)}`);
  console.log(
    `VIES's throttle bound: ${viesChecks} checks at ${VIES_RATE}/s = ${bound.toFixed(1)} s; this run ${(finishedMs / 1000).toFixed(1)} s = ${(finishedMs / 1000 / bound).toFixed(2)}× the bound`,
  );
  console.log(
    `in flight at most: VIES ${meter.max.get('ec.europa.eu') ?? 0}, KVK ${meter.max.get('api.kvk.nl') ?? 0}, kbodata ${meter.max.get('api.kbodata.app') ?? 0}; per member state: ${states2.join(', ')}`,
  );
  console.log(
    `report page JS heap after GC: ${(fullHeap / 1e6).toFixed(2)} MB with ${rows} rows, ${(emptyHeap / 1e6).toFixed(2)} MB empty (${(fullHeap / emptyHeap).toFixed(2)}×)`,
  );
}
