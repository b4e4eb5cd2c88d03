import type { BrowserContext, Page } from '@playwright/test';
import { ALL_KEYS, fromShortForm, type TestCredentials } from './credentials';
import { setCredentials as writeCredentials } from './extension-page';

export { ALL_KEYS, type TestCredentials };

// The extension page's `chrome` global, as far as these helpers use it (they run inside the page).
declare const chrome: {
  storage: { local: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> } };
};

/** Writes items to storage.local from an extension page (e.g. `{ limits: { monthlyPaidCap: 0 } }`). */
export async function setStorage(page: Page, items: Record<string, unknown>): Promise<void> {
  await page.evaluate((items) => chrome.storage.local.set(items), items);
}

/** Reads one storage.local item from an extension page. */
export async function getStorage(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (key) => (await chrome.storage.local.get(key))[key], key);
}

/** Writes the credentials item from an extension page (what the options page does), in the short form above. */
export async function setCredentials(page: Page, c: TestCredentials): Promise<void> {
  await writeCredentials(page, fromShortForm(c));
}

/** Opens the popup page in a tab (400 px wide, like the toolbar popup), with `credentials` stored first. */
export async function openPopup(
  context: BrowserContext,
  extensionId: string,
  credentials: TestCredentials = ALL_KEYS,
): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await setCredentials(page, credentials);
  await page.reload();
  return page;
}

/** Types into the search box and submits with Enter (the keyboard path). */
export async function search(popup: Page, text: string): Promise<void> {
  const box = popup.getByRole('searchbox');
  await box.fill(text);
  await box.press('Enter');
}
