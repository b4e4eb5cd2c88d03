import { describe, expect, it } from 'vitest';
import type { IdentifierKind } from '../../utils/identifiers/types';
import type { LookupResult, Part, VatCheck } from '../../utils/registry/domain';
import { CANCELLED_REASON } from '../../utils/registry/fetcher';
import { newReport, type ReportItem } from '../../utils/report/new-report';
import { ReportRun, type RunDeps } from '../../utils/report/run';
import type { Report, Row } from '../../utils/report/schema';

// The run's state machine with an injected clock and an injected check: what starts when, what waits, what is sent.

const T0 = Date.UTC(2026, 10, 23, 9);
const MINUTE = 60_000;

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A clock whose timers run when the test moves time on. */
function fakeClock() {
  let now = T0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  return {
    now: () => now,
    setTimeout(fn: () => void, ms: number) {
      timers.set(next, { at: now + ms, fn });
      return next++;
    },
    clearTimeout(handle: unknown) {
      timers.delete(handle as number);
    },
    /** Moves time on by `ms`, running the timers that fall due. */
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at > now) continue;
        timers.delete(id);
        t.fn();
      }
    },
    get pending() {
      return timers.size;
    },
  };
}

const vatPart = (value: string, verdict: VatCheck['verdict'], reason?: string): Part<VatCheck> => ({
  ok: true,
  value: {
    verdict,
    memberState: value.slice(0, 2),
    number: value.slice(2),
    checkedAt: T0,
    name: verdict === 'valid' ? `NAME ${value}` : null,
    address: null,
    ...(reason ? { reason } : {}),
  },
  source: 'vies',
  fetchedAt: T0,
  cached: false,
});

type Answer = (row: Row, options: { paid: boolean; bypassCache: boolean }) => LookupResult;

/** VIES says valid to everything, KVK knows every company as active. */
const allFine: Answer = (row) =>
  row.kind === 'vat'
    ? { kind: row.kind, value: row.value, links: [], vat: vatPart(row.value, 'valid') }
    : {
        kind: row.kind,
        value: row.value,
        links: [],
        company: {
          ok: true,
          value: { name: `Company ${row.value}`, tradeNames: [], status: 'active', links: [] },
          source: row.step === 'paid' ? 'kbodata' : 'kvk',
          fetchedAt: T0,
          cached: false,
        },
      };

/** A run over `items` whose checks answer by `answer` when the test releases them. */
function setup(items: ReportItem[], options: { answer?: Answer; down?: string[]; kbodata?: boolean } = {}) {
  const clock = fakeClock();
  const report = newReport({
    id: 'test-report',
    now: T0,
    source: { type: 'list' },
    items,
    paidServices: { kbodata: options.kbodata ?? false },
  });
  // `sent`: the check's request went out before any abort (an aborted check not yet sent answers as cancelled).
  const checks: {
    row: Row;
    paid: boolean;
    bypassCache: boolean;
    signal: AbortSignal;
    sent: boolean;
    release: () => void;
  }[] = [];
  const saves: number[][] = [];
  const wakes: (number | undefined)[] = [];
  let statusAsked = 0;
  const answer = options.answer ?? allFine;
  const deps: RunDeps = {
    check: (row, o) =>
      new Promise((resolve) => {
        const snapshot = { ...row };
        const check = {
          row: snapshot,
          ...o,
          sent: true,
          release: () =>
            resolve(
              o.signal.aborted && !check.sent
                ? {
                    kind: row.kind,
                    value: row.value,
                    links: [],
                    vat: {
                      ok: false,
                      error: { code: 'service-unavailable', service: 'vies', reason: CANCELLED_REASON },
                      source: 'vies',
                      fetchedAt: T0,
                      cached: false,
                    },
                  }
                : answer(snapshot, o),
            ),
        };
        checks.push(check);
      }),
    downMemberStates: async () => {
      statusAsked++;
      return options.down ?? [];
    },
    save: (_report, rows) => saves.push([...rows]),
    clock,
    wakeAt: (at) => wakes.push(at),
  };
  const run = new ReportRun(report, deps);
  /** Releases every check under way and lets their answers land. */
  const releaseAll = async () => {
    const open = checks.filter((c) => !(c as { done?: boolean }).done);
    for (const c of open) {
      (c as { done?: boolean }).done = true;
      c.release();
    }
    await flush();
  };
  /** Releases checks until none is started any more. */
  const drain = async () => {
    for (let i = 0; i < 100 && checks.some((c) => !(c as { done?: boolean }).done); i++) await releaseAll();
  };
  return {
    clock,
    report,
    run,
    checks,
    saves,
    wakes,
    releaseAll,
    drain,
    get statusAsked() {
      return statusAsked;
    },
  };
}

const vat = (value: string): ReportItem => ({ kind: 'vat', value });
const kvk = (value: string): ReportItem => ({ kind: 'kvk' as IdentifierKind, value });
const state = (report: Report) => Object.fromEntries(report.rows.map((r) => [r.value, r.state]));

describe('ReportRun', () => {
  it('checks each distinct number once, at most 4 at once and one per member state, then finishes', async () => {
    const s = setup([
      vat('DE136695976'),
      vat('DE813442018'),
      vat('FR83404833048'),
      kvk('68750110'),
      kvk('69599084'),
      kvk('68750110'), // a duplicate: one row
      { kind: 'vat', value: 'NL857587974B01' }, // check digits fail: never sent
    ]);
    expect(s.report.rows).toHaveLength(6);
    await s.run.start();
    // DE136695976, FR…, and two KVK numbers; the second German number waits for the first (one per member state).
    expect(s.checks.map((c) => c.row.value)).toEqual(['DE136695976', 'FR83404833048', '68750110', '69599084']);
    expect(s.report.meta.inFlight).toHaveLength(4);
    await s.releaseAll();
    expect(s.checks.map((c) => c.row.value).slice(4)).toEqual(['DE813442018']);
    await s.drain();
    expect(s.checks).toHaveLength(5);
    expect(state(s.report)).toEqual({
      DE136695976: 'done',
      DE813442018: 'done',
      FR83404833048: 'done',
      '68750110': 'done',
      '69599084': 'done',
      NL857587974B01: 'done',
    });
    expect(s.report.rows.find((r) => r.value === 'NL857587974B01')).toMatchObject({ checksum: 'invalid' });
    expect(s.report.rows.find((r) => r.value === 'NL857587974B01')!.result).toBeUndefined();
    expect(s.report.meta).toMatchObject({ status: 'finished', inFlight: [] });
    expect(s.wakes.at(-1)).toBeUndefined();
  });

  it('a member state that stops answering: its other rows wait without a request, one probe per backoff, then given up', async () => {
    let luUp = false;
    const s = setup([vat('LU15027442'), vat('LU26375245'), vat('LU10000356'), vat('FR83404833048')], {
      answer: (row, o) =>
        row.value.startsWith('LU') && !luUp
          ? { kind: 'vat', value: row.value, links: [], vat: vatPart(row.value, 'unavailable', 'MS_UNAVAILABLE') }
          : allFine(row, o),
    });
    await s.run.start();
    expect(s.checks.map((c) => c.row.value)).toEqual(['LU15027442', 'FR83404833048']);
    await s.releaseAll();
    // All three Luxembourg rows: cannot be checked now, tried again in a minute; France done; nothing else asked.
    expect(state(s.report)).toEqual({
      LU15027442: 'unavailable',
      LU26375245: 'unavailable',
      LU10000356: 'unavailable',
      FR83404833048: 'done',
    });
    expect(s.report.rows[1]).toMatchObject({ reason: 'MS_UNAVAILABLE', nextTryAt: T0 + MINUTE });
    expect(s.checks).toHaveLength(2);
    expect(s.report.meta.status).toBe('running');
    expect(s.wakes.at(-1)).toBe(T0 + MINUTE);

    s.clock.advance(MINUTE - 1);
    expect(s.checks).toHaveLength(2);
    s.clock.advance(1);
    expect(s.checks.map((c) => c.row.value).slice(2)).toEqual(['LU15027442']); // one probe
    expect(s.checks[2]!.bypassCache).toBe(true);
    await s.releaseAll();
    expect(s.report.rows[1]).toMatchObject({ state: 'unavailable', nextTryAt: T0 + MINUTE + 5 * MINUTE });
    s.clock.advance(5 * MINUTE);
    await s.releaseAll();
    s.clock.advance(15 * MINUTE);
    await s.releaseAll();
    expect(s.checks).toHaveLength(5); // first check + 3 probes, never the other two rows
    // Given up: still "cannot be checked now", no next try, the run finished.
    expect(s.report.rows.filter((r) => r.state === 'unavailable').map((r) => r.nextTryAt)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(s.report.meta.status).toBe('finished');
    expect(s.clock.pending).toBe(0);

    // The user retries once the member state is back: every Luxembourg row checked again, without the cache.
    luUp = true;
    expect(s.run.command('retry-failed')).toBe(true);
    await s.drain();
    expect(s.checks.slice(5).map((c) => [c.row.value, c.bypassCache])).toEqual([
      ['LU15027442', true],
      ['LU26375245', true],
      ['LU10000356', true],
    ]);
    expect(state(s.report)).toMatchObject({ LU15027442: 'done', LU26375245: 'done', LU10000356: 'done' });
    expect(s.report.meta.status).toBe('finished');
  });

  it('a successful probe lets the waiting rows of its member state go', async () => {
    let calls = 0;
    const s = setup([vat('DE136695976'), vat('DE813442018')], {
      answer: (row, o) =>
        calls++ === 0
          ? {
              kind: 'vat',
              value: row.value,
              links: [],
              vat: vatPart(row.value, 'unavailable', 'MS_MAX_CONCURRENT_REQ'),
            }
          : allFine(row, o),
    });
    await s.run.start();
    await s.releaseAll();
    expect(state(s.report)).toEqual({ DE136695976: 'unavailable', DE813442018: 'unavailable' });
    s.clock.advance(MINUTE);
    await s.drain();
    expect(state(s.report)).toEqual({ DE136695976: 'done', DE813442018: 'done' });
    expect(s.checks).toHaveLength(3);
  });

  it('member states VIES reports down before the run are not asked at all', async () => {
    const s = setup([vat('DE136695976'), vat('FR83404833048')], { down: ['DE'] });
    await s.run.start();
    expect(s.statusAsked).toBe(1);
    expect(s.checks.map((c) => c.row.value)).toEqual(['FR83404833048']);
    expect(s.report.rows[0]).toMatchObject({ state: 'unavailable', reason: 'MS_UNAVAILABLE' });
    await s.drain();
    expect(s.checks).toHaveLength(1);
  });

  it('pause and cancel stop new requests at once; answers already under way are kept', async () => {
    const s = setup(Array.from({ length: 10 }, (_, i) => kvk(String(68750110 + i))));
    await s.run.start();
    expect(s.checks).toHaveLength(4);
    s.checks[2]!.sent = false;
    s.checks[3]!.sent = false;
    expect(s.run.command('pause')).toBe(true);
    expect(s.checks.every((c) => c.signal.aborted)).toBe(true); // queued requests and retries of these stop
    // Two of the four had been sent and answer; two had not (the fetcher answers those as cancelled).
    await s.releaseAll();
    expect(s.checks).toHaveLength(4);
    expect(s.report.meta.status).toBe('paused');
    expect(state(s.report)).toMatchObject({ '68750110': 'done', '68750111': 'done', '68750112': 'waiting' });
    expect(s.run.command('resume')).toBe(true);
    await flush();
    expect(s.checks.slice(4).map((c) => c.row.value)).toEqual(['68750112', '68750113', '68750114', '68750115']);
    expect(s.run.command('cancel')).toBe(true);
    await s.releaseAll();
    expect(s.checks).toHaveLength(8);
    expect(s.report.meta.status).toBe('cancelled');
    expect(s.run.command('resume')).toBe(false);
    expect(Object.values(state(s.report)).filter((x) => x === 'waiting')).toHaveLength(4);
  });

  it('paid lookups only after the user agreed, for the rows a paid service adds to', async () => {
    const s = setup(
      [{ kind: 'kbo', value: '0765432146' }, { kind: 'kbo-establishment', value: '2134567845' }, vat('FR83404833048')],
      { kbodata: true },
    );
    expect(s.report.meta.paid).toBe('offered');
    await s.run.start();
    await s.drain();
    expect(s.checks.every((c) => !c.paid)).toBe(true);
    expect(s.report.meta.status).toBe('finished');
    expect(s.run.command('accept-paid')).toBe(true);
    await s.drain();
    expect(s.checks.filter((c) => c.paid).map((c) => c.row.value)).toEqual(['0765432146', '2134567845']);
    expect(s.report.rows[0]!.result?.sources[0]?.service).toBe('kbodata');
    expect(s.report.meta).toMatchObject({ paid: 'accepted', status: 'finished' });
    expect(s.run.command('accept-paid')).toBe(false);
  });

  it('check again asks every row again without the cache; a worker restart resumes only the unfinished rows', async () => {
    const s = setup([kvk('68750110'), kvk('69599084'), kvk('90004760'), kvk('90000102'), kvk('55344526')]);
    await s.run.start();
    s.checks[0]!.release();
    s.checks[1]!.release();
    await flush();
    // The worker stops here: what was saved is all there is (checks under way are lost).
    const saved: Report = structuredClone(s.report);
    expect(saved.meta.inFlight).toHaveLength(3);
    const resumedChecks: string[] = [];
    const resumed = new ReportRun(saved, {
      check: (row) => {
        resumedChecks.push(row.value);
        return new Promise(() => undefined);
      },
      downMemberStates: async () => [],
      save: () => undefined,
      clock: fakeClock(),
      wakeAt: () => undefined,
    });
    await resumed.start();
    expect(resumedChecks).toEqual(['90004760', '90000102', '55344526']); // not the two finished rows
    expect(saved.meta.inFlight).toEqual(['kvk:90004760', 'kvk:90000102', 'kvk:55344526']);

    await s.drain();
    expect(s.run.command('check-again')).toBe(true);
    await s.drain();
    expect(s.checks.slice(-5).every((c) => c.bypassCache)).toBe(true);
    expect(s.checks).toHaveLength(10);
  });
});
