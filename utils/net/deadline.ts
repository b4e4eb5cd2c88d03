// One deadline per lookup a user waits for (the card's lookup, the popup's search and details): every request of the
// lookup, its retries and a body that stalls after its headers end by then, with the `timeout` error. Without it a
// stalled server kept the card loading for three tries of the request timeout (46 s).

/** How long a user waits at most for one lookup. */
export const LOOKUP_DEADLINE_MS = 15_000;

/** When a lookup must be done: its signal aborts then (with a TimeoutError), and what is left of it. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Milliseconds left (0 once passed). */
  remaining(): number;
}

/** A deadline `ms` from now. */
export function deadlineAfter(ms: number = LOOKUP_DEADLINE_MS): Deadline {
  const at = Date.now() + ms;
  const signal = AbortSignal.timeout(ms);
  return { signal, remaining: () => (signal.aborted ? 0 : Math.max(0, at - Date.now())) };
}
