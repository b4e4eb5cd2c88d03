// The popup's "On this page" asks a tab's content script what it found. Zod-free on purpose (the content script
// imports it); the request is checked by a small guard, and only messages from this extension are answered.
import type { PageIdentifier } from '../page/match-index';

/** The popup → content script request: `browser.tabs.sendMessage(tabId, { type: PAGE_MATCHES }, { frameId: 0 })`. */
export const PAGE_MATCHES = 'company-lens:page-matches' as const;

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

/** True for a well-formed page-matches request. */
export function isPageMatchesRequest(message: unknown): message is PageMatchesRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === PAGE_MATCHES &&
    Object.keys(message).length === 1
  );
}
