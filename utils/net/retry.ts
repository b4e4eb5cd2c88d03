// Retry policy: only what is temporary, at most 3 tries, exponential backoff with full jitter, and never past the
// lookup's deadline.
import type { Outcome } from '../registry/errors';
import { isTemporaryError } from '../registry/errors';
import type { Deadline } from './deadline';

/** Retry settings; `random` and `sleep` are injectable for tests. */
export interface RetryOptions {
  maxTries: number;
  /** Backoff before try n+1 is random() × min(maxDelayMs, baseDelayMs × 2^(n-1)). */
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** The defaults: 3 tries, 400 ms base, 4 s ceiling. */
export const DEFAULT_RETRY: RetryOptions = {
  maxTries: 3,
  baseDelayMs: 400,
  maxDelayMs: 4000,
  random: Math.random,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** How long to wait before the next try, or null when the outcome must not be retried. */
export type RetryDecision = (outcome: Outcome<unknown>) => { retryAfterMs?: number } | null;

/** The default decision: retry temporary errors (network, 5xx, service unavailable, rate limited) only. */
export const retryTemporaryErrors: RetryDecision = (outcome) => {
  if (outcome.ok || !isTemporaryError(outcome.error)) return null;
  const error = outcome.error;
  return 'retryAfterMs' in error && error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {};
};

/** Delay before try number `nextTry` (2 or 3): full jitter, never shorter than the service's own Retry-After. */
export function backoffDelay(nextTry: number, options: RetryOptions, retryAfterMs?: number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (nextTry - 2));
  return Math.max(Math.round(options.random() * ceiling), retryAfterMs ?? 0);
}

/**
 * Runs `attempt` until it gives an outcome `decide` does not want retried, or `maxTries` is reached; returns the last
 * outcome. A Retry-After longer than the ceiling ends the retries (the caller shows the wait instead), and so does a
 * retry that could not start before `deadline`.
 */
export async function withRetry<T>(
  attempt: () => Promise<Outcome<T>>,
  decide: RetryDecision = retryTemporaryErrors,
  options: RetryOptions = DEFAULT_RETRY,
  deadline?: Deadline,
): Promise<Outcome<T>> {
  let outcome = await attempt();
  for (let tryNumber = 2; tryNumber <= options.maxTries; tryNumber++) {
    const decision = decide(outcome);
    if (!decision) break;
    if (decision.retryAfterMs !== undefined && decision.retryAfterMs > options.maxDelayMs) break;
    const delay = backoffDelay(tryNumber, options, decision.retryAfterMs);
    if (deadline && delay >= deadline.remaining()) break;
    await options.sleep(delay);
    outcome = await attempt();
  }
  return outcome;
}
