// Per-service throttling: a token bucket (requests per second, with a small burst) and a concurrency cap.
// Tasks wait in FIFO order; nothing is dropped.

/** The limits of one service. */
export interface ThrottleLimits {
  /** Sustained requests per second (token refill rate). */
  ratePerSecond: number;
  /** Tokens the bucket holds: requests that may start at once after a quiet spell. */
  burst: number;
  /** Requests in flight at the same time. */
  maxConcurrent: number;
}

/**
 * Defaults, well under the published limits (KVK allows 100/s; VIES publishes none but blocks abusers). KVK's open data
 * allows about one a minute per address: the background paces it with a persisted queue (./paced-queue.ts); this
 * bucket is what holds it where no queue is given.
 */
export const DEFAULT_THROTTLE_LIMITS: Record<'kvk' | 'vies' | 'kbodata' | 'kvk-open', ThrottleLimits> = {
  kvk: { ratePerSecond: 10, burst: 10, maxConcurrent: 4 },
  vies: { ratePerSecond: 5, burst: 2, maxConcurrent: 2 },
  kbodata: { ratePerSecond: 5, burst: 5, maxConcurrent: 2 },
  'kvk-open': { ratePerSecond: 1 / 60, burst: 1, maxConcurrent: 1 },
};

/** Clock functions, injectable for tests. */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
}

const realTimers: Timers = { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms) };

/** A token bucket plus a concurrency cap. `run(task)` starts the task when both allow it. */
export class Throttle {
  private tokens: number;
  private lastRefill: number;
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private timerPending = false;

  constructor(
    readonly limits: ThrottleLimits,
    private readonly timers: Timers = realTimers,
  ) {
    this.tokens = limits.burst;
    this.lastRefill = timers.now();
  }

  /** Requests running now and waiting now (for tests and diagnostics). */
  get stats(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.queue.length };
  }

  /** Runs `task` when a token and a concurrency slot are free. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            this.active--;
            this.pump();
          });
      });
      this.pump();
    });
  }

  private refill(): void {
    const now = this.timers.now();
    const elapsed = Math.max(0, now - this.lastRefill);
    this.tokens = Math.min(this.limits.burst, this.tokens + (elapsed * this.limits.ratePerSecond) / 1000);
    this.lastRefill = now;
  }

  private pump(): void {
    this.refill();
    while (this.queue.length && this.active < this.limits.maxConcurrent && this.tokens >= 1) {
      this.tokens -= 1;
      this.active++;
      this.queue.shift()!();
    }
    if (this.queue.length && this.active < this.limits.maxConcurrent && !this.timerPending) {
      // Out of tokens: wake when the next one is due.
      const wait = Math.ceil(((1 - this.tokens) * 1000) / this.limits.ratePerSecond);
      this.timerPending = true;
      this.timers.setTimeout(() => {
        this.timerPending = false;
        this.pump();
      }, wait);
    }
  }
}

/** Merges identical requests in flight: while one runs, callers with the same key share its promise. */
export class SingleFlight {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  /** Runs `task` unless a task with `key` is already running; then returns that one's promise. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running as Promise<T>;
    const promise = task().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  /** How many distinct requests are in flight. */
  get size(): number {
    return this.inFlight.size;
  }
}
