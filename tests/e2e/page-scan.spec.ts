import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ContentWorld, highlightedTexts } from './support/content-world';

/** The bits of the extension API the tests call from an extension page (evaluated there, typed here). */
declare const chrome: {
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<PageMatchesAnswer | null>;
  };
  storage: { local: { set(items: object): Promise<void> } };
};
interface PageMatchesAnswer {
  url: string;
  enabled: boolean;
  scanning: boolean;
  identifiers: { kind: string; value: string; checksum: string; count: number }[];
}

/** Opens `url` in a new tab and waits until the content script has scanned it. */
async function openScanned(context: BrowserContext, extensionId: string, url: string) {
  const page = await context.newPage();
  const world = await ContentWorld.attach(context, page, extensionId);
  await page.goto(url);
  await world.settled();
  return { page, world };
}

test('labelled numbers are highlighted, labels across cells and dt/dd count, form fields and editable text are left alone', async ({
  context,
  pages,
  extensionId,
}) => {
  const { page } = await openScanned(context, extensionId, pages.url('/scan/basics.html'));
  const texts = await highlightedTexts(page);
  expect(texts.valid.sort()).toEqual(['0202.239.951', '17012345', '33014286', '68750110', 'NL805734958B01'].sort());
  expect(texts.invalid).toEqual(['NL805734985B01']);
  // The ::highlight rules come with the content script's manifest CSS.
  const style = await page.evaluate(() => {
    const el = document.getElementById('sentence')!;
    return {
      valid: getComputedStyle(el, '::highlight(company-lens)').textDecorationLine,
      invalid: getComputedStyle(el, '::highlight(company-lens-invalid)').textDecorationStyle,
      background: getComputedStyle(el, '::highlight(company-lens)').backgroundColor,
    };
  });
  expect(style).toEqual({
    valid: 'underline',
    invalid: 'wavy',
    background: expect.stringMatching(/^rgba\(255, 196, 0/),
  });
  // Nothing added to the page: no element, no attribute, no <style>; the page's own observer saw nothing.
  expect(await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations)).toEqual([]);
  expect(await page.evaluate(() => document.querySelectorAll('style, link[rel=stylesheet]').length)).toBe(0);
});

test('a single-page app that renders, rewrites and appends text after load is followed, with 0 mutations of ours', async ({
  context,
  pages,
  extensionId,
}) => {
  const page = await context.newPage();
  const world = await ContentWorld.attach(context, page, extensionId);
  await page.goto(pages.url('/scan/spa.html'));
  await expect.poll(async () => (await highlightedTexts(page)).valid.sort()).toEqual(['33014286', 'NL805734958B01']);
  const pageMutations = () => page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations.length);
  const before = await pageMutations();

  await page.evaluate(() => (window as unknown as { rewrite(): void }).rewrite());
  await expect.poll(async () => (await highlightedTexts(page)).valid.sort()).toEqual(['68750110', 'NL805734958B01']);
  await page.evaluate(() => (window as unknown as { replaceSecond(): void }).replaceSecond());
  await expect.poll(async () => (await highlightedTexts(page)).valid).toEqual(['68750110']);
  await page.evaluate(() => (window as unknown as { appendMore(n: number): void }).appendMore(50));
  await expect.poll(async () => (await highlightedTexts(page)).valid.sort()).toEqual(['0417.497.106', '68750110']);
  await world.settled();
  // Exactly the page's own changes: one characterData, one childList for textContent (remove + add), 50 appends.
  expect((await pageMutations()) - before).toBe(1 + 1 + 50);
  const summary = await world.evaluate<{ value: string; count: number }[]>('__companyLens.index.summary()');
  expect(summary.map((s) => s.value).sort()).toEqual(['0417497106', '68750110']);
});

test('open shadow roots (also nested) and a same-origin frame are scanned', async ({ context, pages, extensionId }) => {
  const { page } = await openScanned(context, extensionId, pages.url('/scan/shadow.html'));
  expect((await highlightedTexts(page)).valid.sort()).toEqual(['0417.497.106', '33014286', 'NL805734958B01']);
  expect(await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations)).toEqual([]);

  await page.goto(pages.url('/scan/frame.html'));
  await expect.poll(async () => (await highlightedTexts(page, 'frame-child')).valid).toEqual(['0417.497.106']);
  expect((await highlightedTexts(page)).valid).toEqual([]);
});

test('shadow roots anywhere in a page too large for one query are found (the search goes by ranges of children)', async ({
  context,
  pages,
  extensionId,
}) => {
  const { page } = await openScanned(context, extensionId, pages.url('/scan/shadow-large.html'));
  expect((await highlightedTexts(page)).valid.sort()).toEqual(['30279447', '33014286', '68750110', '69599084']);
  expect(await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations)).toEqual([]);
});

test('web components the page defines after the scan get their shadow roots scanned, with no mutation of the page', async ({
  context,
  pages,
  extensionId,
}) => {
  const { page } = await openScanned(context, extensionId, pages.url('/scan/shadow-late.html'));
  expect(await highlightedTexts(page)).toEqual({ valid: [], invalid: [] });
  await page.evaluate(() => (window as unknown as { defineCard(): void }).defineCard());
  await expect.poll(async () => (await highlightedTexts(page)).valid).toEqual(['33014286']);
  await page.evaluate(() => (window as unknown as { defineBadge(): void }).defineBadge());
  await expect
    .poll(async () => (await highlightedTexts(page)).valid.sort())
    .toEqual(['0417.497.106', '0417.497.106', '33014286']);
  expect(await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations)).toEqual([]);
});

test('a page full of phone numbers and an IBAN gets no highlight, and neither the engine nor the card code', async ({
  context,
  pages,
  extensionId,
}) => {
  const { page, world } = await openScanned(context, extensionId, pages.url('/scan/phones.html'));
  expect(await highlightedTexts(page)).toEqual({ valid: [], invalid: [] });
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  // The card UI chunk (hover tracking and the card) loads with a page's first match, the engine chunk with the first
  // block worth reading: neither here.
  await page.mouse.move(100, 100);
  await page.waitForTimeout(300);
  expect(await world.evaluate('typeof globalThis.__companyLensCardUi')).toBe('undefined');
  expect(await world.evaluate('typeof globalThis.__companyLensEngine')).toBe('undefined');
});

test('resting on a number fires hover intent after a dwell, moving off fires leave', async ({
  context,
  pages,
  extensionId,
}) => {
  const { page, world } = await openScanned(context, extensionId, pages.url('/scan/basics.html'));
  const box = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('company-lens') as unknown as Set<Range>)].find(
      (r) => r.toString() === '68750110',
    )!;
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, right: r.right };
  });
  const events = () => world.evaluate<{ type: string; value?: string }[]>('__companyLens.hoverEvents');
  // Hover tracking comes with the card UI chunk, which the page's first match loads.
  await expect.poll(() => world.evaluate('typeof globalThis.__companyLensCardUi')).toBe('object');
  await page.mouse.move(box.x, box.y);
  await expect.poll(events).toEqual([{ type: 'intent', value: '68750110', at: expect.any(Number) }]);
  // Beside the text on the same line: the caret snaps to the number, the client rects say no.
  await page.mouse.move(box.right + 300, box.y);
  await expect.poll(events).toEqual([
    { type: 'intent', value: '68750110', at: expect.any(Number) },
    { type: 'leave', at: expect.any(Number) },
  ]);
  // A quick pass over a number (under the dwell time) opens nothing.
  await page.mouse.move(box.x, box.y);
  await page.mouse.move(box.right + 300, box.y);
  await page.waitForTimeout(400);
  expect(await events()).toHaveLength(2);
});

test('settings apply live: a kind switched off loses its highlights, a disabled site is cleared and the popup is told', async ({
  context,
  pages,
  extensionId,
}) => {
  const { page } = await openScanned(context, extensionId, pages.url('/scan/basics.html'));
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/popup.html`);
  const ask = () =>
    extensionPage.evaluate(async (url) => {
      // Without the "tabs" permission tabs carry no URL: ask each tab, keep the answer from the test page.
      for (const tab of await chrome.tabs.query({})) {
        const answer = await chrome.tabs
          .sendMessage(tab.id!, { type: 'company-lens:page-matches' }, { frameId: 0 })
          .catch(() => null);
        if (answer?.url === url) return answer;
      }
      return null;
    }, page.url());
  const setPreferences = (preferences: object) =>
    extensionPage.evaluate((p) => chrome.storage.local.set({ preferences: p }), preferences);

  const before = await ask();
  expect(before).toMatchObject({ url: page.url(), enabled: true, scanning: false });
  expect(before!.identifiers).toContainEqual({ kind: 'vat', value: 'NL805734985B01', checksum: 'invalid', count: 1 });
  expect(before!.identifiers.filter((i) => i.kind === 'kvk')).toHaveLength(3);

  await setPreferences({ detect: { kvk: false } });
  await expect
    .poll(async () => (await highlightedTexts(page)).valid.sort())
    .toEqual(['0202.239.951', 'NL805734958B01']);
  expect((await ask())!.identifiers.some((i) => i.kind === 'kvk')).toBe(false);

  await setPreferences({ detect: {}, disabledSites: ['127.0.0.1'] });
  await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
  expect(await ask()).toMatchObject({ enabled: false, identifiers: [] });

  await setPreferences({ detect: {}, disabledSites: [] });
  await expect.poll(async () => (await highlightedTexts(page)).valid.length).toBe(5);
  expect(await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations)).toEqual([]);
});

/** The centre of the highlighted range that reads `text` (the registry is shared with the page). */
async function centreOf(page: Page, text: string) {
  return page.evaluate((text) => {
    const ranges = [...(CSS.highlights.get('company-lens') as unknown as Set<Range>)];
    const r = ranges.find((range) => range.toString() === text)!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, text);
}

test('shadow roots on built-in elements, open and closed, are scanned and hoverable; roots attached later too; no mutation of ours', async ({
  context,
  pages,
  extensionId,
}) => {
  const { page, world } = await openScanned(context, extensionId, pages.url('/scan/shadow-builtin.html'));
  // An open root on a <div>, a closed one on a <section> and a closed one on a web component (chrome.dom opens them).
  expect((await highlightedTexts(page)).valid.sort()).toEqual(['0417.497.106', '33014286', 'NL805734958B01']);
  const painted = await page.evaluate(() => {
    const p = document.getElementById('widget')!.shadowRoot!.getElementById('in-widget')!;
    return getComputedStyle(p, '::highlight(company-lens)').textDecorationLine;
  });
  expect(painted).toBe('underline');
  const pageMutations = () => page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations);
  expect(await pageMutations()).toEqual([]);

  // Hover tracking hit-tests through the roots the scanner found, the closed ones included.
  await expect.poll(() => world.evaluate('typeof globalThis.__companyLensCardUi')).toBe('object');
  const events = () => world.evaluate<{ type: string; value?: string }[]>('__companyLens.hoverEvents');
  for (const [text, value] of [
    ['33014286', '33014286'],
    ['0417.497.106', '0417497106'],
  ] as const) {
    const at = await centreOf(page, text);
    await page.mouse.move(at.x, at.y);
    await expect
      .poll(async () => (await events()).filter((e) => e.type === 'intent').map((e) => e.value))
      .toContain(value);
    await page.mouse.move(at.x + 400, at.y + 200);
  }

  // A root attached to an element the scan has already seen: no DOM change, found when the scanner looks again.
  await page.evaluate(() => (window as unknown as { attachLate(): void }).attachLate());
  await expect.poll(async () => (await highlightedTexts(page)).valid, { timeout: 5000 }).toContain('68750110');
  // A new element appended with its root: found with the subtree the page added.
  await page.evaluate(() => (window as unknown as { appendWidget(): void }).appendWidget());
  await expect.poll(async () => (await highlightedTexts(page)).valid).toContain('69599084');
  await world.settled();
  // The page's own observer saw the card's host (the one node the extension adds, on the first card) and the page's
  // own append: the scan of the roots changed nothing.
  expect(await pageMutations()).toEqual(['childList:BODY:', 'childList:DIV:']);
  expect(await page.evaluate(() => [...document.body.children].at(-1)?.nodeName)).toBe('COMPANY-LENS-UI');
});

test('a page that shows its first custom element late gets all its custom elements searched then', async ({
  context,
  pages,
  extensionId,
}) => {
  const { page } = await openScanned(context, extensionId, pages.url('/scan/shadow-custom-late.html'));
  // Its one component has children and is defined: the first scan's queries for empty and undefined elements miss it,
  // and the search for all custom elements is left out on a page that has shown none.
  expect(await highlightedTexts(page)).toEqual({ valid: [], invalid: [] });
  await page.evaluate(() => (window as unknown as { addWidget(): void }).addWidget());
  await expect.poll(async () => (await highlightedTexts(page)).valid).toEqual(['33014286']);
  expect(await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations)).toEqual([
    'childList:BODY:',
  ]);
});
