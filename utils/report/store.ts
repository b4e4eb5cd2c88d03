// Reports in storage.local: the list (`report-index`), each report's meta (`report:<id>`) and its rows in chunks of 50
// (`report:<id>:rows:<n>`), so a finished row costs one small write and a page reads only what changed. Everything read
// back is validated with zod, row by row: a damaged row drops that row, a damaged list entry that entry, and only a
// damaged meta the report. The background writes; the report page and the popup only read.
import type { z } from 'zod';
import type { KeyValueStore } from '../net/store';
import {
  ReportIndexEntrySchema,
  ReportMetaSchema,
  RowSchema,
  type Report,
  type ReportIndexEntry,
  type ReportMeta,
  type Row,
} from './schema';

/** The list of reports, newest last. */
export const REPORT_INDEX_KEY = 'report-index';
/** Rows per stored chunk. */
export const ROWS_PER_CHUNK = 50;
/** Reports older than this are removed. */
export const REPORT_MAX_AGE_MS = 30 * 24 * 60 * 60_000;
/** Rows kept over all reports (storage.local holds 10 MB; a row takes about 300–500 bytes): oldest reports go first. */
export const MAX_STORED_ROWS = 10_000;

/** Storage key of a report's meta. */
export const metaKey = (id: string): string => `report:${id}`;
/** Storage key of a report's rows `n*50 … n*50+49`. */
export const chunkKey = (id: string, n: number): string => `report:${id}:rows:${n}`;
/** The chunk a row index lies in. */
export const chunkOf = (index: number): number => Math.floor(index / ROWS_PER_CHUNK);
const chunkCount = (rows: number) => Math.ceil(rows / ROWS_PER_CHUNK);

/** The valid entries of a stored array (anything else: none), and how many were dropped. */
function validItems<T>(value: unknown, schema: z.ZodType<T>): { items: T[]; dropped: number } {
  if (!Array.isArray(value)) return { items: [], dropped: value === undefined ? 0 : 1 };
  const items: T[] = [];
  for (const item of value) {
    const parsed = schema.safeParse(item);
    if (parsed.success) items.push(parsed.data);
  }
  return { items, dropped: value.length - items.length };
}

/** A stored chunk's valid rows. */
export function parseRows(value: unknown): { rows: Row[]; dropped: number } {
  const { items, dropped } = validItems(value, RowSchema);
  return { rows: items, dropped };
}

/** A stored meta, or undefined when it is missing or damaged. */
export function parseMeta(value: unknown): ReportMeta | undefined {
  const parsed = ReportMetaSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** A stored report as read back: the rows that survived, and how many did not. */
export interface LoadedReport {
  report: Report;
  dropped: number;
}

/** Reads and writes reports over a key-value store (storage.local in the extension, memory in tests). */
export class ReportStore {
  constructor(private readonly store: KeyValueStore) {}

  /** The reports, newest first (damaged entries left out). */
  async list(): Promise<ReportIndexEntry[]> {
    const raw = (await this.store.get([REPORT_INDEX_KEY]))[REPORT_INDEX_KEY];
    return validItems(raw, ReportIndexEntrySchema).items.sort((a, b) => b.createdAt - a.createdAt);
  }

  /** One report with its valid rows, or undefined when its meta is missing or damaged. */
  async load(id: string): Promise<LoadedReport | undefined> {
    const got = await this.store.get([metaKey(id)]);
    const meta = parseMeta(got[metaKey(id)]);
    if (!meta) return undefined;
    const keys = Array.from({ length: chunkCount(meta.rowCount) }, (_, n) => chunkKey(id, n));
    const chunks = keys.length ? await this.store.get(keys) : {};
    const rows: Row[] = [];
    let dropped = 0;
    keys.forEach((key, n) => {
      const chunk = parseRows(chunks[key]);
      rows.push(...chunk.rows);
      const expected = Math.min(ROWS_PER_CHUNK, meta.rowCount - n * ROWS_PER_CHUNK);
      dropped += Math.max(0, expected - chunk.rows.length);
    });
    meta.rowCount = rows.length;
    return { report: { meta, rows }, dropped };
  }

  /** Writes a whole report (a new one, or one whose rows moved after damaged ones were dropped) and lists it. */
  async write(report: Report): Promise<void> {
    const { meta, rows } = report;
    meta.rowCount = rows.length;
    const items: Record<string, unknown> = { [metaKey(meta.id)]: meta };
    for (let n = 0; n < chunkCount(rows.length); n++)
      items[chunkKey(meta.id, n)] = rows.slice(n * ROWS_PER_CHUNK, (n + 1) * ROWS_PER_CHUNK);
    const entry: ReportIndexEntry = {
      id: meta.id,
      createdAt: meta.createdAt,
      source: meta.source,
      rowCount: rows.length,
    };
    const index = (await this.list()).filter((e) => e.id !== meta.id);
    items[REPORT_INDEX_KEY] = [...index.reverse(), entry];
    // A rewrite after damaged rows were dropped has fewer chunks: the old ones beyond go.
    const before = parseMeta((await this.store.get([metaKey(meta.id)]))[metaKey(meta.id)]);
    const stale = Array.from(
      { length: Math.max(0, chunkCount(before?.rowCount ?? 0) - chunkCount(rows.length)) },
      (_, k) => chunkKey(meta.id, chunkCount(rows.length) + k),
    );
    await this.store.set(items);
    if (stale.length) await this.store.remove(stale);
  }

  /** Writes the meta and the chunks holding `rowIndexes`. */
  async save(report: Report, rowIndexes: Iterable<number>): Promise<void> {
    const { meta, rows } = report;
    const items: Record<string, unknown> = { [metaKey(meta.id)]: meta };
    for (const n of new Set([...rowIndexes].map(chunkOf)))
      items[chunkKey(meta.id, n)] = rows.slice(n * ROWS_PER_CHUNK, (n + 1) * ROWS_PER_CHUNK);
    await this.store.set(items);
  }

  /** Removes a report: its meta, its rows and its entry in the list. */
  async remove(id: string): Promise<void> {
    const got = await this.store.get([metaKey(id)]);
    const meta = parseMeta(got[metaKey(id)]);
    const rows = meta?.rowCount ?? 0;
    const keys = [metaKey(id), ...Array.from({ length: chunkCount(rows) + 1 }, (_, n) => chunkKey(id, n))];
    const index = (await this.list()).filter((e) => e.id !== id).reverse();
    await this.store.set({ [REPORT_INDEX_KEY]: index });
    await this.store.remove(keys);
  }

  /**
   * Removes the reports older than 30 days, then the oldest ones while all reports together hold more than
   * MAX_STORED_ROWS rows (never those in `keep`). Returns the ids removed.
   */
  async prune(now: number, keep: readonly string[] = []): Promise<string[]> {
    const list = await this.list(); // newest first
    const removed: string[] = [];
    let total = 0;
    for (const entry of list) {
      const tooOld = now - entry.createdAt > REPORT_MAX_AGE_MS;
      const tooMany = total + entry.rowCount > MAX_STORED_ROWS;
      if (!keep.includes(entry.id) && (tooOld || tooMany)) removed.push(entry.id);
      else total += entry.rowCount;
    }
    for (const id of removed) await this.remove(id);
    return removed;
  }
}
