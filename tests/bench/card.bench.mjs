// Hover card speed in the production build (Chromium, fixture registry on 127.0.0.1 with a fixed added latency):
//  (a) hover intent → card painted with the answer, uncached: minus the fixture latency (goal ≤ 30 ms); also intent →
//      answer received by the content script (before rendering), which is not rounded up to the next frame;
//  (b) hover intent → card painted with the answer, from the background's cache (goal ≤ 50 ms);
//  (c) the first hover of a page: intent → first paint, which includes creating the card's shadow root (the card-ui.js
//      chunk is imported with the page's first highlight, before any hover), against later first paints.
// Times come from the content script's isolated world (`__companyLens.hoverEvents` / `cardEvents`, one clock):
// "painted" is the first task after the animation frame that follows the render. Medians of one run.
import { createServer } from 'node:http';
import { withExtension } from './extension-bench.mjs';

const LATENCY_MS = 150;
const CACHED_ROUNDS = 3;
// Uncached rounds (the cache is cleared between them): the painted figure falls on whole frames (~16.7 ms apart), so
// its median over 11 hovers jumps between them; CARD_BENCH_ROUNDS=6 gives a steadier figure on a busy machine.
const UNCACHED_ROUNDS = Math.max(1, Number(process.env.CARD_BENCH_ROUNDS) || 1);

const ENTRY = `
export { latency } from './tests/fixtures/registry/faults';
export { KVK_PRODUCTION_KEY, KBODATA_TOKENS, KBODATA_USER } from './tests/fixtures/registry/keys';
`;

// Catalogue numbers (tests/fixtures/registry): KVK numbers, Belgian enterprise numbers and VAT numbers of several states.
const NUMBERS = [
  'KvK 68750110',
  'KvK 69599084',
  'KvK 71834562',
  'KvK 69599068',
  'KvK 73456129',
  'Ondernemingsnummer 0765.432.146',
  'Ondernemingsnummer 0876.543.270',
  'VAT NL857587973B01',
  'VAT DE813442018',
  'VAT FR83404833048',
  'VAT EL094095807',
];

const page = `<!doctype html><html><head><meta charset="utf-8"><title>card bench</title>
<style>body{font:16px/1.6 sans-serif;margin:24px}p{margin:0 0 40px}</style></head><body>
${NUMBERS.map((n) => `<p>${n}</p>`).join('\n')}</body></html>`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) =>
  `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;

export async function run() {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    await withExtension('card', ENTRY, ({ m, registry, launched }) => bench(m, registry, launched, server));
  } finally {
    server.close();
  }
}

async function bench(m, registry, launched, server) {
  registry.use(m.latency(LATENCY_MS));
  const { context, extensionId } = launched;

  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/popup.html`);
  await ext.evaluate(
    (c) =>
      chrome.storage.local.set({
        credentials: {
          kvk: { apiKey: c.kvk, useTestEnvironment: false, baseUrl: null },
          kbodata: { username: c.user, token: c.token, baseUrl: null },
          vies: { requesterVat: '' },
        },
      }),
    { kvk: m.KVK_PRODUCTION_KEY, user: m.KBODATA_USER, token: m.KBODATA_TOKENS.production },
  );
  await ext.close();

  const tab = await context.newPage();
  const world = await contentWorld(context, tab, extensionId);
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await world.waitFor('globalThis.__companyLens && __companyLens.scanner.batches > 0 && !__companyLens.scanner.isBusy');

  const boxes = await tab.evaluate(() =>
    [...CSS.highlights.get('company-lens')].map((r) => {
      const b = r.getBoundingClientRect();
      return { text: r.toString(), x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }),
  );
  const hoverOnce = async (box) => {
    const from = (await world.eval('__companyLens.cardEvents?.length ?? 0')) ?? 0;
    const intents = await world.eval('__companyLens.hoverEvents.length');
    await tab.mouse.move(box.x, box.y);
    await world.waitFor(
      `(__companyLens.cardEvents ?? []).slice(${from}).some((e) => e.type === 'painted' && e.state === 'done')`,
    );
    const r = await world.eval(`(() => {
      const intent = __companyLens.hoverEvents.slice(${intents}).find((e) => e.type === 'intent');
      const ev = __companyLens.cardEvents.slice(${from});
      const first = ev.find((e) => e.type === 'painted');
      const done = ev.find((e) => e.type === 'painted' && e.state === 'done');
      const answer = ev.find((e) => e.type === 'answer');
      return {
        first: first.at - intent.at,
        done: done.at - intent.at,
        answer: answer ? answer.at - intent.at : undefined,
        firstState: first.state,
      };
    })()`);
    await tab.mouse.move(5, 5);
    await world.waitFor(`__companyLens.cardEvents.at(-1).type === 'close'`);
    return r;
  };

  const uncached = [];
  const answers = [];
  const firstPaints = [];
  const perNumber = [];
  let firstOfPage;
  for (let round = 0; round < UNCACHED_ROUNDS; round++) {
    if (round > 0) await clearCache(context, extensionId);
    for (const box of boxes) {
      const before = registry.requests.length;
      const r = await hoverOnce(box);
      if (!firstOfPage) firstOfPage = r;
      else firstPaints.push(r.first);
      uncached.push(r.done);
      if (r.answer !== undefined) answers.push(r.answer);
      const hosts = registry.requests.slice(before).map((q) => `${q.host}${q.path.replace(/\?.*/, '').slice(0, 28)}`);
      if (round === 0)
        perNumber.push(`${box.text.padEnd(16)} ${r.done.toFixed(1).padStart(7)} ms  ${hosts.join(', ')}`);
    }
  }
  const cached = [];
  for (let round = 0; round < CACHED_ROUNDS; round++) for (const box of boxes) cached.push((await hoverOnce(box)).done);

  console.log(`numbers hovered: ${boxes.length}; fixture latency added to every registry request: ${LATENCY_MS} ms`);
  console.log(`(a) uncached, intent → answer painted:        ${fmt(uncached)}`);
  console.log(
    `    minus the fixture latency:                ${fmt(uncached.map((x) => x - LATENCY_MS))}  (goal ≤ 30 ms)`,
  );
  const withinGoal = uncached.filter((x) => x - LATENCY_MS <= 30).length;
  console.log(`    hovers within the goal:                   ${withinGoal} of ${uncached.length}`);
  console.log(
    `    intent → answer received, minus latency:  ${fmt(answers.map((x) => x - LATENCY_MS))}  (not rounded to frames)`,
  );
  console.log(`    per number (uncached, requests made):\n      ${perNumber.join('\n      ')}`);
  console.log(`(b) cached, intent → answer painted:          ${fmt(cached)}  (goal ≤ 50 ms)`);
  console.log(
    `(c) first hover of the page → first paint:    ${firstOfPage.first.toFixed(1)} ms (creates the shadow root; card-ui.js loaded with the first highlight)`,
  );
  console.log(`    later hovers → first (loading) paint:     ${fmt(firstPaints)}`);
}

/** Empties the background's answer cache (as the options page does). */
async function clearCache(context, extensionId) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'clear-cache' }));
  await page.close();
}

async function contentWorld(context, page, extensionId) {
  const cdp = await context.newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  cdp.on('Runtime.executionContextDestroyed', (e) => {
    const i = contexts.findIndex((c) => c.id === e.executionContextId);
    if (i >= 0) contexts.splice(i, 1);
  });
  await cdp.send('Runtime.enable');
  const evaluate = async (expression) => {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const ctx = contexts.find(
      (c) => c.origin === `chrome-extension://${extensionId}` && c.auxData?.frameId === frameTree.frame.id,
    );
    if (!ctx) return undefined;
    const r = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: ctx.id,
      returnByValue: true,
      awaitPromise: true,
    });
    if (r.exceptionDetails) return undefined;
    return r.result.value;
  };
  return {
    eval: evaluate,
    async waitFor(expression, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        if (await evaluate(expression)) return;
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error(`timed out waiting for ${expression}`);
    },
  };
}
