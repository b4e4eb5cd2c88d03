import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CACHE_AGES, MAX_ENTRY_BYTES, PersistentCache } from '../../utils/net/cache';
import { memoryStore } from '../../utils/net/store';
import { heldStore, until } from './support/held-store';
import { cacheAge } from '../../utils/registry/fetcher';

const schema = z.object({ name: z.string() });

function setup(maxEntries = 1000) {
  let now = 1_700_000_000_000;
  const store = memoryStore();
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const make = () => new PersistentCache(store, { maxEntries, now: clock.now });
  return { store, clock, make, cache: make() };
}

describe('PersistentCache', () => {
  it('serves a value until its age runs out, then misses', async () => {
    const { cache, clock } = setup();
    await cache.set('k', { name: 'A' }, 1000);
    expect(await cache.get('k', schema)).toEqual({ value: { name: 'A' }, storedAt: clock.now() });
    clock.advance(999);
    expect(await cache.get('k', schema)).toBeDefined();
    clock.advance(1);
    expect(await cache.get('k', schema)).toBeUndefined();
    expect(cache.counters).toEqual({ hits: 2, misses: 1 });
  });

  it('survives a new instance on the same store (the worker was stopped)', async () => {
    const { cache, make } = setup();
    await cache.set('k', { name: 'A' }, CACHE_AGES.registry);
    const restarted = make();
    expect((await restarted.get('k', schema))?.value).toEqual({ name: 'A' });
  });

  it('evicts the least recently used entry beyond its bound', async () => {
    const { cache, clock, make } = setup(3);
    for (const k of ['a', 'b', 'c']) {
      await cache.set(k, { name: k }, CACHE_AGES.registry);
      clock.advance(10);
    }
    await cache.get('a', schema); // a is now the most recently used
    clock.advance(10);
    await cache.set('d', { name: 'd' }, CACHE_AGES.registry);
    const reread = make();
    expect(await reread.get('b', schema)).toBeUndefined();
    for (const k of ['a', 'c', 'd']) expect((await reread.get(k, schema))?.value).toEqual({ name: k });
    expect((await reread.stats()).entries).toBe(3);
  });

  it('drops expired entries first when making room, and stores nothing with age 0', async () => {
    const { cache, clock, store } = setup(2);
    await cache.set('short', { name: 's' }, 100);
    await cache.set('long', { name: 'l' }, CACHE_AGES.registry);
    clock.advance(200);
    await cache.set('new', { name: 'n' }, CACHE_AGES.registry);
    await cache.set('never', { name: 'x' }, 0);
    expect([...store.data.keys()].filter((k) => k.startsWith('cache:')).sort()).toEqual(['cache:long', 'cache:new']);
  });

  it('treats a stored value that no longer fits the schema as a miss and removes it', async () => {
    const { cache, store } = setup();
    await cache.set('k', { name: 42 }, 1000);
    expect(await cache.get('k', schema)).toBeUndefined();
    await cache.idle(); // removed in the background: the caller of get does not wait for it
    expect(store.data.has('cache:k')).toBe(false);
  });

  it('clears everything and says how much', async () => {
    const { cache, store } = setup();
    await cache.set('a', { name: 'a' }, 1000);
    await cache.set('b', { name: 'b' }, 1000);
    expect(await cache.clear()).toBe(2);
    expect([...store.data.keys()].filter((k) => k.startsWith('cache:'))).toEqual([]);
    expect(await cache.get('a', schema)).toBeUndefined();
  });
});

describe('cacheAge', () => {
  const DAY = 86_400_000;
  it('gives each kind of answer its age', () => {
    expect(cacheAge({ ok: true, value: {} }, 'registry')).toBe(7 * DAY);
    expect(cacheAge({ ok: true, value: { verdict: 'valid' } }, 'vat')).toBe(DAY);
    expect(cacheAge({ ok: true, value: { verdict: 'invalid' } }, 'vat')).toBe(DAY);
    expect(cacheAge({ ok: true, value: { verdict: 'unavailable' } }, 'vat')).toBe(60_000);
    expect(cacheAge({ ok: false, error: { code: 'not-found', service: 'kvk' } }, 'registry')).toBe(DAY);
    expect(cacheAge({ ok: false, error: { code: 'network', service: 'kvk' } }, 'registry')).toBe(60_000);
    expect(
      cacheAge({ ok: false, error: { code: 'certificate', service: 'kvk', host: 'api.kvk.nl' } }, 'registry'),
    ).toBe(60_000);
    expect(cacheAge({ ok: false, error: { code: 'key-rejected', service: 'kvk', status: 401 } }, 'registry')).toBe(0);
    expect(cacheAge({ ok: false, error: { code: 'malformed-answer', service: 'kvk' } }, 'registry')).toBe(0);
  });
});

describe('PersistentCache while a write is under way', () => {
  const NOW = 1_700_000_000_000;
  const now = () => NOW;
  const isCacheKey = (k: string) => k.startsWith('cache');
  const cacheWriteStarted = (store: ReturnType<typeof heldStore>) => () =>
    store.started.some((items) => Object.keys(items).some(isCacheKey));
  /** What a cache started afresh on `store` (the worker restarted) finds under `key`. */
  const storedValue = async (store: ReturnType<typeof heldStore>, key: string) =>
    (await new PersistentCache(store, { now }).get(key, schema))?.value;

  it('serves a get from memory while the storage write is held, and keeps the entry once it is written', async () => {
    const store = heldStore();
    const cache = new PersistentCache(store, { now });
    store.hold();
    let written = false;
    const write = cache.set('k', { name: 'A' }, 1000).then(() => (written = true));
    await until(cacheWriteStarted(store)); // the index already names the key; its entry is not stored yet
    expect(store.data.has('cache:k')).toBe(false);
    expect(await cache.get('k', schema)).toEqual({ value: { name: 'A' }, storedAt: NOW });
    expect(written).toBe(false);
    store.release();
    await write;
    expect(await storedValue(store, 'k')).toEqual({ name: 'A' });
  });

  it('gives the newer value while its write is pending, not the stored older one', async () => {
    const store = heldStore();
    const cache = new PersistentCache(store, { now });
    await cache.set('k', { name: 'old' }, 1000);
    store.hold();
    const write = cache.set('k', { name: 'new' }, 1000);
    expect((await cache.get('k', schema))?.value).toEqual({ name: 'new' });
    store.release();
    await write;
    expect(await storedValue(store, 'k')).toEqual({ name: 'new' });
  });

  it('keeps every update of the stored index when sets and gets overlap', async () => {
    const store = heldStore();
    const cache = new PersistentCache(store, { now });
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
    await Promise.all(keys.flatMap((k) => [cache.set(k, { name: k }, 1000), cache.get(k, schema)]));
    await cache.idle();
    const restarted = new PersistentCache(store, { now });
    expect((await restarted.stats()).entries).toBe(30);
    for (const k of keys) expect((await restarted.get(k, schema))?.value).toEqual({ name: k });
  });

  it('rejects a failed write but keeps its entry in memory, and the stored ones as they were', async () => {
    const store = heldStore();
    const cache = new PersistentCache(store, { now });
    await cache.set('a', { name: 'a' }, 1000);
    store.fail(new Error('QUOTA_BYTES quota exceeded'));
    const write = cache.set('b', { name: 'b' }, 1000);
    expect((await cache.get('b', schema))?.value).toEqual({ name: 'b' }); // pending: served from memory
    await expect(write).rejects.toThrow('QUOTA_BYTES');
    expect((await cache.get('b', schema))?.value).toEqual({ name: 'b' }); // still: from memory
    expect((await cache.stats()).entries).toBe(2);
    store.fail(undefined);
    expect((await cache.get('a', schema))?.value).toEqual({ name: 'a' });
    await cache.idle();
    const restarted = new PersistentCache(store, { now }); // the worker restarted: memory is gone
    expect((await restarted.stats()).entries).toBe(1);
    expect((await restarted.get('a', schema))?.value).toEqual({ name: 'a' });
    expect(await restarted.get('b', schema)).toBeUndefined();
  });

  it('answers a read that storage fails as a miss (never throws), and serves what memory holds', async () => {
    const store = memoryStore();
    const cache = new PersistentCache(
      {
        ...store,
        get: async () => Promise.reject(new Error('corrupted')),
        set: async () => Promise.reject(new Error('corrupted')),
      },
      { now },
    );
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await cache.get('a', schema)).toBeUndefined();
    await cache.set('a', { name: 'a' }, 1000).catch(() => undefined);
    expect((await cache.get('a', schema))?.value).toEqual({ name: 'a' });
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('read the answer cache'), 'corrupted');
    errors.mockRestore();
  });

  it('reads a damaged index and damaged entries entry by entry: each bad one drops itself', async () => {
    const fresh = now() + 60_000;
    const store = memoryStore({
      'cache-index': { a: [fresh, 1, 50], b: 'broken', c: [fresh, 2], d: [fresh, 3, 50] },
      'cache:a': { value: { name: 'a' }, storedAt: now(), expiresAt: fresh },
      'cache:c': { value: { name: 'c' }, storedAt: now(), expiresAt: fresh },
      'cache:d': { value: { name: 'd' }, storedAt: now() }, // no expiry: damaged
    });
    const cache = new PersistentCache(store, { now });
    expect((await cache.get('a', schema))?.value).toEqual({ name: 'a' });
    expect((await cache.get('c', schema))?.value).toEqual({ name: 'c' }); // an index entry of an older shape
    expect(await cache.get('b', schema)).toBeUndefined();
    expect(await cache.get('d', schema)).toBeUndefined();
    await cache.idle();
    expect(store.data.has('cache:d')).toBe(false);
    expect(Object.keys(store.data.get('cache-index') as object).sort()).toEqual(['a', 'c']);
  });

  it('keeps the stored entries within the byte bound, least recently used out first; a huge one stays in memory', async () => {
    const store = memoryStore();
    const cache = new PersistentCache(store, { now, maxBytes: 1200 });
    const big = { name: 'x'.repeat(300) };
    for (const k of ['a', 'b', 'c', 'd']) await cache.set(k, big, 60_000);
    const stored = [...store.data.keys()].filter((k) => k.startsWith('cache:')).sort();
    expect(stored).toEqual(['cache:b', 'cache:c', 'cache:d']); // 365 bytes each: three fit in 1200
    await cache.set('huge', { name: 'x'.repeat(MAX_ENTRY_BYTES) }, 60_000);
    expect(store.data.has('cache:huge')).toBe(false);
    expect((await cache.get('huge', schema))?.value.name).toHaveLength(MAX_ENTRY_BYTES);
  });

  it('clear() also drops entries whose write is pending', async () => {
    const store = heldStore();
    const cache = new PersistentCache(store, { now });
    store.hold();
    void cache.set('a', { name: 'a' }, 1000);
    void cache.set('b', { name: 'b' }, 1000);
    await until(cacheWriteStarted(store)); // a's write is under way, b's waits behind it
    const cleared = cache.clear();
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('a', schema)).toBeUndefined();
    expect(await cache.get('b', schema)).toBeUndefined();
    store.release();
    expect(await cleared).toBe(2);
    await cache.idle();
    expect([...store.data.keys()].filter((k) => k.startsWith('cache:'))).toEqual([]);
    expect((await new PersistentCache(store, { now }).stats()).entries).toBe(0);
  });
});
