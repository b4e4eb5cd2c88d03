import type { Page } from 'puppeteer-core';
import { credentialsValue, fromShortForm, type TestCredentials } from '../../e2e/support/credentials';
import { waitFor } from './dom';
import { bidi, contextId, type LaunchedFirefox } from './firefox';

/**
 * Navigates `page` to an extension page (`/popup.html`, `/options.html#…`). `page.goto` never resolves for
 * moz-extension URLs, so this sends BiDi's browsingContext.navigate without waiting and polls the document until it
 * is the new one and loaded. The page's realm then has the extension's `browser` API.
 */
export async function navigateExtension(ff: LaunchedFirefox, page: Page, path: string): Promise<Page> {
  const url = ff.origin + path;
  await bidi(ff.firefox, 'browsingContext.navigate', { context: contextId(page), url, wait: 'none' });
  for (let i = 0; i < 200; i++) {
    const state = await page
      .evaluate(() => ({ href: location.href, ready: document.readyState }))
      .catch(() => undefined);
    if (state?.href === url && state.ready === 'complete') return page;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not load`);
}

/** Opens an extension page in a new tab. */
export async function openExtensionPage(ff: LaunchedFirefox, path: string): Promise<Page> {
  return navigateExtension(ff, await ff.firefox.newPage(), path);
}

/** Writes storage.local items from an extension page (what the options page does). */
export async function setStorage(page: Page, items: Record<string, unknown>): Promise<void> {
  await page.evaluate((items) => browser.storage.local.set(items), items);
}

/** Reads one storage.local item from an extension page. */
export async function getStorage(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (key) => (await browser.storage.local.get(key))[key], key);
}

/** Stores `credentials` (null: none) from a short-lived extension page, as the options page does, before a test's pages open. */
export async function storeSettings(ff: LaunchedFirefox, credentials: TestCredentials | null): Promise<void> {
  const page = await openExtensionPage(ff, '/popup.html');
  if (credentials) await setStorage(page, { credentials: credentialsValue(fromShortForm(credentials)) });
  await page.close();
}

/** Whether the extension holds the host permission `pattern` (asked from an extension page). */
export function hasPermission(page: Page, pattern: string): Promise<boolean> {
  return page.evaluate((pattern) => browser.permissions.contains({ origins: [pattern] }), pattern);
}

/**
 * Waits for a tab whose URL contains `urlPart` (a page the extension opened: options, popup details) and returns it.
 * Puppeteer does not follow moz-extension URLs (`target.url()` stays about:blank), so this asks BiDi's
 * browsingContext.getTree.
 */
export async function waitForTab(ff: LaunchedFirefox, urlPart: string, timeoutMs = 8_000): Promise<Page> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const { contexts } = await bidi<{ contexts: { context: string; url: string }[] }>(
      ff.firefox,
      'browsingContext.getTree',
      { maxDepth: 0 },
    );
    const found = contexts.find((c) => c.url.includes(urlPart));
    const page = found && (await ff.firefox.pages()).find((p) => contextId(p) === found.context);
    if (page) {
      await (await waitFor(page, () => document.readyState === 'complete', [])).dispose();
      return page;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab opened ${urlPart}`);
}
