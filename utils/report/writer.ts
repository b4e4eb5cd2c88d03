// Saves a running report without making the run wait: changes made in one task go out in one storage write, after
// that task; writes never overlap, and changes made while one is under way go in the next. A failed write is
// reported once per failure and retried with the next change (the rows stay in memory).
import type { Report } from './schema';
import type { ReportStore } from './store';

/** Coalesces a report's saves (the run's `save`). */
export class ReportWriter {
  private readonly rows = new Set<number>();
  private pending = false;
  private writing: Promise<void> = Promise.resolve();
  private latest: Report | undefined;
  private stopped = false;

  constructor(
    private readonly store: ReportStore,
    private readonly onError: (error: unknown) => void,
    private readonly later: (fn: () => void) => void = (fn) => setTimeout(fn, 0),
  ) {}

  /** Saves the report's meta and these rows, soon. */
  save(report: Report, rows: readonly number[]): void {
    if (this.stopped) return;
    this.latest = report;
    for (const i of rows) this.rows.add(i);
    if (this.pending) return;
    this.pending = true;
    this.later(() => {
      this.writing = this.writing.then(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    this.pending = false;
    const report = this.latest;
    if (!report || this.stopped) return;
    const rows = [...this.rows];
    this.rows.clear();
    try {
      await this.store.save(report, rows);
    } catch (error) {
      for (const i of rows) this.rows.add(i); // written with the next save
      this.onError(error);
    }
  }

  /** Drops saves not yet written and takes no more (the report is being deleted); resolves when writing stopped. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  /** Resolves when every save asked for so far is written (or failed). */
  async idle(): Promise<void> {
    while (this.pending) await new Promise<void>((r) => this.later(r));
    await this.writing;
    if (this.pending) return this.idle();
  }
}
