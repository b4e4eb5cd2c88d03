// The page scan's channel: the popup's "On this page" asks a tab's content script what it found. Zod-free on purpose
// (the content script imports it); requests are checked by a small guard, and only this extension's are answered.
import type { PageIdentifier } from '../page/match-index';
import type { SyncHandlerMap } from './handler-map';

/** The popup → content script request: `browser.tabs.sendMessage(tabId, { type: PAGE_MATCHES }, { frameId: 0 })`. */
export const PAGE_MATCHES = 'company-lens:page-matches';

export interface PageMatchesRequest {
  type: typeof PAGE_MATCHES;
}

/** The answer of one frame. */
export interface PageMatchesResponse {
  /** The frame's URL (the top document's for frameId 0). */
  url: string;
  /** False when the extension does not run on this site (disabled by the user): `identifiers` is then empty. */
  enabled: boolean;
  /** True while the scan is still running (the list may grow). */
  scanning: boolean;
  /** Each identifier once, with how often it occurs, in page order. */
  identifiers: PageIdentifier[];
}

export type { PageIdentifier };

/** Every request of the page scan's channel. */
export type PageRequest = PageMatchesRequest;

/** The answer of each request type. */
export interface PageResponses {
  [PAGE_MATCHES]: PageMatchesResponse;
}

/** What the content script answers the page scan's channel with. */
export type PageHandlers = SyncHandlerMap<PageRequest, PageResponses>;

/** True for a well-formed request of the page scan's channel. */
export function isPageRequest(message: unknown): message is PageRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === PAGE_MATCHES &&
    Object.keys(message).length === 1
  );
}
