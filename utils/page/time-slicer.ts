// Doing queued work in short slices so the page never stutters: `scheduler.yield()` where it exists (continuations
// run before other queued tasks), a MessageChannel task where not (setTimeout(0) is clamped to 4 ms when nested).

/**
 * How long the extension's JavaScript runs before it yields, in ms. The issue's limit is ~8 ms; 4 leaves room for a
 * young-generation collection landing inside a slice: traced on a page with 250,000 text nodes, a scavenge takes
 * 2–4 ms, most of it processing the text nodes' wrappers (more when other scripts walked the page too).
 */
export const SLICE_BUDGET_MS = 4;

type SchedulerLike = { yield?: () => Promise<void> };

/** Gives the main thread back to the page (input, rendering, its own tasks) and resumes soon after. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Figures the benchmark reads: how long the extension's JavaScript ran, in total and at most at once. */
export class SliceStats {
  /** Sum of every slice, ms. */
  total = 0;
  /** Longest single slice, ms. */
  longest = 0;
  slices = 0;
  /** The longest slices' lengths, kept for the benchmark's distribution (bounded). */
  readonly recent: number[] = [];

  /** Records a slice that started at `start` (performance.now()) and ends now. */
  record(start: number): void {
    const ms = performance.now() - start;
    this.total += ms;
    this.slices++;
    if (ms > this.longest) this.longest = ms;
    if (this.recent.length < 4096) this.recent.push(ms);
  }

  reset(): void {
    this.total = 0;
    this.longest = 0;
    this.slices = 0;
    this.recent.length = 0;
  }
}
