import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../utils/net/store';
import { UsageMeter, monthOf } from '../../utils/net/usage';

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
    expect(results.filter((r) => !r.ok)).toEqual(Array(3).fill({ ok: false, used: 5, cap: 5 }));
    expect(await meter.used('kvk')).toBe(5);
  });
});
