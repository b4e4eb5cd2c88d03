// The report page's view of storage: one report (meta and rows, following every save of the background through
// storage.onChanged, reading back only the chunk that changed) and the list of reports. Read only: the background
// writes. Everything read is validated row by row (utils/report/store.ts).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { localStore } from '../../utils/net/store';
import type { Report, ReportIndexEntry, Row } from '../../utils/report/schema';
import {
  chunkKey,
  metaKey,
  parseMeta,
  parseRows,
  REPORT_INDEX_KEY,
  ReportStore,
  ROWS_PER_CHUNK,
} from '../../utils/report/store';

const store = new ReportStore(localStore);

/** One report as the page knows it: loading, gone (removed, expired, damaged), or its rows (and how many were unreadable). */
export type ReportView =
  { phase: 'loading' } | { phase: 'missing' } | { phase: 'ready'; report: Report; dropped: number };

type Changes = Record<string, { newValue?: unknown }>;

/** Follows the report `id` in storage. */
export function useReport(id: string): ReportView {
  const [view, setView] = useState<ReportView>({ phase: 'loading' });
  useEffect(() => {
    let live = true;
    let chunks: Row[][] = [];
    let meta: Report['meta'] | undefined;
    let dropped = 0;
    const show = () => {
      if (!live) return;
      if (!meta) return setView({ phase: 'missing' });
      setView({ phase: 'ready', report: { meta, rows: chunks.flat() }, dropped });
    };
    const reload = async () => {
      const loaded = await store.load(id);
      meta = loaded?.report.meta;
      dropped = loaded?.dropped ?? 0;
      const rows = loaded?.report.rows ?? [];
      chunks = Array.from({ length: Math.ceil(rows.length / ROWS_PER_CHUNK) }, (_, n) =>
        rows.slice(n * ROWS_PER_CHUNK, (n + 1) * ROWS_PER_CHUNK),
      );
      show();
    };
    const onChanged = (changes: Changes, area: string) => {
      if (area !== 'local') return;
      let changed = false;
      if (metaKey(id) in changes) {
        const next = parseMeta(changes[metaKey(id)]!.newValue);
        if (!next || next.rowCount !== meta?.rowCount) return void reload(); // removed, or rewritten compacted
        meta = next;
        changed = true;
      }
      for (let n = 0; n < chunks.length; n++) {
        const change = changes[chunkKey(id, n)];
        if (!change) continue;
        chunks[n] = parseRows(change.newValue).rows;
        changed = true;
      }
      if (changed) show();
    };
    browser.storage.onChanged.addListener(onChanged);
    void reload();
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [id]);
  return view;
}

/** The list of reports, newest first, following changes. */
export function useReportList(): ReportIndexEntry[] | undefined {
  const [list, setList] = useState<ReportIndexEntry[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const read = () => void store.list().then((l) => live && setList(l));
    const onChanged = (changes: Changes, area: string) => {
      if (area === 'local' && REPORT_INDEX_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    read();
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return list;
}
