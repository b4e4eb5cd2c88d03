// The run of one report: which row is checked next, how many at once, what a lane that stops answering does to the
// rows behind it, pause / cancel / retry / check again / the paid step. Pure logic: the check, the clock, the
// persistence and the wake-up are injected (the background wires them, unit tests drive them with a fake clock).
//
// A lane (a VIES member state, or a whole service) that answers "cannot be checked now" is not asked again for a
// while: its rows wait — no request — until `downUntil`, then one row probes it; a success lets the rest go, a
// failure waits longer (`backoffMs`), and after the last wait the lane is given up: its rows stay "cannot be checked
// now" until the user retries them. Before a pass, VIES's check-status says which member states are down already.
import type { LookupResult } from '../registry/domain';
import { laneOf, laneWithin, rowOutcome } from './outcome';
import { rowKey, type Report, type Row } from './schema';

/** Clock functions (injected). */
export interface RunClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How much a run asks at once, and how long a lane that stopped answering is left alone. */
export interface RunLimits {
  /** Rows checked at the same time (the service's own throttle limits the requests further). */
  maxInFlight: number;
  /** Rows of one lane checked at the same time. */
  perLane(lane: string): number;
  /** Waits before each probe of a lane that failed; after the last, the lane is given up. */
  backoffMs: readonly number[];
}

/** The defaults: 4 rows at once, one per VIES member state, two for kbodata.app; probes after 1, 5 and 15 minutes. */
export const RUN_LIMITS: RunLimits = {
  maxInFlight: 4,
  perLane: (lane) => (lane.startsWith('vies') ? 1 : lane === 'kbodata' ? 2 : 4),
  backoffMs: [60_000, 5 * 60_000, 15 * 60_000],
};

/** What the run needs from outside. */
export interface RunDeps {
  /** One row's lookup: free services only unless `paid`; `signal` stops requests not yet sent. */
  check(row: Row, options: { paid: boolean; bypassCache: boolean; signal: AbortSignal }): Promise<LookupResult>;
  /** The VIES member states that say they are down now (VIES check-status); empty when that cannot be known. */
  downMemberStates(): Promise<readonly string[]>;
  /** Stores the report: its meta, and the rows at these indexes (changed since the last save). */
  save(report: Report, rows: readonly number[]): void;
  clock: RunClock;
  /** Wake the run at this time even if the worker is stopped meanwhile; undefined: nothing to wake for. */
  wakeAt(at: number | undefined): void;
  limits?: RunLimits;
}

/** The commands a user gives a report. */
export type RunCommand =
  'pause' | 'resume' | 'cancel' | 'retry-failed' | 'check-again' | 'accept-paid' | 'decline-paid';

interface Flight {
  controller: AbortController;
  lane: string | undefined;
  /** The row's epoch when the check started: a row queued again since then ignores this check's answer. */
  epoch: number;
}

/** One report's run (see the top of this file). */
export class ReportRun {
  private readonly flights = new Map<number, Flight>();
  private readonly dirty = new Set<number>();
  /** Per row, how often it was queued again (check again, retry, the paid step) in this worker's life. */
  private readonly epochs = new Map<number, number>();
  private timer: unknown;
  private timerAt: number | undefined;
  private checkingStatus = false;

  constructor(
    readonly report: Report,
    private readonly deps: RunDeps,
  ) {}

  private get limits(): RunLimits {
    return this.deps.limits ?? RUN_LIMITS;
  }

  /** Rows being checked now. */
  get active(): number {
    return this.flights.size;
  }

  /** Starts or continues a running report: after it was made, after the worker restarted, when woken. */
  async start(): Promise<void> {
    const { meta, rows } = this.report;
    if (meta.status !== 'running' || this.checkingStatus) return;
    if (meta.inFlight.length && this.flights.size === 0) meta.inFlight = []; // a stopped worker's checks
    if (!meta.statusChecked && rows.some((r) => r.state === 'waiting' && laneOf(r)?.startsWith('vies:'))) {
      meta.statusChecked = true;
      this.checkingStatus = true;
      const down = await this.deps.downMemberStates().catch(() => []);
      this.checkingStatus = false;
      const now = this.deps.clock.now();
      for (const state of down) {
        const lane = `vies:${state}`;
        if (rows.some((r) => r.state === 'waiting' && laneOf(r) === lane)) this.laneFailed(lane, 'MS_UNAVAILABLE', now);
      }
    }
    this.pump();
  }

  /** Carries out a user's command; answers false when it does not apply to the report as it is. */
  command(command: RunCommand): boolean {
    const { meta, rows } = this.report;
    const open = meta.status !== 'cancelled';
    switch (command) {
      case 'pause':
        if (meta.status !== 'running') return false;
        meta.status = 'paused';
        this.stopAll();
        break;
      case 'resume':
        if (meta.status !== 'paused') return false;
        meta.status = 'running';
        break;
      case 'cancel':
        if (meta.status !== 'running' && meta.status !== 'paused') return false;
        meta.status = 'cancelled';
        this.stopAll();
        break;
      case 'retry-failed': {
        const failed = rows.flatMap((r, i) => (r.state === 'unavailable' || r.state === 'error' ? [i] : []));
        if (!failed.length || !open) return false;
        for (const i of failed) this.requeue(i, true);
        meta.lanes = {};
        meta.status = 'running';
        break;
      }
      case 'check-again':
        if (!open) return false;
        this.stopAll();
        rows.forEach((r, i) => r.checksum !== 'invalid' && this.requeue(i, true));
        meta.lanes = {};
        meta.statusChecked = false;
        meta.status = 'running';
        break;
      case 'accept-paid':
        if (meta.paid !== 'offered' || !open) return false;
        meta.paid = 'accepted';
        rows.forEach((r, i) => {
          if (!r.paidWanted) return;
          r.step = 'paid';
          this.requeue(i, false);
        });
        meta.status = 'running';
        break;
      case 'decline-paid':
        if (meta.paid !== 'offered') return false;
        meta.paid = 'declined';
        break;
    }
    this.save();
    if (meta.status === 'running') void this.start();
    else this.clearTimer();
    return true;
  }

  /** Aborts every check under way (their requests not yet sent stay unsent) and the lane timer. */
  private stopAll(): void {
    for (const flight of this.flights.values()) flight.controller.abort();
    this.clearTimer();
    this.deps.wakeAt(undefined);
  }

  private requeue(i: number, fresh: boolean): void {
    const row = this.report.rows[i]!;
    row.state = 'waiting';
    this.epochs.set(i, (this.epochs.get(i) ?? 0) + 1);
    delete row.nextTryAt;
    delete row.reason;
    if (fresh) row.fresh = true;
    this.dirty.add(i);
  }

  private save(): void {
    this.report.meta.updatedAt = this.deps.clock.now();
    this.deps.save(this.report, [...this.dirty]);
    this.dirty.clear();
  }

  /** The lane, or the whole service it belongs to, is waiting for its next probe. */
  private isDown(lane: string, now: number): boolean {
    return Object.entries(this.report.meta.lanes).some(
      ([name, l]) => l.downUntil !== undefined && l.downUntil > now && laneWithin(lane, name),
    );
  }

  private inLane(lane: string): number {
    let n = 0;
    for (const f of this.flights.values()) if (f.lane === lane) n++;
    return n;
  }

  /** Starts the next rows, as many as the limits allow; then finishes or waits for the next lane probe. */
  private pump(): void {
    const { meta, rows } = this.report;
    if (meta.status !== 'running' || this.checkingStatus) return;
    const now = this.deps.clock.now();
    this.probeLanes(now);
    const { maxInFlight, perLane } = this.limits;
    for (let i = 0; i < rows.length && this.flights.size < maxInFlight; i++) {
      const row = rows[i]!;
      if (row.state !== 'waiting' || this.flights.has(i)) continue;
      const lane = laneOf(row);
      if (lane && (this.isDown(lane, now) || this.inLane(lane) >= perLane(lane))) continue;
      this.launch(i, lane);
    }
    if (this.flights.size === 0) this.settle(now);
  }

  private launch(i: number, lane: string | undefined): void {
    const row = this.report.rows[i]!;
    const flight: Flight = { controller: new AbortController(), lane, epoch: this.epochs.get(i) ?? 0 };
    this.flights.set(i, flight);
    this.report.meta.inFlight.push(rowKey(row));
    this.save();
    this.deps
      .check(row, { paid: row.step === 'paid', bypassCache: row.fresh === true, signal: flight.controller.signal })
      .then(
        (lookup) => this.finish(i, flight, lookup),
        () => this.finish(i, flight, undefined),
      );
  }

  private finish(i: number, flight: Flight, lookup: LookupResult | undefined): void {
    const { meta, rows } = this.report;
    const row = rows[i]!;
    this.flights.delete(i);
    meta.inFlight = meta.inFlight.filter((k) => k !== rowKey(row));
    const now = this.deps.clock.now();
    const outcome = lookup ? rowOutcome(lookup) : { state: 'error' as const, result: { sources: [] }, reason: 'crash' };
    // Null: stopped before it was sent. Another epoch: queued again meanwhile (check again, the paid step).
    if (outcome && flight.epoch === (this.epochs.get(i) ?? 0)) {
      row.result = outcome.result;
      row.checkedAt = now;
      this.dirty.add(i);
      if (outcome.state === 'unavailable') {
        row.reason = outcome.reason;
        this.laneFailed(outcome.lane!, outcome.reason, now);
        row.state = 'unavailable';
        const lane = this.report.meta.lanes[outcome.lane!];
        if (lane?.downUntil !== undefined) row.nextTryAt = lane.downUntil;
        else delete row.nextTryAt;
      } else {
        row.state = outcome.state;
        delete row.fresh;
        if (outcome.reason) row.reason = outcome.reason;
        if (outcome.state === 'done' && flight.lane) this.laneRecovered(flight.lane);
      }
    }
    this.save();
    this.pump();
  }

  /**
   * A lane stopped answering: it waits (its next backoff step) or is given up, and every row still to be checked in
   * it — none of them asked — waits with it, "cannot be checked now".
   */
  private laneFailed(lane: string, reason: string | undefined, now: number): void {
    const { meta, rows } = this.report;
    const l = meta.lanes[lane] ?? { failures: 0 };
    // Checks that were under way when the lane went down fail too: they join its wait, they do not lengthen it.
    if (l.downUntil === undefined || l.downUntil <= now) {
      l.failures++;
      if (reason) l.reason = reason;
      const delay = this.limits.backoffMs[l.failures - 1];
      if (delay === undefined) delete l.downUntil;
      else l.downUntil = now + delay;
      meta.lanes[lane] = l;
    }
    rows.forEach((r, i) => {
      const rowLane = laneOf(r);
      if (!rowLane || !laneWithin(rowLane, lane) || this.flights.has(i)) return;
      if (r.state !== 'waiting' && !(r.state === 'unavailable' && r.nextTryAt !== undefined)) return;
      r.state = 'unavailable';
      r.reason = l.reason ?? reason;
      if (l.downUntil === undefined) delete r.nextTryAt;
      else r.nextTryAt = l.downUntil;
      this.dirty.add(i);
    });
  }

  /** A check in `lane` succeeded: the lane (and its service) answer again, and their waiting rows go on. */
  private laneRecovered(lane: string): void {
    const { meta, rows } = this.report;
    const service = lane.split(':')[0]!;
    const cleared = [lane, service].filter((name) => meta.lanes[name]);
    if (!cleared.length) return;
    for (const name of cleared) delete meta.lanes[name];
    rows.forEach((r, i) => {
      const rowLane = laneOf(r);
      if (r.state === 'unavailable' && rowLane && cleared.some((name) => laneWithin(rowLane, name)))
        this.requeue(i, true);
    });
  }

  /** Lanes whose wait is over get one probe: their first waiting row is checked, the others wait for its answer. */
  private probeLanes(now: number): void {
    const { meta, rows } = this.report;
    for (const [name, l] of Object.entries(meta.lanes)) {
      if (l.downUntil === undefined || l.downUntil > now) continue;
      delete l.downUntil;
      const probe = rows.findIndex((r) => {
        const rowLane = laneOf(r);
        return r.state === 'unavailable' && r.nextTryAt !== undefined && !!rowLane && laneWithin(rowLane, name);
      });
      if (probe >= 0) this.requeue(probe, true);
    }
  }

  /** Nothing under way: wait for the next lane probe, or finish. */
  private settle(now: number): void {
    const { meta, rows } = this.report;
    const times = [
      ...rows.flatMap((r) => (r.state === 'unavailable' && r.nextTryAt !== undefined ? [r.nextTryAt] : [])),
      ...Object.values(meta.lanes).flatMap((l) => (l.downUntil !== undefined ? [l.downUntil] : [])),
    ];
    const next = times.length ? Math.min(...times) : undefined;
    if (next === undefined && !rows.some((r) => r.state === 'waiting')) {
      meta.status = 'finished';
      meta.inFlight = [];
      this.clearTimer();
      this.deps.wakeAt(undefined);
      this.save();
      return;
    }
    if (next !== undefined && next !== this.timerAt) {
      this.clearTimer();
      this.timerAt = next;
      this.timer = this.deps.clock.setTimeout(
        () => {
          this.timer = undefined;
          this.timerAt = undefined;
          this.pump();
        },
        Math.max(0, next - now),
      );
      this.deps.wakeAt(next);
    }
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = undefined;
  }
}
