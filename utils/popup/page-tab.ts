// Which tab "On this page" is about, and what its content script found there. Needs no "tabs" permission: the tab's
// URL comes from its content script's answer.
import { browser } from 'wxt/browser';
import {
  PAGE_MATCHES,
  type PageIdentifier,
  type PageMatchesRequest,
  type PageMatchesResponse,
  type PageResponses,
} from '../messaging/page-messages';
import { sendToFrame } from '../messaging/send';

/** The content script's answer for the top frame (utils/messaging/page-messages.ts). */
export type PageMatches = PageMatchesResponse;
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

/** Asks the tab's top frame what it found; null when no content script answers (browser pages, not yet loaded). */
export async function askPageMatches(tabId: number): Promise<PageMatches | null> {
  // Checked all the same: the answer comes from a content script running in a web page.
  const answer: unknown = await sendToFrame<PageResponses, PageMatchesRequest>(tabId, { type: PAGE_MATCHES }, 0);
  return isPageMatches(answer) ? answer : null;
}

function isPageMatches(value: unknown): value is PageMatches {
  const v = value as Partial<PageMatches> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.url === 'string' &&
    typeof v.enabled === 'boolean' &&
    Array.isArray(v.identifiers)
  );
}
