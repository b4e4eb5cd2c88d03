// zod schemas for stored lists and maps that lose only their damaged entries: one bad site in disabledSites, one bad
// month of the usage record or one bad cache index entry drops itself, not the whole item. Background and extension
// pages only (zod).
import { z } from 'zod';

/** A stored list: the items `item` accepts (as it outputs them); anything else, or a non-list, is dropped. */
export function listOf<S extends z.ZodType>(item: S) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((raw): z.output<S>[] => {
      const kept: z.output<S>[] = [];
      for (const entry of raw) {
        const parsed = item.safeParse(entry);
        if (parsed.success) kept.push(parsed.data);
      }
      return kept;
    });
}

/** A stored map (a plain object): the entries whose key and value pass; anything else, or a non-object, is dropped. */
export function mapOf<K extends z.ZodType<string>, V extends z.ZodType>(key: K, value: V) {
  return z
    .record(z.string(), z.unknown())
    .catch({})
    .transform((raw): Record<z.output<K>, z.output<V>> => {
      const kept = {} as Record<z.output<K>, z.output<V>>;
      for (const [k, v] of Object.entries(raw)) {
        const parsedKey = key.safeParse(k);
        const parsedValue = value.safeParse(v);
        if (parsedKey.success && parsedValue.success) kept[parsedKey.data as z.output<K>] = parsedValue.data;
      }
      return kept;
    });
}
