import { describe, expect, it } from 'vitest';
import { ReportRuns } from '../../utils/background/report-runs';
import type { IdentifierKind } from '../../utils/identifiers/types';
import { memoryStore } from '../../utils/net/store';
import type { LookupResult } from '../../utils/registry/domain';
import type { LookupOptions } from '../../utils/registry/service';
import { ReportStore } from '../../utils/report/store';

// The background's side of the reports over a real store: made, run, stopped with the worker, resumed by a new worker.

const T0 = Date.UTC(2026, 10, 23, 9);
const flush = () => new Promise((r) => setTimeout(r, 0));

/** A lookup service whose answers the test releases; it records what it was asked. */
function fakeService(kbodata = false) {
  const asked: { kind: IdentifierKind; value: string; options: LookupOptions }[] = [];
  const pending: (() => void)[] = [];
  return {
    asked,
    release: () => pending.splice(0).forEach((r) => r()),
    service: {
      lookup: (kind: IdentifierKind, value: string, options: LookupOptions = {}) =>
        new Promise<LookupResult>((resolve) => {
          asked.push({ kind, value, options });
          pending.push(() =>
            resolve({
              kind,
              value,
              links: [],
              company: {
                ok: true,
                value: { name: `Company ${value}`, tradeNames: [], status: 'active', links: [] },
                source: options.paid ? 'kbodata' : 'kvk',
                fetchedAt: T0,
                cached: false,
              },
            }),
          );
        }),
      paidServices: async () => ({ kbodata }),
      testConnection: async () => ({
        ok: true as const,
        info: { service: 'vies' as const, available: true, unavailableMemberStates: [] },
      }),
    },
  };
}

function worker(store: ReportStore, fake: ReturnType<typeof fakeService>) {
  const waking: boolean[] = [];
  let id = 0;
  const runs = new ReportRuns({
    service: fake.service as never,
    store,
    clock: { now: () => T0, setTimeout: () => 0, clearTimeout: () => undefined },
    newId: () => `report-${++id}`,
    readRequester: async () => 'NL857587973B01',
    keepWaking: (on) => waking.push(on),
  });
  return { runs, waking };
}

const items = Array.from({ length: 10 }, (_, i) => ({ kind: 'kvk' as const, value: String(68_750_110 + i) }));

describe('ReportRuns', () => {
  it('a report survives the worker: finished rows stay finished, the rest is checked by the next worker', async () => {
    const store = new ReportStore(memoryStore());
    const first = fakeService();
    const w1 = worker(store, first);
    expect(await w1.runs.create({ type: 'list' }, items)).toEqual({ id: 'report-1' });
    await flush();
    expect(first.asked).toHaveLength(4);
    first.release(); // 4 answered; 4 more start and are lost with the worker
    await flush();
    await flush();
    expect(first.asked).toHaveLength(8);
    const saved = (await store.load('report-1'))!.report;
    expect(saved.meta).toMatchObject({ requesterVat: 'NL857587973B01', status: 'running' });
    expect(saved.rows.filter((r) => r.state === 'done')).toHaveLength(4);
    expect(w1.waking.at(-1)).toBe(true);

    const second = fakeService();
    const w2 = worker(store, second);
    await w2.runs.wakeAll();
    await flush();
    expect(second.asked.map((a) => a.value)).toEqual(items.slice(4, 8).map((i) => i.value));
    for (let i = 0; i < 3; i++) {
      second.release();
      await flush();
      await flush();
    }
    expect(second.asked.map((a) => a.value)).toEqual(items.slice(4).map((i) => i.value)); // never the first four
    const done = (await store.load('report-1'))!.report;
    expect(done.meta.status).toBe('finished');
    expect(done.rows.every((r) => r.state === 'done')).toBe(true);
    expect(w2.waking.at(-1)).toBe(false);
  });

  it('asks paid services only after the user agreed; deleting a running report removes every key', async () => {
    const kv = memoryStore();
    const store = new ReportStore(kv);
    const fake = fakeService(true);
    const { runs } = worker(store, fake);
    const { id } = await runs.create({ type: 'page', url: 'https://shop.example/' }, [
      { kind: 'kbo', value: '0765432146' },
    ]);
    await flush();
    fake.release();
    await flush();
    expect(fake.asked.map((a) => a.options.paid)).toEqual([false]);
    expect(await runs.command(id, 'accept-paid')).toEqual({ done: true });
    await flush();
    expect(fake.asked.map((a) => a.options.paid)).toEqual([false, true]);
    expect(await runs.command(id, 'delete')).toEqual({ done: true });
    fake.release();
    await flush();
    await flush();
    expect([...kv.data.keys()].filter((k) => k.startsWith('report:'))).toEqual([]);
    expect(await store.list()).toEqual([]);
    expect(await runs.command(id, 'pause')).toEqual({ done: false });
  });
});
