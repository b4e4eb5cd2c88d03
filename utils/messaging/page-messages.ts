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

/**
 * The background → every frame of a tab (`tabs.sendMessage` without a frameId reaches them all, but returns one
 * answer): each frame sends its own answer to the background as a `frame-matches` message with this `requestId`.
 */
export const FRAME_MATCHES = 'company-lens:frame-matches';

export interface FrameMatchesRequest {
  type: typeof FRAME_MATCHES;
  requestId: string;
}

/** What a frame sends the background (the `frame-matches` request of background-messages.ts). */
export interface FrameMatchesMessage extends PageMatchesResponse {
  type: 'frame-matches';
  requestId: string;
  /** How many frames this frame's document holds (window.frames.length), so the background knows whom to expect. */
  frames: number;
}

/** Every request of the page scan's channel. */
export type PageRequest = PageMatchesRequest | FrameMatchesRequest;

/** The answer of each request type (to FRAME_MATCHES only whether the frame's message went out). */
export interface PageResponses {
  [PAGE_MATCHES]: PageMatchesResponse;
  [FRAME_MATCHES]: { sent: true };
}

/** What the content script answers the page scan's channel with. */
export type PageHandlers = SyncHandlerMap<PageRequest, PageResponses>;

/** True for a well-formed request of the page scan's channel. */
export function isPageRequest(message: unknown): message is PageRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as { type?: unknown; requestId?: unknown };
  const keys = Object.keys(message).length;
  if (m.type === PAGE_MATCHES) return keys === 1;
  return m.type === FRAME_MATCHES && keys === 2 && typeof m.requestId === 'string' && /^[\w-]{1,64}$/.test(m.requestId);
}
