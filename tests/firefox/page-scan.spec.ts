import { expect, test } from './fixtures';
import { highlightedTexts, pageMutations, waitForHighlights } from './support/page';

// Shadow roots in Firefox: an open root on a <div>, closed roots on a <section> and on a web component (opened with
// Element.openOrClosedShadowRoot, which Firefox gives content scripts), and roots attached or added after the scan.

test('shadow roots on built-in elements, open and closed, are scanned; roots attached later too; no mutation of ours', async ({
  ff,
  pages,
}) => {
  const page = await ff.firefox.newPage();
  await page.goto(pages.url('/scan/shadow-builtin.html'));
  const shown = await waitForHighlights(page, 3);
  expect(shown.valid.sort()).toEqual(['0417.497.106', '33014286', 'NL805734958B01']);

  await page.evaluate(() => (window as unknown as { attachLate(): void }).attachLate());
  await expect.poll(async () => (await highlightedTexts(page)).valid, { timeout: 5000 }).toContain('68750110');
  await page.evaluate(() => (window as unknown as { appendWidget(): void }).appendWidget());
  await expect.poll(async () => (await highlightedTexts(page)).valid, { timeout: 5000 }).toContain('69599084');
  // The page's own MutationObserver saw only its own change (the appended widget), nothing of ours.
  expect(await pageMutations(page)).toEqual(['childList:DIV:']);
});
