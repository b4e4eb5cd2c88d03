// Registry text without control characters: what the fetcher hands on (fresh and from the cache).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cleanStrings, cleanText } from '../../utils/registry/clean-text';
import { PersistentCache } from '../../utils/net/cache';
import { memoryStore } from '../../utils/net/store';
import { UsageMeter } from '../../utils/net/usage';
import { Fetcher } from '../../utils/registry/fetcher';

describe('cleanText', () => {
  it('removes C0/C1 controls and the bidi embedding, override and isolate controls, keeping line feeds', () => {
    expect(cleanText('Evil\u202Egnp.exe')).toBe('Evilgnp.exe');
    expect(cleanText('\u2066A\u2069\u202A\u202B\u202C\u202D\u2067\u2068B')).toBe('AB');
    expect(cleanText('Na\u0000me\u0007\u001B[31m\u009B\u007F')).toBe('Name[31m');
    expect(cleanText('Wetstraat 200\r\n1000 Brussel\tBE')).toBe('Wetstraat 200\n1000 Brussel BE');
    expect(cleanText('Coöperatie « Zuivel » — شركة')).toBe('Coöperatie « Zuivel » — شركة');
  });

  it('cleans every string at any depth and leaves other values alone', () => {
    expect(cleanStrings({ a: ['x\u202E', { b: 'y\u0000' }], n: 3, t: true, z: null })).toEqual({
      a: ['x', { b: 'y' }],
      n: 3,
      t: true,
      z: null,
    });
  });

  it('is applied to what the fetcher answers, fresh and from the cache', async () => {
    const store = memoryStore({
      'cache-index': { old: [Date.now() + 60_000, 0, 100] },
      'cache:old': { value: { ok: true, value: { name: 'Old\u202EBV' } }, storedAt: 0, expiresAt: Date.now() + 60_000 },
    });
    const cache = new PersistentCache(store);
    const fetcher = new Fetcher({ cache, usage: new UsageMeter(store), now: Date.now, readCap: async () => 500 });
    const schema = z.object({ name: z.string() });
    const fresh = await fetcher.get({
      service: 'kvk',
      key: 'new',
      schema,
      kind: 'registry',
      run: async () => ({ ok: true, value: { name: 'Fresh\u202EBV\u0000' } }),
    });
    expect(fresh).toMatchObject({ ok: true, value: { name: 'FreshBV' } });
    const cached = await fetcher.get({ service: 'kvk', key: 'old', schema, kind: 'registry', run: async () => fresh });
    expect(cached).toMatchObject({ ok: true, value: { name: 'OldBV' }, cached: true });
  });
});
