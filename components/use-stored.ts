// A Preact hook that follows one WXT storage item: its value now and after every change (from this page, the popup or
// another window), read through a parser so the component always sees a well-formed value.
import { useEffect, useState } from 'preact/hooks';

/** What the hook needs of a storage item (WXT's `defineItem` result). */
export interface WatchableItem<T> {
  getValue(): Promise<T>;
  watch(cb: (value: T) => void): () => void;
}

/** The item's current value (undefined until read), kept up to date. `parse` should be a stable function. */
export function useStored<T>(item: WatchableItem<T>, parse: (raw: unknown) => T): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => live && setValue(parse(v)));
    const unwatch = item.watch((v) => setValue(parse(v)));
    return () => {
      live = false;
      unwatch();
    };
  }, [item, parse]);
  return value;
}
