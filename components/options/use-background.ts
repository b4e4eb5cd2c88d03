// A Preact hook for an answer from the background (usage, cache figures) that is asked again whenever storage.local
// changes (a lookup counted, the cache filled or cleared, the cap changed), so the figures stay current.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** The latest answer of `ask` (undefined until the first arrives, or when the background did not answer). */
export function useBackground<T>(ask: () => Promise<T>): [T | undefined, () => void] {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [tick, setTick] = useState(0);
  // Callers pass a new function each render; asking again is driven by `tick` only, with the latest `ask`.
  const latestAskRef = useRef(ask);
  useEffect(() => {
    latestAskRef.current = ask;
  });
  useEffect(() => {
    let live = true;
    latestAskRef.current().then(
      (v) => live && setValue(v),
      () => live && setValue(undefined),
    );
    return () => {
      live = false;
    };
  }, [tick]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = (_changes: unknown, area: string) => {
      if (area !== 'local') return;
      clearTimeout(timer);
      timer = setTimeout(() => setTick((n) => n + 1), 150);
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(listener);
    };
  }, []);
  return [value, () => setTick((n) => n + 1)];
}
