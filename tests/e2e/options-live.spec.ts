import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ContentWorld, highlightedTexts } from './support/content-world';

// Changes made on the options page reach a tab that is already open, without a reload: the content script follows
// `local:preferences` (utils/page/page-settings.ts).

/** The extension API inside page.evaluate on an extension page (Chromium). */
declare const chrome: any;

const ALL = ['0765.432.146', '68750110', 'NL857587973B01'];

/** What the content script of the tab at `url` reports (its page-matches answer), asked from an extension page. */
const pageMatches = (extensionPage: Page, url: string) =>
  extensionPage.evaluate(async (u) => {
    for (const tab of await chrome.tabs.query({})) {
      const answer = await chrome.tabs
        .sendMessage(tab.id, { type: 'company-lens:page-matches' }, { frameId: 0 })
        .catch(() => null);
      if (answer?.url === u) return answer as { enabled: boolean; identifiers: { kind: string }[] };
    }
    return null;
  }, url);

test('switching a kind off on the options page removes its highlights in an open tab', async ({
  context,
  extensionId,
  pages,
}) => {
  const page = await context.newPage();
  const world = await ContentWorld.attach(context, page, extensionId);
  await page.goto(pages.url('/options-live.html'));
  await world.settled();
  await expect.poll(async () => (await highlightedTexts(page)).valid.sort()).toEqual(ALL);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('switch', { name: 'KVK numbers', exact: true }).uncheck();
  await expect
    .poll(async () => (await highlightedTexts(page)).valid.sort())
    .toEqual(['0765.432.146', 'NL857587973B01']);
  await options.getByRole('switch', { name: 'EU VAT numbers' }).uncheck();
  await expect.poll(async () => (await highlightedTexts(page)).valid).toEqual(['0765.432.146']);

  // And back on: the open tab shows them again, still without a reload.
  await options.getByRole('switch', { name: 'KVK numbers', exact: true }).check();
  await options.getByRole('switch', { name: 'EU VAT numbers' }).check();
  await expect.poll(async () => (await highlightedTexts(page)).valid.sort()).toEqual(ALL);
});

test('adding a site on the options page stops the scan there, in open tabs and new ones', async ({
  context,
  extensionId,
  pages,
}) => {
  const page = await context.newPage();
  const world = await ContentWorld.attach(context, page, extensionId);
  await page.goto(pages.url('/options-live.html'));
  await world.settled();
  await expect.poll(async () => (await highlightedTexts(page)).valid.length).toBe(3);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const sites = options.getByRole('region', { name: 'Sites where Company Lens never runs' });
  await sites.getByLabel('Site (e.g. example.com)').fill(pages.url('/options-live.html'));
  await sites.getByRole('button', { name: 'Add site' }).click();
  await expect(sites.getByRole('listitem')).toHaveText(['127.0.0.1Remove 127.0.0.1']);

  // The open tab: highlights gone, the scanner reports itself off.
  await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
  await expect.poll(async () => (await pageMatches(options, page.url()))?.enabled).toBe(false);
  // A tab opened afterwards on that site is not scanned either.
  const later = await context.newPage();
  await later.goto(pages.url('/options-live.html?later'));
  await expect.poll(async () => (await pageMatches(options, later.url()))?.enabled).toBe(false);
  expect(await later.evaluate(() => CSS.highlights.size)).toBe(0);

  // Removing the site turns it back on in the open tab.
  await sites.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
  await expect.poll(async () => (await highlightedTexts(page)).valid.length).toBe(3);
});
