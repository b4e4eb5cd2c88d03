// What every frame of a tab found, same-origin and cross-origin: `tabs.sendMessage` without a frameId reaches each
// frame's content script but returns only one answer, so each frame sends its own to the background (`frame-matches`
// with the request's id), and the background gathers them. A frame says how many frames its document holds, so the
// gathering ends when every frame announced has answered, or after a bound (frames the content script cannot run in,
// or not loaded yet, never answer). No webNavigation permission needed (measured: in Chromium it adds no install
// warning beside all-sites access, in Firefox it adds "Access browser activity during navigation").
import type { FrameMatchesMessage } from '../messaging/page-messages';
import type { PageCollection } from '../messaging/background-messages';
import { checkIdentifier } from '../identifiers/check-one';
import type { PageIdentifier } from '../page/match-index';

/** How long the background waits for frames that were announced but did not answer. */
export const COLLECT_BOUND_MS = 1500;

/** One frame's answer, as the router validated it. */
export type FrameAnswer = Omit<FrameMatchesMessage, 'type' | 'requestId'>;

interface Gathering {
  tabId: number;
  answers: Map<number, FrameAnswer>;
  done: () => void;
}

/** What the collector needs: the broadcast to a tab, ids, and a timer. */
export interface CollectorDeps {
  broadcast(tabId: number, requestId: string): Promise<unknown>;
  newId(): string;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The frames' answers merged: the top frame's URL and switch, scanning while any frame scans, each identifier once in
 * frame order (top first) with its counts summed; its check computed here again (the text came from a page).
 */
export function mergeFrames(answers: ReadonlyMap<number, FrameAnswer>): PageCollection {
  const top = answers.get(0);
  if (!top) return { readable: false };
  const frames = [...answers.entries()].sort((a, b) => a[0] - b[0]).map(([, a]) => a);
  const byKey = new Map<string, PageIdentifier>();
  for (const frame of frames) {
    for (const id of frame.identifiers) {
      const key = `${id.kind}:${id.value}`;
      const seen = byKey.get(key);
      if (seen) seen.count += id.count;
      else
        byKey.set(key, {
          kind: id.kind,
          value: id.value,
          checksum: checkIdentifier(id.kind, id.value),
          count: id.count,
          ...(id.written ? { written: id.written.replace(/\s+/g, ' ').trim().slice(0, 60) } : {}),
        });
    }
  }
  return {
    readable: true,
    url: top.url,
    enabled: top.enabled,
    scanning: frames.some((f) => f.scanning),
    frames: frames.length,
    framesAnnounced: 1 + frames.reduce((n, f) => n + f.frames, 0),
    identifiers: [...byKey.values()],
  };
}

/** Gathers the frames' answers for `collect` requests. */
export class FrameCollector {
  private readonly gatherings = new Map<string, Gathering>();

  constructor(private readonly deps: CollectorDeps) {}

  /** Asks every frame of the tab, and answers with what they found (unreadable when no content script runs there). */
  collect(tabId: number): Promise<PageCollection> {
    const requestId = this.deps.newId();
    return new Promise((resolve) => {
      const finish = () => {
        if (!this.gatherings.has(requestId)) return;
        this.gatherings.delete(requestId);
        this.deps.clearTimeout(timer);
        resolve(mergeFrames(gathering.answers));
      };
      const gathering: Gathering = { tabId, answers: new Map(), done: finish };
      this.gatherings.set(requestId, gathering);
      const timer = this.deps.setTimeout(finish, COLLECT_BOUND_MS);
      // Rejected when no frame has a listener (a browser page, a site the content script does not run on).
      this.deps.broadcast(tabId, requestId).catch(finish);
    });
  }

  /** One frame's answer; false when nobody asked for it (an old request, another tab). */
  receive(answer: FrameAnswer & { requestId: string }, sender: { tab?: { id?: number }; frameId?: number }): boolean {
    const gathering = this.gatherings.get(answer.requestId);
    if (!gathering || sender.tab?.id !== gathering.tabId || sender.frameId === undefined) return false;
    const { requestId: _id, ...frame } = answer;
    gathering.answers.set(sender.frameId, frame);
    // Only the top frame's answer says how many frames to expect (its own children); a frame that answers first
    // cannot.
    const expected = 1 + [...gathering.answers.values()].reduce((n, a) => n + a.frames, 0);
    if (gathering.answers.has(0) && gathering.answers.size >= expected) gathering.done();
    return true;
  }
}
