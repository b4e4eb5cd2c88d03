// A page that attacks the extension: it listens for everything the extension might tell it, forges WXT's "a newer
// script started" event and look-alike messages, and fakes the user's pointer and scrolling to make the extension
// send (paid) lookups by itself. The production build against the fixture registry.
import { expect, test } from './fixtures';
import { NL, VAT } from '../fixtures/registry/companies';
import { EXTENSION_DIR, launchExtension } from './support/browser';
import { CardReader, hoverNumber, numberBox, openPrepared } from './support/card';
import { ContentWorld, highlightedTexts } from './support/content-world';
import { ALL_KEYS, setCredentials } from './support/popup';

/** How many rounds of forgeries the hostile page sends, one every 50 ms from its first script on. */
const FORGERIES = 30;

/** The page's own record of what reached its main world. */
interface Heard {
  messages: string[];
  events: string[];
}

/**
 * A page whose script (in its main world, before the content script runs) records every postMessage and every event
 * of WXT's name, and keeps posting and dispatching forgeries: WXT's event with a foreign `messageId` (a store
 * extension's id is public, so the test hands the real one to the page) and messages shaped like ours.
 */
function hostilePage(extensionId: string): string {
  const wxtEvent = `${extensionId}:content:wxt:content-script-started`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title><script>
    const WXT = ${JSON.stringify(wxtEvent)};
    const FORGERIES = ${FORGERIES};
    window.__heard = { messages: [], events: [] };
    addEventListener('message', (e) => { if (!e.data?.forged) __heard.messages.push(JSON.stringify(e.data)); }, true);
    for (const target of [window, document]) {
      target.addEventListener(WXT, (e) => { if (!e.detail?.forged) __heard.events.push(JSON.stringify(e.detail)); }, true);
    }
    let n = 0;
    const forge = () => {
      const detail = { contentScriptName: 'content', messageId: 'page-' + n, forged: true };
      document.dispatchEvent(new CustomEvent(WXT, { detail }));
      window.dispatchEvent(new CustomEvent(WXT, { detail }));
      postMessage({ type: WXT, ...detail }, '*');
      postMessage({ type: 'company-lens:page-matches', forged: true }, '*');
      postMessage({ type: 'lookup', kind: 'kvk', value: ${JSON.stringify(NL.bv.kvkNummer)}, forged: true }, '*');
      window.__forged = ++n;
      if (n < FORGERIES) setTimeout(forge, 50);
    };
    forge();
  </script></head><body style="font: 16px/1.6 sans-serif; margin: 24px">
    <p>Test BV Donald, KvK ${NL.bv.kvkNummer}, Woerden.</p>
    <p>VAT NL${VAT.nlBv.vatNumber}</p>
    <p>Rijnmond, KvK ${NL.nv.kvkNummer}</p>
  </body></html>`;
}

test("a page forging WXT's event and look-alike messages hears nothing of the extension and cannot switch it off", async ({
  context,
  extensionId,
  pages,
  registry,
}) => {
  const url = pages.add('/hostile/forger.html', hostilePage(extensionId));
  const { page, card } = await openPrepared(context, extensionId, url, (ext) => setCredentials(ext, ALL_KEYS));
  // The forgeries keep coming for a while after the page loaded; the highlights stay through all of them.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __forged: number }).__forged), { timeout: 10_000 })
    .toBe(FORGERIES);
  expect((await highlightedTexts(page)).valid.sort()).toEqual(
    [NL.bv.kvkNummer, NL.nv.kvkNummer, `NL${VAT.nlBv.vatNumber}`].sort(),
  );
  expect(registry.requests).toEqual([]); // look-alike lookup messages sent nothing
  // Hover still works.
  const shown = await hoverNumber(page, card, NL.bv.kvkNummer);
  expect(shown.parts['company-name']).toBe(NL.bv.naam);

  // Nothing reached the page's main world that names the extension: no message, no event, no global, no resource.
  const heard = await page.evaluate(() => (window as unknown as { __heard: Heard }).__heard);
  expect(heard).toEqual({ messages: [], events: [] });
  const leaks = await page.evaluate((id) => {
    const globals = Object.getOwnPropertyNames(window).filter((k) => /companyLens|wxt/i.test(k));
    const resources = performance
      .getEntries()
      .map((e) => e.name)
      .filter((n) => n.startsWith('chrome-extension:') || n.includes(id));
    return { globals, resources };
  }, extensionId);
  expect(leaks).toEqual({ globals: [], resources: [] });
});

test('synthetic pointer events and the page scrolling its own list under a still pointer send no request', async ({
  context,
  extensionId,
  pages,
  registry,
}) => {
  const rows = Array.from({ length: 12 }, (_, i) => `<p class="row">KvK ${String(60000000 + i * 7919)}</p>`).join('');
  const url = pages.add(
    '/hostile/faker.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Faker</title><style>
      body { font: 16px/1.6 sans-serif; margin: 24px } .row { height: 40px; margin: 0 }
      #list { height: 240px; width: 400px; overflow: auto }
    </style></head><body>
      <p id="own">Our supplier Test BV Donald, KvK <span class="n">${NL.bv.kvkNummer}</span> and
        <span class="n">NL${VAT.nlBv.vatNumber}</span>, Rijnmond KvK <span class="n">${NL.nv.kvkNummer}</span>.</p>
      <div id="list">${rows}<div style="height: 400px"></div></div>
    </body></html>`,
  );
  const { page, card, world } = await openPrepared(context, extensionId, url, (ext) => setCredentials(ext, ALL_KEYS));
  await expect.poll(() => world.evaluate('typeof globalThis.__companyLensCardUi')).toBe('object');

  // 1. The page "hovers" its own numbers: every pointer and mouse event it can dispatch, resting on each.
  await page.evaluate(async () => {
    const types = ['pointerover', 'pointerenter', 'pointermove', 'mouseover', 'mousemove'];
    for (const span of document.querySelectorAll<HTMLElement>('.n')) {
      const r = span.getBoundingClientRect();
      const init = { bubbles: true, composed: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
      for (let i = 0; i < 3; i++) {
        for (const type of types) {
          const event = type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init);
          span.dispatchEvent(event);
          window.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init));
        }
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  });

  expect(registry.requests).toEqual([]);
  expect(await card.read()).toBeNull();

  // 2. The user rests the pointer on the list's first number (one lookup, theirs); then the page scrolls its list
  // under the still pointer, a row every 400 ms: later numbers pass under it, and none is looked up.
  const first = await page.evaluate(() => {
    const r = document.querySelector('#list .row')!.getBoundingClientRect();
    return { x: r.left + 60, y: r.top + 12 };
  });
  await page.mouse.move(first.x, first.y);
  await expect.poll(async () => (await card.read())?.state, { timeout: 8000 }).toBe('done');
  const asked = registry.requests.length;
  expect(asked).toBeGreaterThan(0);
  const underPointer: string[] = [];
  for (let step = 1; step <= 8; step++) {
    await page.evaluate((top) => (document.getElementById('list')!.scrollTop = top), step * 40);
    await page.waitForTimeout(400);
    underPointer.push(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.textContent ?? '', first));
  }
  expect(new Set(underPointer.filter((t) => t.startsWith('KvK'))).size).toBeGreaterThan(5); // numbers passed under it
  expect(registry.requests.length).toBe(asked);
  const intents = await world.evaluate<{ type: string }[]>('__companyLens.hoverEvents');
  expect(intents.filter((e) => e.type === 'intent')).toHaveLength(1);

  // The user's own pointer still gets the card.
  await hoverNumber(page, card, NL.bv.kvkNummer);
  expect(registry.requests.length).toBeGreaterThan(0);
});

test("an updated extension's old content script stops at the user's next move, and the reloaded page gets the new one", async ({
  registry,
  certificate,
  pages,
}) => {
  const launched = await launchExtension({
    registryPort: registry.port,
    trustedSpki: [certificate.spki],
    extraArgs: ['--enable-unsafe-extension-debugging'],
  });
  try {
    const { context, extensionId } = launched;
    const { page, card } = await openPrepared(context, extensionId, pages.url('/card/numbers.html'), (ext) =>
      setCredentials(ext, ALL_KEYS),
    );
    expect((await highlightedTexts(page)).valid).toContain(NL.bv.kvkNummer);
    // The update: Chromium loads the extension again from its folder (same id); this tab keeps the old script.
    const browserSession = await context.browser()!.newBrowserCDPSession();
    expect(await browserSession.send('Extensions.loadUnpacked', { path: EXTENSION_DIR })).toEqual({ id: extensionId });
    registry.reset();
    const box = await numberBox(page, NL.bv.kvkNummer);
    await page.mouse.move(box.x, box.y);
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.waitForTimeout(500);
    expect(await card.read()).toBeNull();
    expect(registry.requests).toEqual([]);
    // A reload brings the updated script: highlights and hover work again.
    const world = await ContentWorld.attach(context, page, extensionId);
    await page.reload();
    await world.settled();
    expect((await highlightedTexts(page)).valid).toContain(NL.bv.kvkNummer);
    await page.mouse.move(5, 5);
    await hoverNumber(page, await CardReader.attach(context, page), NL.bv.kvkNummer);
  } finally {
    await launched.close();
  }
});
