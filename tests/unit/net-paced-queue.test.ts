import { describe, expect, it } from 'vitest';
import { PacedQueue, type PacedQueueOptions } from '../../utils/net/paced-queue';
import { memoryStore } from '../../utils/net/store';
import { manualClock, settle } from './support/manual-clock';

const MINUTE = 60_000;
const KEY = 'pace:opendata.kvk.nl';

/** A queue on a manual clock; each task records when it started and answers after `latencyMs`. */
function setup(
  options: Partial<Omit<PacedQueueOptions, 'store'>> & {
    store?: ReturnType<typeof memoryStore>;
    latencyMs?: number;
  } = {},
) {
  const clock = options.now ? undefined : manualClock();
  const store = options.store ?? memoryStore();
  const queue = new PacedQueue({
    key: KEY,
    intervalMs: () => MINUTE,
    now: clock?.now,
    setTimeout: clock?.setTimeout,
    ...options,
    store,
  });
  const started: number[] = [];
  const task =
    (answer: unknown = 'ok') =>
    () =>
      new Promise<unknown>((resolve) => {
        started.push(clock!.now());
        clock!.setTimeout(() => resolve(answer), options.latencyMs ?? 300);
      });
  return { queue, clock: clock!, store, started, task };
}

describe('PacedQueue', () => {
  it('sends one request at a time, each a minute after the previous one ended', async () => {
    const { queue, clock, started, task } = setup();
    const t0 = clock.now();
    const done: unknown[] = [];
    for (let i = 0; i < 3; i++) void queue.run(task(i)).then((v) => done.push(v));
    await clock.advance(0);
    expect(started).toEqual([t0]);
    await clock.advance(MINUTE); // the first ended at +300 ms: the second may not go before +60.3 s
    expect(started).toEqual([t0]);
    await clock.advance(300);
    expect(started).toEqual([t0, t0 + MINUTE + 300]);
    await clock.advance(3 * MINUTE);
    expect(started).toEqual([t0, t0 + MINUTE + 300, t0 + 2 * (MINUTE + 300)]);
    expect(done).toEqual([0, 1, 2]);
  });

  it('tells each waiting request when it is expected to go, and when it goes', async () => {
    const { queue, clock, task } = setup();
    const t0 = clock.now();
    const seen: Record<string, (number | 'start')[]> = { a: [], b: [], c: [] };
    for (const name of ['a', 'b', 'c'])
      void queue.run(task(), {
        hooks: {
          onScheduled: (at) => seen[name]!.push(at),
          onStart: () => seen[name]!.push('start'),
        },
      });
    await clock.advance(0);
    // a goes at once; b and c are one and two minutes after a ends (at the earliest, a minute from now).
    expect(seen.a).toEqual(['start']);
    expect(seen.b!.at(-1)).toBe(t0 + MINUTE);
    expect(seen.c!.at(-1)).toBe(t0 + 2 * MINUTE);
    await clock.advance(300); // a ended: b's time is now fixed
    expect(seen.b!.at(-1)).toBe(t0 + 300 + MINUTE);
    expect(seen.c!.at(-1)).toBe(t0 + 300 + 2 * MINUTE);
    await clock.advance(MINUTE);
    expect(seen.b!.at(-1)).toBe('start');
  });

  it('keeps its pace in storage: a worker started again does not send early', async () => {
    const store = memoryStore();
    const first = setup({ store });
    const t0 = first.clock.now();
    const sent = first.queue.run(first.task());
    await first.clock.advance(300);
    await sent;
    expect(store.data.get(KEY)).toEqual({ notBefore: t0 + 300 + MINUTE });

    // A new worker: a new queue on the same storage, its clock 20 s later.
    const clock = manualClock(t0 + 20_000);
    const restarted = new PacedQueue({ store, key: KEY, intervalMs: () => MINUTE, ...clock });
    const started: number[] = [];
    const answer = restarted.run(async () => started.push(clock.now()));
    await clock.advance(30_000);
    expect(started).toEqual([]);
    await clock.advance(10_300);
    expect(started).toEqual([t0 + 300 + MINUTE]);
    await answer;
  });

  it('stores the pace before the request goes, so a worker stopped during a request still waits', async () => {
    const { queue, clock, store, task } = setup({ latencyMs: 5_000 });
    const t0 = clock.now();
    void queue.run(task());
    await clock.advance(1_000); // under way
    expect(store.data.get(KEY)).toEqual({ notBefore: t0 + MINUTE });
  });

  it('waits out a 429 Retry-After, puts the request back at the front, and says its new time', async () => {
    let calls = 0;
    const { queue, clock, started } = setup({ waitAfter: (r) => (r === 'too many' ? 120_000 : undefined) });
    const t0 = clock.now();
    const scheduled: number[] = [];
    const answer = queue.run(
      async () => {
        started.push(clock.now());
        return ++calls === 1 ? 'too many' : 'ok';
      },
      { hooks: { onScheduled: (at) => scheduled.push(at) } },
    );
    const second = queue.run(async () => started.push(clock.now()));
    await clock.advance(0);
    expect(started).toEqual([t0]);
    expect(scheduled.at(-1)).toBe(t0 + 120_000);
    await clock.advance(119_999);
    expect(started).toEqual([t0]);
    await clock.advance(1);
    expect(started).toEqual([t0, t0 + 120_000]);
    await expect(answer).resolves.toBe('ok');
    // The other request still comes a minute after the retried one.
    await clock.advance(MINUTE);
    expect(started).toEqual([t0, t0 + 120_000, t0 + 120_000 + MINUTE]);
    await second;
  });

  it('gives the answer back after two requeues, or at once when the wait is longer than ten minutes', async () => {
    const limited = setup({ waitAfter: () => 30_000 });
    const answer = limited.queue.run(limited.task('too many'));
    await limited.clock.advance(10 * MINUTE);
    await expect(answer).resolves.toBe('too many');
    expect(limited.started).toHaveLength(3);

    const long = setup({ waitAfter: () => 3_600_000 });
    const t0 = long.clock.now();
    const once = long.queue.run(long.task('too many'));
    await long.clock.advance(1_000);
    await expect(once).resolves.toBe('too many');
    expect(long.started).toHaveLength(1);
    // The hour KVK asked for still holds the queue, across restarts too.
    expect(long.store.data.get(KEY)).toEqual({ notBefore: t0 + 300 + 3_600_000 });
  });

  it('rejects a task that throws and goes on with the next', async () => {
    const { queue, clock, started, task } = setup();
    const failing = queue.run(async () => {
      throw new Error('boom');
    });
    const next = queue.run(task('next'));
    await expect(failing).rejects.toThrow('boom');
    await clock.advance(MINUTE + 300);
    await expect(next).resolves.toBe('next');
    expect(started).toHaveLength(1);
  });

  it('reads the interval before each request (a test may shorten it)', async () => {
    let interval = MINUTE;
    const { queue, clock, started, task } = setup({ intervalMs: () => interval });
    const t0 = clock.now();
    void queue.run(task());
    void queue.run(task());
    await clock.advance(0);
    interval = 2_000;
    await settle();
    await clock.advance(300 + 2_000);
    // The second was scheduled a minute out; the shorter interval applies from the next request on.
    expect(started).toEqual([t0]);
    await clock.advance(MINUTE);
    expect(started).toHaveLength(2);
  });
});
