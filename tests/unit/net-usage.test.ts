import { describe, expect, it, vi } from 'vitest';
import { memoryStore } from '../../utils/net/store';
import { UsageMeter, monthOf } from '../../utils/net/usage';
import { heldStore } from './support/held-store';

describe('UsageMeter', () => {
  it('counts per service per calendar month (UTC) and persists', async () => {
    let now = Date.UTC(2026, 10, 30, 23, 59);
    const store = memoryStore();
    const meter = new UsageMeter(store, () => now);
    await meter.reserve('kvk', async () => 500);
    await meter.reserve('kvk', async () => 500);
    await meter.reserve('kbodata', async () => 500);
    expect(await new UsageMeter(store, () => now).used('kvk')).toBe(2);
    now = Date.UTC(2026, 11, 1, 0, 1);
    expect(await meter.used('kvk')).toBe(0);
    expect(monthOf(now)).toBe('2026-12');
  });

  it('stops at the cap without counting, even for concurrent reservations', async () => {
    const meter = new UsageMeter(memoryStore(), () => Date.UTC(2026, 10, 1));
    const results = await Promise.all(Array.from({ length: 8 }, () => meter.reserve('kvk', async () => 5)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok)).toEqual(Array(3).fill({ ok: false, reason: 'cap', used: 5, cap: 5 }));
    expect(await meter.used('kvk')).toBe(5);
  });

  it('reads a damaged record entry by entry: a bad month or count drops itself, the rest is kept and counted on', async () => {
    const now = Date.UTC(2026, 10, 5);
    const store = memoryStore({
      usage: {
        '2026-11': { kvk: 'seven', kbodata: 4 },
        '2026-10': 7,
        'not a month': { kvk: 1 },
        '2026-09': { kvk: 3 },
      },
    });
    const meter = new UsageMeter(store, () => now);
    expect(await meter.used('kbodata')).toBe(4);
    expect(await meter.used('kvk')).toBe(0);
    expect(await meter.reserve('kbodata', async () => 500)).toEqual({ ok: true });
    expect(store.data.get('usage')).toEqual({ '2026-11': { kbodata: 5 }, '2026-09': { kvk: 3 } });
  });

  it('refuses a paid query whose count cannot be stored or read, and counts nothing', async () => {
    const store = heldStore();
    const meter = new UsageMeter(store, () => Date.UTC(2026, 10, 5));
    store.fail(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await meter.reserve('kvk', async () => 500)).toEqual({ ok: false, reason: 'unrecorded' });
    store.fail(undefined);
    expect(await meter.used('kvk')).toBe(0);
    expect(await meter.reserve('kvk', async () => Promise.reject(new Error('limits unreadable')))).toEqual({
      ok: false,
      reason: 'unrecorded',
    });
    expect(await meter.reserve('kvk', async () => 500)).toEqual({ ok: true });
  });
});
