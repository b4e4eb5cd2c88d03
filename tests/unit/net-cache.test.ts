import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CACHE_AGES, PersistentCache } from '../../utils/net/cache';
import { memoryStore } from '../../utils/net/store';
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
