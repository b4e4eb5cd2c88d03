// The background owns every report's run: it makes reports, carries out the page's commands, and resumes running
// reports whenever the worker starts again (a stopped worker loses only checks under way; finished rows are stored).
// A report page that opens a report asks it to `wake`; a one-minute alarm wakes the worker while any report still has
// something to do (a lane's next probe), so a stopped worker goes on by itself too.
import type { ReportSource } from '../report/schema';
import { newReport, type ReportItem } from '../report/new-report';
import { ReportRun, type RunClock, type RunCommand, type RunLimits } from '../report/run';
import type { Report } from '../report/schema';
import type { ReportStore } from '../report/store';
import { ReportWriter } from '../report/writer';
import type { LookupService } from '../registry/service';

/** What the runs need from the background. */
export interface ReportRunsDeps {
  service: Pick<LookupService, 'lookup' | 'paidServices' | 'testConnection'>;
  store: ReportStore;
  clock: RunClock;
  newId: () => string;
  /** The user's own VAT number (VIES requester), when set. */
  readRequester: () => Promise<string | undefined>;
  /** Keeps a periodic wake-up (alarm) while `on`. */
  keepWaking: (on: boolean) => void;
  limits?: RunLimits;
}

interface Open {
  run: ReportRun;
  writer: ReportWriter;
}

/** Every report's run in this worker. */
export class ReportRuns {
  private readonly open = new Map<string, Promise<Open | undefined>>();

  constructor(private readonly deps: ReportRunsDeps) {}

  /** Makes a report of `items` (distinct numbers, at most REPORT_MAX_ROWS), stores it and starts its run. */
  async create(source: ReportSource, items: readonly ReportItem[]): Promise<{ id: string }> {
    const { store, clock, service } = this.deps;
    const id = this.deps.newId();
    const [requesterVat, paidServices] = await Promise.all([this.deps.readRequester(), service.paidServices()]);
    const report = newReport({ id, now: clock.now(), source, items, paidServices, requesterVat });
    await this.prune();
    await store.write(report);
    const entry = this.attach(report);
    this.open.set(id, Promise.resolve(entry));
    void entry.run.start();
    this.updateWaking();
    return { id };
  }

  /** Carries out a command from the report page; `done` false when it did not apply (or no such report). */
  async command(id: string, command: RunCommand | 'delete' | 'wake'): Promise<{ done: boolean }> {
    if (command === 'delete') {
      const entry = await this.open.get(id);
      this.open.delete(id);
      if (entry) {
        entry.run.command('cancel');
        await entry.writer.stop();
      }
      await this.deps.store.remove(id);
      this.updateWaking();
      return { done: true };
    }
    const entry = await this.load(id);
    if (!entry) return { done: false };
    const done = command === 'wake' ? (await entry.run.start(), true) : entry.run.command(command);
    this.updateWaking();
    return { done };
  }

  /** Resumes every running report (the worker started; the alarm fired) and removes expired ones. */
  async wakeAll(): Promise<void> {
    await this.prune();
    for (const entry of await this.deps.store.list()) {
      const open = await this.load(entry.id);
      if (open?.run.report.meta.status === 'running') await open.run.start();
    }
    this.updateWaking();
  }

  /** The open run of a report, loading it (once) from storage; a report whose damaged rows were dropped is rewritten. */
  private load(id: string): Promise<Open | undefined> {
    let entry = this.open.get(id);
    if (!entry) {
      entry = this.deps.store.load(id).then(async (loaded) => {
        if (!loaded) return undefined;
        if (loaded.dropped) await this.deps.store.write(loaded.report);
        return this.attach(loaded.report);
      });
      entry.catch(() => this.open.delete(id)); // a failed read is tried again next time
      this.open.set(id, entry);
    }
    return entry;
  }

  private attach(report: Report): Open {
    const { service, store, clock, limits } = this.deps;
    const writer = new ReportWriter(store, (error) => {
      console.error('Company Lens: could not save a report:', error instanceof Error ? error.message : error);
      if (run.report.meta.status === 'running') {
        run.report.meta.saveFailed = true;
        run.command('pause'); // storage is full or failing: stop asking until the user acts
      }
    });
    const run: ReportRun = new ReportRun(report, {
      check: (row, o) => service.lookup(row.kind, row.value, o),
      downMemberStates: async () => {
        const status = await service.testConnection('vies');
        return status.ok && status.info.service === 'vies' ? status.info.unavailableMemberStates : [];
      },
      save: (r, rows) => {
        writer.save(r, rows);
        if (r.meta.status !== 'running') this.updateWaking();
      },
      clock,
      wakeAt: () => this.updateWaking(),
      ...(limits ? { limits } : {}),
    });
    return { run, writer };
  }

  /** Removes reports past their age or over the bound (never an open running one). */
  private async prune(): Promise<void> {
    const running: string[] = [];
    for (const [id, entry] of this.open) if ((await entry)?.run.report.meta.status === 'running') running.push(id);
    for (const id of await this.deps.store.prune(this.deps.clock.now(), running)) this.open.delete(id);
  }

  /** A wake-up alarm while any open report is running; none otherwise. */
  private updateWaking(): void {
    const entries = [...this.open.values()].map((e) => e.catch(() => undefined));
    void Promise.all(entries).then((open) =>
      this.deps.keepWaking(open.some((e) => e?.run.report.meta.status === 'running')),
    );
  }
}
