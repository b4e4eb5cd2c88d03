// One request at a time to a host, the next no sooner than an interval after the last one ended (KVK's open data: about
// one a minute per internet address). When the next request may start is kept in storage, so a service worker that
// was stopped and started again does not send early. An answer that asks to wait (a 429's Retry-After) holds the queue
// that long and puts its request back at the front, a bounded number of times. Waiting requests are told when they are
// expected to go, again whenever that changes.
import type { KeyValueStore } from './store';

/** What a request in the queue is told. */
export interface PaceHooks {
  /** When the request is now expected to be sent (epoch ms). */
  onScheduled?(sendAt: number): void;
  /** The request is being sent. */
  onStart?(): void;
}

/** What a task tells the pacer that runs it: its lane (the throttle's per-lane cap) and who hears its schedule (this queue's). */
export interface PaceRequest {
  lane?: string;
  hooks?: PaceHooks;
}

/** Something that runs tasks at its own pace: the token-bucket Throttle, or this queue. */
export interface Pacer {
  run<T>(task: () => Promise<T>, request?: PaceRequest): Promise<T>;
}

/** What the queue needs; the clock and timers are injectable for tests. */
export interface PacedQueueOptions {
  store: KeyValueStore;
  /** Storage key of the queue's state (one per host). */
  key: string;
  /** The interval between requests, read before each request (ms). */
  intervalMs: () => number | Promise<number>;
  /** How long a task's result asks the queue to wait (a 429's Retry-After), or undefined when it asks nothing. */
  waitAfter?: (result: unknown) => number | undefined;
  /** How many times one request is put back after an answer asking to wait. */
  maxRequeues?: number;
  /** A longer wait than this is not waited for: the result goes back to its caller (who shows the wait). */
  maxWaitMs?: number;
  now?: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

interface Entry {
  task: () => Promise<unknown>;
  hooks: PaceHooks;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  requeues: number;
}

/** The stored state: the earliest time the next request may start. */
interface PaceState {
  notBefore: number;
}

/** A FIFO queue that sends one request at a time, an interval apart, with its pace persisted. */
export class PacedQueue implements Pacer {
  private readonly waiting: Entry[] = [];
  private notBefore: number | undefined;
  private loading: Promise<number> | undefined;
  private intervalMs = 0;
  private running = false;
  private timerDue: number | undefined;
  /** Requests sent (for tests and diagnostics). */
  sent = 0;

  constructor(private readonly options: PacedQueueOptions) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Runs `task` when its turn comes; `hooks` hear when it is expected to go and when it goes. */
  run<T>(task: () => Promise<T>, { hooks = {} }: PaceRequest = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ task, hooks, resolve: resolve as (v: unknown) => void, reject, requeues: 0 });
      this.announce();
      void this.pump();
    });
  }

  /** How many requests wait (the one being sent not counted). */
  get size(): number {
    return this.waiting.length;
  }

  private load(): Promise<number> {
    if (this.notBefore !== undefined) return Promise.resolve(this.notBefore);
    this.loading ??= this.options.store.get([this.options.key]).then(
      (got) => {
        const stored = got[this.options.key] as Partial<PaceState> | undefined;
        const at = typeof stored?.notBefore === 'number' && Number.isFinite(stored.notBefore) ? stored.notBefore : 0;
        // Two loads racing keep the later time.
        this.notBefore = Math.max(this.notBefore ?? 0, at);
        return this.notBefore;
      },
      () => (this.notBefore ??= 0), // unreadable storage: the pace of this worker still holds
    );
    return this.loading;
  }

  private async save(notBefore: number): Promise<void> {
    this.notBefore = notBefore;
    try {
      await this.options.store.set({ [this.options.key]: { notBefore } satisfies PaceState });
    } catch {
      // The pace of this worker still holds; only a restarted one could send early.
    }
  }

  /** Tells each waiting request when it is expected to go: one interval apart from the next free start. */
  private announce(): void {
    if (this.notBefore === undefined) return; // told once the state is read
    const now = this.now();
    // While one is being sent, the next may go one interval after it ends (at the earliest, now).
    const first = Math.max(this.notBefore, this.running ? now + this.intervalMs : now);
    this.waiting.forEach((entry, i) => entry.hooks.onScheduled?.(first + i * this.intervalMs));
  }

  private async pump(): Promise<void> {
    if (this.running || !this.waiting.length) return;
    this.running = true;
    let notBefore: number;
    try {
      [notBefore, this.intervalMs] = await Promise.all([this.load(), this.options.intervalMs()]);
    } catch {
      notBefore = this.notBefore ?? 0;
    }
    const now = this.now();
    if (notBefore > now) {
      this.running = false;
      this.announce();
      this.wake(notBefore);
      return;
    }
    const entry = this.waiting.shift()!;
    entry.hooks.onStart?.();
    this.announce();
    // Stored before the request goes: a worker stopped while it is under way still waits after a restart.
    await this.save(now + this.intervalMs);
    this.sent++;
    let result: unknown;
    let failed = false;
    try {
      result = await entry.task();
    } catch (error) {
      failed = true;
      result = error;
    }
    const end = this.now();
    const wait = failed ? undefined : this.options.waitAfter?.(result);
    await this.save(Math.max(end + this.intervalMs, wait !== undefined ? end + wait : 0));
    const putBack =
      wait !== undefined &&
      entry.requeues < (this.options.maxRequeues ?? 2) &&
      wait <= (this.options.maxWaitMs ?? 600_000);
    if (putBack) {
      entry.requeues++;
      this.waiting.unshift(entry);
    } else if (failed) entry.reject(result);
    else entry.resolve(result);
    this.running = false;
    this.announce();
    void this.pump();
  }

  /** Pumps again at `at` (one timer at a time; an earlier one is kept). */
  private wake(at: number): void {
    if (this.timerDue !== undefined && this.timerDue <= at) return;
    this.timerDue = at;
    const schedule = this.options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
    schedule(
      () => {
        if (this.timerDue !== at) return;
        this.timerDue = undefined;
        void this.pump();
      },
      Math.max(0, at - this.now()),
    );
  }
}
