// Which tab "On this page" is about, and what its content scripts found there, in every frame. Needs no "tabs"
// permission: the tab's URL comes from its content script's answer.
import { browser } from 'wxt/browser';
import type { PageCollection } from '../messaging/background-messages';
import type { PageIdentifier } from '../messaging/page-messages';
import { sendMessage } from '../messaging/send';

/** What every frame of the tab found (gathered by the background, utils/background/page-collect.ts). */
export type PageMatches = Extract<PageCollection, { readable: true }>;
export type { PageIdentifier };

/**
 * The tab the popup is about: the active tab of the current window. When the popup page is itself that tab (opened
 * in a tab rather than from the toolbar), the tab the user was on just before, by last access.
 */
export async function targetTabId(): Promise<number | undefined> {
  const self = await browser.tabs.getCurrent();
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id !== undefined && active.id !== self?.id) return active.id;
  const others = (await browser.tabs.query({})).filter((t) => t.id !== undefined && t.id !== self?.id);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id;
}

/** Asks every frame of the tab what it found; null when no content script answers (browser pages, not yet loaded). */
export async function askPageMatches(tabId: number): Promise<PageMatches | null> {
  const answer = await sendMessage({ type: 'page-collect', tabId }).catch(() => null);
  return answer?.readable ? answer : null;
}
