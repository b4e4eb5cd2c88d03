import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SingleFlight, Throttle } from '../../utils/net/throttle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A task that records when it started and finishes when told. */
function controllable(log: number[]) {
  const finishers: (() => void)[] = [];
  const task = () =>
    new Promise<void>((resolve) => {
      log.push(Date.now());
      finishers.push(resolve);
    });
  return { task, finishAll: () => finishers.splice(0).forEach((f) => f()) };
}

describe('Throttle', () => {
  it('never runs more than maxConcurrent at once', async () => {
    const throttle = new Throttle({ ratePerSecond: 1000, burst: 100, maxConcurrent: 4 });
    const started: number[] = [];
    const c = controllable(started);
    const all = Array.from({ length: 10 }, () => throttle.run(c.task));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(4);
    expect(throttle.stats).toEqual({ active: 4, waiting: 6 });
    c.finishAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(8);
    c.finishAll();
    await vi.advanceTimersByTimeAsync(0);
    c.finishAll();
    await Promise.all(all);
    expect(started).toHaveLength(10);
  });

  it('starts at most burst at once, then ratePerSecond', async () => {
    const throttle = new Throttle({ ratePerSecond: 10, burst: 10, maxConcurrent: 100 });
    const started: number[] = [];
    const t0 = Date.now();
    const all = Array.from({ length: 30 }, () =>
      throttle.run(async () => {
        started.push(Date.now() - t0);
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started.length).toBeGreaterThanOrEqual(19);
    expect(started.length).toBeLessThanOrEqual(21);
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(all);
    expect(started).toHaveLength(30);
    // 30 requests at 10/s with a burst of 10 take about 2 s, never less.
    expect(started.at(-1)!).toBeGreaterThanOrEqual(1900);
  });

  it('passes results and rejections through and frees the slot on failure', async () => {
    const throttle = new Throttle({ ratePerSecond: 100, burst: 1, maxConcurrent: 1 });
    await expect(throttle.run(async () => 7)).resolves.toBe(7);
    await vi.advanceTimersByTimeAsync(20);
    const failing = throttle.run(async () => {
      throw new Error('x');
    });
    await expect(failing).rejects.toThrow('x');
    await vi.advanceTimersByTimeAsync(20);
    await expect(throttle.run(async () => 8)).resolves.toBe(8);
  });
});

describe('Throttle lanes', () => {
  it('runs at most maxConcurrentPerLane per lane, letting other lanes pass a full one', async () => {
    const throttle = new Throttle({ ratePerSecond: 1000, burst: 100, maxConcurrent: 3, maxConcurrentPerLane: 1 });
    const started: string[] = [];
    const finishers = new Map<string, () => void>();
    const task = (name: string) => () =>
      new Promise<void>((resolve) => {
        started.push(name);
        finishers.set(name, resolve);
      });
    const all = [
      throttle.run(task('DE-1'), { lane: 'DE' }),
      throttle.run(task('DE-2'), { lane: 'DE' }),
      throttle.run(task('DE-3'), { lane: 'DE' }),
      throttle.run(task('FR-1'), { lane: 'FR' }),
      throttle.run(task('any')),
    ];
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['DE-1', 'FR-1', 'any']);
    expect(throttle.activeIn('DE')).toBe(1);
    expect(throttle.stats).toEqual({ active: 3, waiting: 2 });
    finishers.get('FR-1')!();
    await vi.advanceTimersByTimeAsync(0);
    // A free slot, but only DE waits and DE is full: nothing starts.
    expect(started).toHaveLength(3);
    finishers.get('DE-1')!();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['DE-1', 'FR-1', 'any', 'DE-2']);
    finishers.get('DE-2')!();
    finishers.get('any')!();
    await vi.advanceTimersByTimeAsync(0);
    finishers.get('DE-3')!();
    await Promise.all(all);
    expect(started.at(-1)).toBe('DE-3');
    expect(throttle.activeIn('DE')).toBe(0);
  });
});

describe('SingleFlight', () => {
  it('merges identical requests in flight into one and forgets them when done', async () => {
    const flights = new SingleFlight();
    let calls = 0;
    const task = () => new Promise<number>((r) => setTimeout(() => r(++calls), 10));
    const results = Promise.all(Array.from({ length: 50 }, () => flights.run('kvk:68750110', task)));
    const other = flights.run('kvk:69599084', task);
    expect(flights.size).toBe(2);
    await vi.advanceTimersByTimeAsync(10);
    expect(new Set(await results).size).toBe(1);
    await other;
    expect(calls).toBe(2);
    expect(flights.size).toBe(0);
    const again = flights.run('kvk:68750110', task);
    await vi.advanceTimersByTimeAsync(10);
    expect(await again).toBe(3);
  });
});
