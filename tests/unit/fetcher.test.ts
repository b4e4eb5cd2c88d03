import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { PersistentCache } from '../../utils/net/cache';
import { UsageMeter } from '../../utils/net/usage';
import { Fetcher, isCancelled, type Job } from '../../utils/registry/fetcher';
import { heldStore, until } from './support/held-store';

const NOW = Date.UTC(2026, 10, 23, 12);
const now = () => NOW;
const noRetryDelay = { maxTries: 3, baseDelayMs: 0, maxDelayMs: 10, random: () => 0, sleep: async () => {} };
const ProfileSchema = z.object({ name: z.string() });
const isCacheKey = (k: string) => k.startsWith('cache');

/** A fetcher over a held store, and a fake paid registry that counts the requests it gets. */
function setup(options: { store?: ReturnType<typeof heldStore>; cap?: number } = {}) {
  const store = options.store ?? heldStore();
  const cache = new PersistentCache(store, { now });
  const usage = new UsageMeter(store, now);
  const capReads = { count: 0 };
  const fetcher = new Fetcher({
    cache,
    usage,
    now,
    retry: noRetryDelay,
    readCap: async () => {
      capReads.count++;
      return options.cap ?? 500;
    },
  });
  const registry = { requests: 0 };
  const job = (name: string): Job<{ name: string }> => ({
    service: 'kvk',
    key: 'kvk:prod:basisprofiel:68750110',
    schema: ProfileSchema,
    kind: 'registry',
    metered: 'kvk',
    run: async () => {
      registry.requests++;
      return { ok: true, value: { name } };
    },
  });
  const cacheWriteStarted = () => store.started.some((items) => Object.keys(items).some(isCacheKey));
  return { store, cache, usage, fetcher, registry, job, capReads, cacheWriteStarted };
}

afterEach(() => vi.restoreAllMocks());

describe('Fetcher and its cache write', () => {
  it('answers before the cache write is done', async () => {
    const { store, fetcher, job, cacheWriteStarted } = setup();
    store.hold(isCacheKey);
    const answer = fetcher.get(job('Test BV'));
    await until(cacheWriteStarted);
    const first = await Promise.race([answer, new Promise((r) => setTimeout(() => r('no answer yet'), 0))]);
    expect(first).toMatchObject({ ok: true, value: { name: 'Test BV' }, cached: false, fetchedAt: NOW });
    expect(store.data.has('cache:kvk:prod:basisprofiel:68750110')).toBe(false);
    store.release();
  });

  it('answers a paid request that arrives during the cache write from that write: one request, counted once', async () => {
    const { store, cache, usage, fetcher, registry, job, cacheWriteStarted } = setup();
    store.hold(isCacheKey);
    expect(await fetcher.get(job('first answer'))).toMatchObject({ ok: true, cached: false });
    await until(cacheWriteStarted); // the in-flight merge has ended; the write is still under way
    const again = await fetcher.get(job('second answer'));
    expect(again).toMatchObject({ ok: true, value: { name: 'first answer' }, cached: true, fetchedAt: NOW });
    expect(registry.requests).toBe(1);
    expect(fetcher.started.kvk).toBe(1);
    expect(await usage.used('kvk')).toBe(1);
    store.release();
    await cache.idle();
    // The worker restarts: the answer was stored, so still no second paid request.
    const restarted = setup({ store });
    expect(await restarted.fetcher.get(restarted.job('third answer'))).toMatchObject({
      value: { name: 'first answer' },
      cached: true,
    });
    expect(restarted.registry.requests).toBe(0);
    expect(await restarted.usage.used('kvk')).toBe(1);
  });

  it('still answers when storage refuses the cache write, and reports the failure', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { store, cache, usage, fetcher, registry, job } = setup();
    store.fail(new Error('QUOTA_BYTES quota exceeded'), isCacheKey);
    expect(await fetcher.get(job('Test BV'))).toMatchObject({ ok: true, value: { name: 'Test BV' }, cached: false });
    await cache.idle();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('cache'), 'QUOTA_BYTES quota exceeded');
    // The answer stays in memory: the next identical request is answered from there, not sent (nor paid) again.
    expect(await fetcher.get(job('Test BV'))).toMatchObject({ ok: true, value: { name: 'Test BV' }, cached: true });
    expect(registry.requests).toBe(1);
    expect(await usage.used('kvk')).toBe(1);
  });

  it('refuses a paid request whose usage cannot be recorded, with its own error; a free one goes on', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { store, fetcher, registry, job } = setup();
    store.fail(new Error('QUOTA_BYTES quota exceeded')); // every write fails: the usage count and the cache
    expect(await fetcher.get(job('paid'))).toMatchObject({
      ok: false,
      error: { code: 'usage-unrecorded', service: 'kvk' },
      cached: false,
    });
    expect(registry.requests).toBe(0);
    const free = { ...job('free'), key: 'kvk:prod:zoeken:kvkNummer=68750110', metered: undefined };
    expect(await fetcher.get(free)).toMatchObject({ ok: true, value: { name: 'free' } });
    expect(await fetcher.get(free)).toMatchObject({ ok: true, cached: true }); // kept in memory
    expect(registry.requests).toBe(1);
  });

  it('reads the cap once per paid request, with the usage count, and stops at it', async () => {
    const { fetcher, registry, job, capReads } = setup({ cap: 1 });
    const key = (j: Job<{ name: string }>, k: string) => ({ ...j, key: k });
    expect(await fetcher.get(key(job('a'), 'kvk:prod:basisprofiel:1'))).toMatchObject({ ok: true });
    expect(await fetcher.get(key(job('b'), 'kvk:prod:basisprofiel:2'))).toMatchObject({
      ok: false,
      error: { code: 'paid-cap-reached', service: 'kvk', cap: 1, used: 1 },
    });
    expect(registry.requests).toBe(1);
    expect(capReads.count).toBe(2);
  });
});

describe('Fetcher options of the report', () => {
  it('bypassCache asks the service again and caches the new answer', async () => {
    const { cache, fetcher, registry, job } = setup();
    await fetcher.get(job('old'));
    await cache.idle();
    expect(await fetcher.get(job('ignored'))).toMatchObject({ value: { name: 'old' }, cached: true });
    expect(await fetcher.get(job('new'), { bypassCache: true })).toMatchObject({
      value: { name: 'new' },
      cached: false,
    });
    await cache.idle();
    expect(await fetcher.get(job('ignored'))).toMatchObject({ value: { name: 'new' }, cached: true });
    expect(registry.requests).toBe(2);
  });

  it('an aborted signal stops the retries and the queued requests, counts nothing and caches nothing', async () => {
    const { cache, usage, fetcher, registry } = setup();
    const controller = new AbortController();
    let tries = 0;
    const temporary: Job<{ name: string }> = {
      service: 'kvk',
      key: 'kvk:prod:basisprofiel:90004973',
      schema: ProfileSchema,
      kind: 'registry',
      metered: 'kvk',
      run: async () => {
        tries++;
        registry.requests++;
        controller.abort(); // the user pauses while the first try is under way
        return { ok: false, error: { code: 'service-unavailable', service: 'kvk', reason: 'IPD1002' } };
      },
    };
    const first = await fetcher.get(temporary, { signal: controller.signal });
    expect(first).toMatchObject({ ok: false, error: { reason: 'IPD1002' } });
    expect(tries).toBe(1); // not retried once aborted
    const late = await fetcher.get({ ...temporary, key: 'kvk:prod:basisprofiel:2' }, { signal: controller.signal });
    expect(isCancelled(late)).toBe(true);
    expect(registry.requests).toBe(1);
    expect(await usage.used('kvk')).toBe(1);
    await cache.idle();
    expect((await cache.stats()).entries).toBe(1); // the real answer only, not the cancelled one
  });

  it('a job waiting in the throttle when its signal aborts is never sent (nor counted)', async () => {
    const store = heldStore();
    const cache = new PersistentCache(store, { now });
    const usage = new UsageMeter(store, now);
    const one = { ratePerSecond: 1000, burst: 100, maxConcurrent: 1 };
    const fetcher = new Fetcher({
      cache,
      usage,
      now,
      retry: noRetryDelay,
      readCap: async () => 500,
      limits: { kvk: one },
    });
    let finishFirst!: () => void;
    const sent: string[] = [];
    const job = (key: string, wait?: Promise<void>): Job<{ name: string }> => ({
      service: 'kvk',
      key,
      schema: ProfileSchema,
      kind: 'registry',
      metered: 'kvk',
      run: async () => {
        sent.push(key);
        await wait;
        return { ok: true, value: { name: key } };
      },
    });
    const controller = new AbortController();
    const first = fetcher.get(job('kvk:a', new Promise((r) => (finishFirst = r))), { signal: controller.signal });
    const queued = fetcher.get(job('kvk:b'), { signal: controller.signal });
    await until(() => sent.length === 1);
    controller.abort(); // paused while `kvk:b` waits for the throttle's only slot
    finishFirst();
    expect(await first).toMatchObject({ ok: true, value: { name: 'kvk:a' } }); // sent before: its answer is kept
    expect(isCancelled(await queued)).toBe(true);
    expect(sent).toEqual(['kvk:a']);
    expect(await usage.used('kvk')).toBe(1);
  });
});
