// A clock the test moves by hand: `now` and `setTimeout` to inject, `advance(ms)` runs what falls due on the way (each
// at its own time), letting promises settle between timers.

/** Lets pending promise chains (storage reads and writes of memoryStore included) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A manual clock starting at `start` (epoch ms). */
export function manualClock(start = Date.UTC(2026, 10, 23, 12)) {
  let time = start;
  const timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => time,
    setTimeout: (fn: () => void, ms: number) => {
      timers.push({ at: time + Math.max(0, ms), fn });
      return timers.length;
    },
    /** Timers not yet run. */
    get pending(): number {
      return timers.length;
    },
    /** Moves the clock `ms` forward, running each timer that falls due at its time. */
    async advance(ms: number): Promise<void> {
      const end = time + ms;
      await settle();
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        time = Math.max(time, next.at);
        next.fn();
        await settle();
      }
      time = end;
      await settle();
    },
  };
}
