// Page-scan cost of the production content script in Chromium, on generated pages served from 127.0.0.1, each of
// 50,000 paragraphs (≈ 250,000 text nodes, ≈ 5 M characters):
//   dense        numbers in most text nodes: an order number in every paragraph, a phone number in 7 of 10 (1.7 a
//                paragraph), 250 identifiers                                 (a) first scan CPU ÷ cold walk, goal ≤ 2.0
//   prose        only times and prices, 100 identifiers                     (b) goal ≤ 1.3
//   series-N     a phone or order number in N % of the paragraphs (1, 10, 50, 100), the same 100 identifiers
//                                                                            (c) CPU at 100 % ÷ CPU at 1 %, goal ≤ 2
//   (d) the longest extension task on any page (CPU, V8 GC included), goal ≤ 50 ms, 95th percentile ≤ 10 ms, and the
//       longest without GC; (e) rescans of the whole page (as after a settings change), and a page appending 1,000
//       paragraphs a second for 10 s (the extension's share of main-thread time).
// The yardstick is a cold walk: a bare TreeWalker walk reading every text node's `data`, each in a fresh isolated
// world (CDP Page.createIsolatedWorld, so it pays the wrapper creation a first scan pays), the fastest of three, in the
// same tab right after the first scan it divides. Both sides are CPU: thread time from a Chromium trace (the machine
// is shared; wall time would include what other processes took). Each page is loaded PAIRS times in a fresh tab (a
// pair: the first scan and its walks); a figure is the median ratio with the lowest and highest.
// Extension work in the trace: the tasks that run the content script's JavaScript (its microtask slices, its script
// and chunk evaluation, its timers). GC inside them is reported apart, with what kind it was.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const EXTENSION_DIR = resolve('.output/chrome-mv3');
const PAIRS = Number(process.env.PAGE_SCAN_PAIRS ?? 5);
/** Rescans traced back to back in each pair (e). */
const RESCANS = 3;
const PARAGRAPHS = 50_000;
const IDENTIFIERS = [
  'KvK-nummer 33014286',
  'btw NL805734958B01',
  'Ondernemingsnummer 0202.239.951',
  'BTW BE0417497106',
];
const WORDS =
  'de het een van en in op met voor bij uit naar over onder tussen factuur levering klant order bedrag'.split(' ');

/** Five text nodes (two of them in <b> and <a>) of Dutch words, with `tail` ending the paragraph. */
function paragraph(i, tail, lead = '') {
  const w = (k) => WORDS[(i * 7 + k * 13) % WORDS.length];
  const words = (k, n) => Array.from({ length: n }, (_, j) => w(k + j)).join(' ');
  return `<p>${words(0, 4)} ${lead}<b>${w(20)} ${w(21)}</b> ${words(3, 6)} <a href="#p${i}">${w(5)} ${w(6)}</a> ${tail}</p>`;
}

const identifier = (i, every) => IDENTIFIERS[Math.floor(i / every) % IDENTIFIERS.length];
const phone = (i) => `bel 020 ${100 + (i % 900)} ${1000 + (i % 9000)} of mail.`;
const order = (i) => `order ${20240000 + i} van 12-03-2024.`;

/** An order list: an order number in every paragraph, a phone number in 7 of 10, an identifier in 1 of 200. */
function dense(i) {
  const tail = i % 200 === 100 ? `zie ${identifier(i, 200)}.` : i % 10 < 7 ? phone(i) : 'bel ons of mail ons.';
  return paragraph(i, tail, `order ${20240000 + i} `);
}

/** Prose: a time and a price in 1 of 5 paragraphs, an identifier in 1 of 500. */
function prose(i) {
  if (i % 500 === 250) return paragraph(i, `zie ${identifier(i, 500)}.`);
  return paragraph(i, i % 5 === 2 ? `om ${10 + (i % 8)}:30 uur, € ${i % 100},50.` : 'en daarna verder.');
}

/** A phone or order number in `percent` % of the paragraphs (spread evenly), an identifier in 1 of 500. */
function series(percent) {
  return (i) => {
    if (i % 500 === 250) return paragraph(i, `zie ${identifier(i, 500)}.`);
    const withNumber = Math.floor(((i + 1) * percent) / 100) > Math.floor((i * percent) / 100);
    return paragraph(i, withNumber ? (i % 2 ? phone(i) : order(i)) : 'en daarna verder met de rest.');
  };
}

/** The bench's pages by name (also for profiling one by hand). */
export const PAGES = {
  dense: () => page(dense),
  prose: () => page(prose),
  ...Object.fromEntries([1, 10, 50, 100].map((p) => [`series-${p}`, () => page(series(p))])),
};

function page(make) {
  const body = Array.from({ length: PARAGRAPHS }, (_, i) => make(i)).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>${body}</body></html>`;
}

const appendPage = `<!doctype html><html><head><meta charset="utf-8"><title>feed</title></head><body><div id="feed"></div>
<script>
const WORDS = ${JSON.stringify(WORDS)};
const IDENTIFIERS = ${JSON.stringify(IDENTIFIERS)};
${paragraph.toString()}
const identifier = ${identifier.toString()};
const phone = ${phone.toString()};
${dense.toString()}
window.startFeed = () => new Promise((done) => {
  const feed = document.getElementById('feed');
  let i = 0;
  const t0 = performance.now();
  const id = setInterval(() => {
    feed.insertAdjacentHTML('beforeend', Array.from({ length: 100 }, () => dense(i++)).join(''));
    if (performance.now() - t0 >= 10000) { clearInterval(id); done(i); }
  }, 100);
});
</script></body></html>`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0;
const spread = (xs, digits = 2) =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

/** A CDP session on the tab, with evaluation in the content script's world and in fresh isolated worlds. */
async function session(context, page, extensionId) {
  const cdp = await context.newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const run = async (expression, contextId) => {
    const r = await cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? 'evaluation failed');
    return r.result.value;
  };
  const frameId = async () => (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
  return {
    cdp,
    async evaluate(expression) {
      const frame = await frameId();
      const ctx = contexts.findLast(
        (c) => c.origin === `chrome-extension://${extensionId}` && c.auxData?.frameId === frame,
      );
      if (!ctx) throw new Error('no content-script world');
      return run(expression, ctx.id);
    },
    async inFreshWorld(expression) {
      const world = await cdp.send('Page.createIsolatedWorld', {
        frameId: await frameId(),
        worldName: `bench-${Math.random()}`,
      });
      return run(expression, world.executionContextId);
    },
  };
}

async function settled(evaluate) {
  for (let i = 0; i < 1200; i++) {
    const s = await evaluate(
      'globalThis.__companyLens ? { b: __companyLens.scanner.batches, busy: __companyLens.scanner.isBusy } : null',
    ).catch(() => null);
    if (s && s.b > 0 && !s.busy) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('scan did not finish');
}

/** Drops every match and scans the whole page again; resolves when the highlights are painted. */
const RESCAN = `new Promise((resolve) => {
  const { scanner, index } = __companyLens;
  const off = scanner.onBatch(() => {
    if (scanner.isBusy) return;
    off();
    resolve(index.size);
  });
  scanner.stop();
  scanner.start();
})`;

/** The yardstick; the TimeStamp marks its task in the trace. */
const COLD_WALK = `(() => {
  console.timeStamp('company-lens-cold-walk');
  const w = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
  let n, nodes = 0, chars = 0;
  while ((n = w.nextNode())) { nodes++; chars += n.data.length; }
  return { nodes, chars };
})()`;

const CATEGORIES = ['toplevel', 'v8.execute', 'v8', 'devtools.timeline', 'disabled-by-default-v8.gc'];

async function traced(cdp, work) {
  const events = [];
  const onData = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  let result;
  try {
    result = await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return { result, events };
}

/** V8's garbage-collection events as the trace names them (the outermost ones: their phases nest inside). */
const GC_KIND = {
  MinorGC: 'scavenge',
  'V8.GCScavenger': 'scavenge',
  'V8.GCIncrementalMarking': 'marking step',
  'V8.GCFinalizeMC': 'mark-compact',
  MajorGC: 'mark-compact',
};
const TASKS = new Set(['ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
const JS = new Set([
  'RunMicrotasks',
  'EvaluateScript',
  'v8.run',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'FunctionCall',
  'v8.callFunction',
]);
const cpu = (e) => (e.tdur ?? e.dur) / 1000;

/** The outermost of `events` (sorted by start): those not inside another one. */
function outermost(events) {
  const out = [];
  let end = -Infinity;
  for (const e of events) {
    if (e.ts >= end) {
      out.push(e);
      end = e.ts + e.dur;
    }
  }
  return out;
}

/**
 * The tab's renderer main thread in a trace: the extension's tasks (CPU, wall, the GC inside them), the cold walks'
 * CPU, and the GC outside the extension's tasks while it worked.
 */
function analyse(events, extensionId) {
  const threads = new Map();
  for (const e of events)
    if (e.name === 'thread_name' && e.args.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, 0);
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (threads.has(key)) threads.set(key, threads.get(key) + 1);
  }
  const main = [...threads].sort((a, b) => b[1] - a[1])[0]?.[0];
  const on = events.filter((e) => `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts);
  const spans = on.filter((e) => e.ph === 'X');
  const tasks = outermost(spans.filter((e) => TASKS.has(e.name)));
  const gcs = outermost(spans.filter((e) => e.name in GC_KIND));
  const taskAt = (ts) => {
    let lo = 0;
    let hi = tasks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tasks[mid].ts + tasks[mid].dur < ts) lo = mid + 1;
      else if (tasks[mid].ts > ts) hi = mid - 1;
      else return tasks[mid];
    }
    return null;
  };
  // The cold walks' tasks (marked by their TimeStamp) end with a microtask checkpoint too: they are the yardstick.
  const walkTasks = new Set(
    on
      .filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'company-lens-cold-walk')
      .map((e) => taskAt(e.ts))
      .filter(Boolean),
  );
  const walks = [...walkTasks].map(cpu);
  const isOurs = (e) =>
    e.name === 'RunMicrotasks' ||
    e.args?.worldName === 'Company Lens' ||
    JSON.stringify(e.args ?? {}).includes(extensionId);
  const ours = new Set();
  for (const e of spans) {
    if (!JS.has(e.name) || e.dur < 20 || !isOurs(e)) continue;
    const task = taskAt(e.ts) ?? e;
    if (!walkTasks.has(task)) ours.add(task);
  }
  const slices = [...ours]
    .sort((a, b) => a.ts - b.ts)
    .map((t) => {
      const inside = gcs.filter((g) => g.ts >= t.ts && g.ts + g.dur <= t.ts + t.dur);
      const kinds = {};
      for (const g of inside) kinds[GC_KIND[g.name]] = (kinds[GC_KIND[g.name]] ?? 0) + 1;
      return { ts: t.ts, cpuMs: cpu(t), wallMs: t.dur / 1000, gcMs: inside.reduce((n, g) => n + cpu(g), 0), kinds };
    });
  const first = slices[0]?.ts ?? 0;
  const last = slices.length ? slices.at(-1).ts : 0;
  const inOurs = (g) => slices.some((s) => g.ts >= s.ts && g.ts <= s.ts + s.wallMs * 1000);
  const gcOutside = gcs.filter((g) => g.ts >= first && g.ts <= last && !inOurs(g)).reduce((n, g) => n + cpu(g), 0);
  const markingStarts = on
    .filter((e) => e.name === 'V8.GCIncrementalMarkingStart' && e.ts >= first && e.ts <= last)
    .map((e) => `${e.args?.value?.gc_reason ?? e.args?.value?.reason ?? '?'}${inOurs(e) ? ' (in a slice)' : ''}`);
  return { slices, walks, gcOutside, markingStarts };
}

const sum = (xs, f) => xs.reduce((n, x) => n + f(x), 0);

/** One pair: a fresh tab's first scan of `url` (traced), its cold walks, then RESCANS rescans. */
async function pair(context, extensionId, url) {
  const tab = await context.newPage();
  const s = await session(context, tab, extensionId);
  const firstScan = await traced(s.cdp, async () => {
    await tab.goto(url, { timeout: 180_000 });
    await settled(s.evaluate);
    const walks = [];
    for (let i = 0; i < 3; i++) walks.push(await s.inFreshWorld(COLD_WALK));
    return walks[0];
  });
  const a = analyse(firstScan.events, extensionId);
  await s.cdp.send('HeapProfiler.collectGarbage');
  const rescans = await traced(s.cdp, async () => {
    const matches = [];
    for (let i = 0; i < RESCANS; i++) matches.push(await s.evaluate(RESCAN));
    return matches;
  });
  const r = analyse(rescans.events, extensionId);
  const matches = await s.evaluate('__companyLens.index.size');
  await tab.close();
  const walk = Math.min(...a.walks);
  const scanCpu = sum(a.slices, (t) => t.cpuMs);
  return {
    text: firstScan.result,
    matches,
    walk,
    walks: a.walks,
    cpu: scanCpu,
    gc: sum(a.slices, (t) => t.gcMs),
    ratio: scanCpu / walk,
    slices: a.slices,
    gcOutside: a.gcOutside,
    markingStarts: a.markingStarts,
    rescanCpu: sum(r.slices, (t) => t.cpuMs) / RESCANS,
    rescanSlices: r.slices,
  };
}

function kindsOf(slices) {
  const kinds = {};
  for (const s of slices) for (const [k, n] of Object.entries(s.kinds)) kinds[k] = (kinds[k] ?? 0) + n;
  return Object.entries(kinds)
    .map(([k, n]) => `${n} ${k}${n > 1 ? 's' : ''}`)
    .join(', ');
}

function report(label, runs) {
  const r0 = runs[0];
  const slices = runs.flatMap((r) => r.slices);
  const withGc = slices.filter((s) => s.gcMs > 0);
  console.log(
    `${label}: ${r0.text.nodes} text nodes, ${(r0.text.chars / 1e6).toFixed(2)} M characters, ${r0.matches} matches, ${runs.length} pairs`,
  );
  console.log(
    `  cold walk (fastest of 3)   ${spread(
      runs.map((r) => r.walk),
      1,
    )} ms CPU`,
  );
  console.log(
    `  first scan                 ${spread(
      runs.map((r) => r.cpu),
      1,
    )} ms CPU in ${spread(
      runs.map((r) => r.slices.length),
      0,
    )} tasks`,
  );
  console.log(`  first scan ÷ cold walk     ${spread(runs.map((r) => r.ratio))}`);
  console.log(
    `  V8 GC inside its tasks     ${spread(
      runs.map((r) => r.gc),
      1,
    )} ms (${kindsOf(slices)}); outside them while it ran ${spread(
      runs.map((r) => r.gcOutside),
      1,
    )} ms`,
  );
  const starts = [...new Set(runs.flatMap((r) => r.markingStarts))];
  if (starts.length) console.log(`  major GC cycles started    ${starts.join('; ')}`);
  console.log(
    `  tasks (first scan)         longest ${Math.max(...slices.map((s) => s.cpuMs)).toFixed(1)} ms CPU (${Math.max(...slices.map((s) => s.wallMs)).toFixed(1)} wall), 95th percentile ${quantile(
      slices.map((s) => s.cpuMs),
      0.95,
    ).toFixed(
      1,
    )}, longest without GC ${Math.max(...slices.map((s) => s.cpuMs - s.gcMs)).toFixed(1)}; GC in ${withGc.length} of ${slices.length}, up to ${Math.max(0, ...withGc.map((s) => s.gcMs)).toFixed(1)} ms`,
  );
  const rescans = runs.flatMap((r) => r.rescanSlices);
  console.log(
    `  (e) rescan                 ${spread(
      runs.map((r) => r.rescanCpu),
      1,
    )} ms CPU → ÷ cold walk ${spread(runs.map((r) => r.rescanCpu / r.walk))}; longest task ${Math.max(...rescans.map((s) => s.cpuMs)).toFixed(1)} ms CPU, 95th percentile ${quantile(
      rescans.map((s) => s.cpuMs),
      0.95,
    ).toFixed(1)}, without GC ${Math.max(...rescans.map((s) => s.cpuMs - s.gcMs)).toFixed(1)}`,
  );
}

async function measureFeed(context, extensionId, url, serviceWorker, enabled) {
  await serviceWorker.evaluate(
    (p) => chrome.storage.local.set({ preferences: p }),
    enabled ? { disabledSites: [] } : { disabledSites: ['127.0.0.1'] },
  );
  const tab = await context.newPage();
  const s = await session(context, tab, extensionId);
  await tab.goto(url);
  await s.cdp.send('Performance.enable');
  await new Promise((r) => setTimeout(r, 500));
  if (enabled) await settled(s.evaluate);
  const metric = async () => {
    const { metrics } = await s.cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  };
  const m0 = await metric();
  const t0 = Date.now();
  const { result: appended, events } = await traced(s.cdp, async () => {
    const n = await tab.evaluate('startFeed()');
    if (enabled) await settled(s.evaluate);
    return n;
  });
  const wall = (Date.now() - t0) / 1000;
  const m1 = await metric();
  const matches = enabled ? await s.evaluate('__companyLens.index.size') : 0;
  await tab.close();
  const { slices } = analyse(events, extensionId);
  return { appended, wall, task: m1.TaskDuration - m0.TaskDuration, slices, matches };
}

/** Chromium with one build of the extension loaded (a fresh profile). */
async function launch(dir) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cl-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
    viewport: { width: 1200, height: 800 },
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { dir, context, serviceWorker, extensionId, close };
}

/**
 * `PAGE_SCAN_EXTENSIONS=dirA,dirB` measures built extensions (one Chromium each) instead of building this checkout, in
 * the same run with their pairs interleaved: how a change is compared with what it changes.
 */
export async function run() {
  const dirs = process.env.PAGE_SCAN_EXTENSIONS?.split(',') ?? [EXTENSION_DIR];
  if (!process.env.PAGE_SCAN_EXTENSIONS) execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const pages = {
    ...Object.fromEntries(Object.entries(PAGES).map(([name, make]) => [`/${name}.html`, make()])),
    '/feed.html': appendPage,
  };
  const server = createServer((req, res) => {
    const body = pages[new URL(req.url, 'http://x').pathname];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  console.log(
    `generated pages: ${PARAGRAPHS} paragraphs, dense ${(Buffer.byteLength(pages['/dense.html']) / 1e6).toFixed(1)} MB, prose ${(Buffer.byteLength(pages['/prose.html']) / 1e6).toFixed(1)} MB; ${PAIRS} pairs each`,
  );
  const builds = [];
  try {
    for (const dir of dirs) builds.push(await launch(dir));
    const only = process.env.PAGE_SCAN_ONLY ?? 'dense,prose,series,feed';
    const names = [
      ...(only.includes('dense') ? ['dense'] : []),
      ...(only.includes('prose') ? ['prose'] : []),
      ...(only.includes('series') ? ['series-1', 'series-10', 'series-50', 'series-100'] : []),
    ];
    const results = builds.map(() => ({}));
    // Pairs of different pages (and builds) interleaved, so that a slow spell of the machine does not fall on one only.
    for (let i = 0; i < PAIRS; i++) {
      for (const name of names) {
        for (const [b, build] of builds.entries()) {
          (results[b][name] ??= []).push(await pair(build.context, build.extensionId, `${origin}/${name}.html`));
        }
      }
    }
    for (const [b, build] of builds.entries()) {
      if (builds.length > 1) console.log(`\n### ${build.dir}`);
      for (const name of names) report(name, results[b][name]);
      const feedSlices = only.includes('feed') ? await reportFeed(build, origin) : [];
      summarise(names, results[b], feedSlices);
    }
  } finally {
    for (const build of builds) await build.close();
    server.close();
  }
}

/** Measures and prints the appending page (with the site enabled, then disabled); returns the extension's tasks. */
async function reportFeed({ context, extensionId, serviceWorker }, origin) {
  const on = await measureFeed(context, extensionId, `${origin}/feed.html`, serviceWorker, true);
  const off = await measureFeed(context, extensionId, `${origin}/feed.html`, serviceWorker, false);
  const ext = sum(on.slices, (s) => s.cpuMs);
  console.log(`feed: ${on.appended} paragraphs appended in ${on.wall.toFixed(1)} s, ${on.matches} matches`);
  console.log(
    `  extension tasks           ${ext.toFixed(0)} ms CPU = ${((ext / (on.wall * 1000)) * 100).toFixed(1)} % of wall time; longest ${Math.max(0, ...on.slices.map((s) => s.cpuMs)).toFixed(1)} ms`,
  );
  console.log(
    `  main-thread task time     ${(on.task * 1000).toFixed(0)} ms scanning vs ${(off.task * 1000).toFixed(0)} ms with the site disabled → extension adds ${(((on.task - off.task) / on.wall) * 100).toFixed(1)} % of wall time`,
  );
  return on.slices;
}

function summarise(names, results, feedSlices) {
  const summary = [];
  if (results.dense) summary.push(`(a) dense ${spread(results.dense.map((r) => r.ratio))}`);
  if (results.prose) summary.push(`(b) prose ${spread(results.prose.map((r) => r.ratio))}`);
  if (results['series-1'] && results['series-100']) {
    const raw = results['series-100'].map((r, i) => r.cpu / results['series-1'][i].cpu);
    const norm = results['series-100'].map((r, i) => r.ratio / results['series-1'][i].ratio);
    summary.push(`(c) series 100 % ÷ 1 % CPU ${spread(raw)} (each ÷ its walk first: ${spread(norm)})`);
  }
  const tasks = [
    ...Object.values(results).flatMap((runs) => runs.flatMap((r) => [...r.slices, ...r.rescanSlices])),
    ...feedSlices,
  ];
  if (tasks.length) {
    summary.push(
      `(d) longest task ${Math.max(...tasks.map((s) => s.cpuMs)).toFixed(1)} ms CPU with GC, 95th percentile ${quantile(
        tasks.map((s) => s.cpuMs),
        0.95,
      ).toFixed(
        1,
      )}, longest without GC ${Math.max(...tasks.map((s) => s.cpuMs - s.gcMs)).toFixed(1)} (${tasks.length} tasks)`,
    );
  }
  console.log(`summary: ${summary.join('  ')}`);
}
