import { memoryStore } from '../../../utils/net/store';

/**
 * An in-memory store whose writes can be held (they start, then wait until released) or made to fail, so tests can
 * look at what happens while a storage write is under way, or after it failed.
 */
export function heldStore() {
  const inner = memoryStore();
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  let holding: (key: string) => boolean = () => false;
  let failing: Error | undefined;
  let failingFor: (key: string) => boolean = () => false;
  const affects = (keys: string[], which: (key: string) => boolean) => keys.some(which);
  const started: Record<string, unknown>[] = [];
  const store = {
    data: inner.data,
    /** Writes that reached the store (held ones included), in order. */
    started,
    get: inner.get,
    async set(items: Record<string, unknown>) {
      const keys = Object.keys(items);
      started.push(items);
      if (gate && affects(keys, holding)) await gate;
      if (failing && affects(keys, failingFor)) throw failing;
      await inner.set(items);
    },
    async remove(keys: string[]) {
      if (gate && affects(keys, holding)) await gate;
      if (failing && affects(keys, failingFor)) throw failing;
      await inner.remove(keys);
    },
    /** From now on, writes touching a key `which` selects wait until `release()`. */
    hold(which: (key: string) => boolean = () => true) {
      holding = which;
      gate = new Promise((resolve) => (open = resolve));
    },
    /** Lets the held writes (and later ones) through. */
    release() {
      open?.();
      gate = undefined;
    },
    /** From now on, writes touching a key `which` selects fail with `error` (undefined: they succeed again). */
    fail(error: Error | undefined, which: (key: string) => boolean = () => true) {
      failing = error;
      failingFor = which;
    },
  };
  return store;
}

/** Resolves once `condition` holds, checking after each macrotask (at most `tries` of them). */
export async function until(condition: () => boolean, tries = 100): Promise<void> {
  for (let i = 0; i < tries && !condition(); i++) await new Promise((r) => setTimeout(r, 0));
  if (!condition()) throw new Error('condition never held');
}
