// Per-service throttling: a token bucket (requests per second, with a small burst), a concurrency cap, and optionally
// a cap per lane (VIES: per member state, whose national systems answer MS_MAX_CONCURRENT_REQ when pressed). Tasks wait
// in FIFO order, a task whose lane is full letting later ones of other lanes pass; nothing is dropped.
import type { PaceRequest, Pacer } from './paced-queue';

/** The limits of one service. */
export interface ThrottleLimits {
  /** Sustained requests per second (token refill rate). */
  ratePerSecond: number;
  /** Tokens the bucket holds: requests that may start at once after a quiet spell. */
  burst: number;
  /** Requests in flight at the same time. */
  maxConcurrent: number;
  /** Requests in flight at the same time within one lane (a task's `lane`); unlimited when absent. */
  maxConcurrentPerLane?: number;
}

/**
 * Defaults, well under the published limits (KVK allows 100/s; VIES publishes none but blocks abusers). KVK's open data
 * allows about one a minute per address: the background paces it with a persisted queue (./paced-queue.ts); this
 * bucket is what holds it where no queue is given.
 */
export const DEFAULT_THROTTLE_LIMITS: Record<'kvk' | 'vies' | 'kbodata' | 'kvk-open', ThrottleLimits> = {
  kvk: { ratePerSecond: 10, burst: 10, maxConcurrent: 4 },
  vies: { ratePerSecond: 5, burst: 2, maxConcurrent: 2, maxConcurrentPerLane: 1 },
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
export class Throttle implements Pacer {
  private tokens: number;
  private lastRefill: number;
  private active = 0;
  private readonly queue: { start: () => void; lane: string | undefined }[] = [];
  /** Tasks running now per lane (lanes with none are removed). */
  private readonly lanes = new Map<string, number>();
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

  /** Tasks of `lane` running now. */
  activeIn(lane: string): number {
    return this.lanes.get(lane) ?? 0;
  }

  /** Runs `task` when a token, a concurrency slot and a slot of its `lane` (if any) are free. */
  run<T>(task: () => Promise<T>, { lane }: PaceRequest = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        task()
          .then(resolve, reject)
          .finally(() => {
            this.active--;
            if (lane !== undefined) {
              const left = this.activeIn(lane) - 1;
              if (left > 0) this.lanes.set(lane, left);
              else this.lanes.delete(lane);
            }
            this.pump();
          });
      };
      this.queue.push({ start, lane });
      this.pump();
    });
  }

  private laneFree(lane: string | undefined): boolean {
    const cap = this.limits.maxConcurrentPerLane;
    return lane === undefined || cap === undefined || this.activeIn(lane) < cap;
  }

  private refill(): void {
    const now = this.timers.now();
    const elapsed = Math.max(0, now - this.lastRefill);
    this.tokens = Math.min(this.limits.burst, this.tokens + (elapsed * this.limits.ratePerSecond) / 1000);
    this.lastRefill = now;
  }

  private pump(): void {
    this.refill();
    for (let i = 0; i < this.queue.length && this.active < this.limits.maxConcurrent && this.tokens >= 1;) {
      const { start, lane } = this.queue[i]!;
      if (!this.laneFree(lane)) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.tokens -= 1;
      this.active++;
      if (lane !== undefined) this.lanes.set(lane, this.activeIn(lane) + 1);
      start();
    }
    const startable = this.queue.some((q) => this.laneFree(q.lane));
    if (startable && this.active < this.limits.maxConcurrent && !this.timerPending) {
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
