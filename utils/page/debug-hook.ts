// The content script's figures and events for the benchmarks and the e2e tests, on a global of its isolated world
// (`globalThis.__companyLens`) that the page's own scripts cannot see. It holds nothing the page does not have, and its
// event lists are bounded: a tab left open for days keeps at most EVENT_LOG_LIMIT entries of each.
import type { MatchIndex } from './match-index';
import type { PageScanner } from './page-scanner';

/** The most recent entries an event list keeps (the older half goes when it is full). */
export const EVENT_LOG_LIMIT = 1000;

/** A hover event: an intent over a number, or the pointer leaving it. */
export interface HoverEvent {
  type: 'intent' | 'leave';
  value?: string;
  at: number;
}

/** What the card records for the benchmark and the e2e tests (on the content script's isolated-world global). */
export interface CardEvent {
  /** `answer`: the lookup's answer reached the content script (before it is rendered). */
  type: 'open' | 'answer' | 'painted' | 'close';
  value?: string;
  state?: string;
  reason?: string;
  at: number;
}

/** What the hook holds (the event lists once the card UI chunk has loaded). */
export interface DebugHook {
  scanner: PageScanner;
  index: MatchIndex;
  hoverEvents?: HoverEvent[];
  cardEvents?: CardEvent[];
}

const HOOK = '__companyLens';

/** An array whose push drops the oldest half once it holds `limit` entries (readers slice and index it as usual). */
export function boundedLog<T>(limit = EVENT_LOG_LIMIT): T[] {
  const log: T[] = [];
  log.push = (...items: T[]) => {
    Array.prototype.push.apply(log, items);
    if (log.length > limit) log.splice(0, log.length - Math.floor(limit / 2));
    return log.length;
  };
  return log;
}

/** Puts the scan's figures on the isolated world's global (the content script). */
export function exposeDebugHook(scanner: PageScanner, index: MatchIndex): void {
  const hook: DebugHook = { scanner, index };
  (globalThis as Record<string, unknown>)[HOOK] = hook;
}

/** The hook's event lists, created on first use (the card UI chunk records into them; without a hook, unshared). */
export function debugEvents(): Required<Pick<DebugHook, 'hoverEvents' | 'cardEvents'>> {
  const hook = ((globalThis as Record<string, unknown>)[HOOK] ?? {}) as Partial<DebugHook>;
  hook.hoverEvents ??= boundedLog();
  hook.cardEvents ??= boundedLog();
  return { hoverEvents: hook.hoverEvents, cardEvents: hook.cardEvents };
}
