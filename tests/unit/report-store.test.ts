import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../utils/net/store';
import { newReport } from '../../utils/report/new-report';
import { chunkKey, metaKey, REPORT_INDEX_KEY, REPORT_MAX_AGE_MS, ReportStore } from '../../utils/report/store';
import { ReportWriter } from '../../utils/report/writer';

// Reports in storage: written in chunks, read back row by row (a damaged row drops that row only), bounded.

const T0 = Date.UTC(2026, 10, 23, 9);
const DAY = 24 * 60 * 60_000;

const report = (id: string, rows: number, now = T0) =>
  newReport({
    id,
    now,
    source: { type: 'list' },
    items: Array.from({ length: rows }, (_, i) => ({ kind: 'kvk' as const, value: String(10_000_000 + i) })),
    paidServices: { kbodata: false },
  });

describe('ReportStore', () => {
  it('writes a report in chunks of 50 rows and reads it back; a save writes only the chunks that changed', async () => {
    const kv = memoryStore();
    const store = new ReportStore(kv);
    const r = report('report-one', 120);
    await store.write(r);
    expect([...kv.data.keys()].sort()).toEqual(
      [REPORT_INDEX_KEY, metaKey('report-one'), ...[0, 1, 2].map((n) => chunkKey('report-one', n))].sort(),
    );
    expect(await store.load('report-one')).toEqual({ report: r, dropped: 0 });

    const written: string[][] = [];
    const spy = {
      ...kv,
      set: async (items: Record<string, unknown>) => (written.push(Object.keys(items)), kv.set(items)),
    };
    r.rows[70]!.state = 'done';
    await new ReportStore(spy).save(r, [70]);
    expect(written).toEqual([[metaKey('report-one'), chunkKey('report-one', 1)]]);
    expect((await store.load('report-one'))!.report.rows[70]!.state).toBe('done');
  });

  it('drops a damaged row, not the report; a damaged list entry, not the list; a damaged meta loses the report', async () => {
    const kv = memoryStore();
    const store = new ReportStore(kv);
    await store.write(report('report-one', 60));
    await store.write(report('report-two', 3, T0 + 1));
    const chunk = kv.data.get(chunkKey('report-one', 0)) as unknown[];
    chunk[7] = { ...(chunk[7] as object), state: 'exploded' };
    chunk[8] = 'not a row';
    kv.data.set(chunkKey('report-one', 1), [...(kv.data.get(chunkKey('report-one', 1)) as unknown[]), { junk: 1 }]);
    const loaded = await store.load('report-one');
    expect(loaded!.dropped).toBe(2);
    expect(loaded!.report.rows).toHaveLength(58);
    expect(loaded!.report.rows.map((r) => r.value)).not.toContain('10000007');
    expect(loaded!.report.meta.rowCount).toBe(58);

    // The background writes it back compacted: the next read has nothing to drop.
    await store.write(loaded!.report);
    expect((await store.load('report-one'))!.dropped).toBe(0);

    const index = kv.data.get(REPORT_INDEX_KEY) as unknown[];
    kv.data.set(REPORT_INDEX_KEY, [...index, { id: 'Bad Id!', createdAt: 'yesterday' }]);
    expect((await store.list()).map((e) => e.id)).toEqual(['report-two', 'report-one']);

    kv.data.set(metaKey('report-two'), { version: 2 });
    expect(await store.load('report-two')).toBeUndefined();
  });

  it('removes reports after 30 days, and the oldest beyond 10,000 rows together; deleting removes every key', async () => {
    const kv = memoryStore();
    const store = new ReportStore(kv);
    await store.write(report('old-report', 10, T0 - REPORT_MAX_AGE_MS - DAY));
    await store.write(report('big-report-a', 2000, T0 - 3 * DAY));
    for (let i = 0; i < 4; i++) await store.write(report(`big-report-${i}`, 2000, T0 - 2 * DAY + i));
    await store.write(report('new-report', 2000, T0));
    expect(await store.prune(T0, ['new-report'])).toEqual(['big-report-a', 'old-report']);
    expect((await store.list()).map((e) => e.id)).toEqual([
      'new-report',
      'big-report-3',
      'big-report-2',
      'big-report-1',
      'big-report-0',
    ]);
    await store.remove('big-report-0');
    expect([...kv.data.keys()].filter((k) => k.includes('big-report-0'))).toEqual([]);
    expect([...kv.data.keys()].some((k) => k.includes('old-report'))).toBe(false);
  });
});

describe('ReportWriter', () => {
  it('puts the changes of one task into one write and reports a failed write, keeping its rows for the next', async () => {
    const kv = memoryStore();
    const store = new ReportStore(kv);
    const r = report('report-one', 120);
    await store.write(r);
    const writes: string[][] = [];
    let fail = false;
    const errors: unknown[] = [];
    const spy = {
      ...kv,
      set: async (items: Record<string, unknown>) => {
        writes.push(Object.keys(items));
        if (fail) throw new Error('QUOTA_BYTES quota exceeded');
        await kv.set(items);
      },
    };
    const writer = new ReportWriter(new ReportStore(spy), (e) => errors.push(e));
    writer.save(r, [1]);
    writer.save(r, [2]);
    writer.save(r, [110]);
    await writer.idle();
    expect(writes).toEqual([[metaKey('report-one'), chunkKey('report-one', 0), chunkKey('report-one', 2)]]);
    fail = true;
    writer.save(r, [60]);
    await writer.idle();
    expect(errors).toHaveLength(1);
    fail = false;
    writer.save(r, [0]);
    await writer.idle();
    expect(writes.at(-1)!.sort()).toEqual([
      metaKey('report-one'),
      chunkKey('report-one', 0),
      chunkKey('report-one', 1),
    ]);
  });
});
