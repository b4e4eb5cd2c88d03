// What the report page shows of the rows, apart from words: counts for the progress bar, the filters, the order.
// Pure.
import type { Report, Row } from './schema';

/** The progress bar's counts: done, waiting (to be checked, or under way), failed (cannot be checked now, needs you). */
export interface Counts {
  total: number;
  done: number;
  waiting: number;
  failed: number;
}

/** Counts of the rows by state. */
export function countRows(rows: readonly Row[]): Counts {
  const counts: Counts = { total: rows.length, done: 0, waiting: 0, failed: 0 };
  for (const r of rows) {
    if (r.state === 'done') counts.done++;
    else if (r.state === 'waiting') counts.waiting++;
    else counts.failed++;
  }
  return counts;
}

/** The table's filters. */
export const FILTERS = ['all', 'invalid', 'unavailable', 'inactive'] as const;
export type Filter = (typeof FILTERS)[number];

/** Invalid: the check digits fail, VIES says invalid, or the registry has no such number. */
export const isInvalid = (r: Row): boolean =>
  r.checksum === 'invalid' || r.result?.vies?.verdict === 'invalid' || r.result?.status === 'not-found';

/** True when the row is shown under `filter`. */
export function matchesFilter(r: Row, filter: Filter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'invalid':
      return isInvalid(r);
    case 'unavailable':
      return r.state === 'unavailable' || r.state === 'error';
    case 'inactive':
      return r.result?.status === 'inactive' || r.result?.status === 'bankrupt';
  }
}

/** The rows "Retry these" checks again. */
export const failedRows = (report: Report): Row[] =>
  report.rows.filter((r) => r.state === 'unavailable' || r.state === 'error');

/** A valid, active company: what the ERP files hold (no sign against it, and VIES or the registry for it). */
export function isValidActive(r: Row): boolean {
  const res = r.result;
  if (!res?.name || r.state !== 'done' || isInvalid(r)) return false;
  if (res.status === 'inactive' || res.status === 'bankrupt') return false;
  if (res.vies && res.vies.verdict !== 'valid') return false;
  return res.status === 'active' || res.vies?.verdict === 'valid';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Indexes of `texts` (one string per row) in ascending or descending order; equal texts keep report order. */
export function sortedOrder(texts: readonly string[], direction: 'ascending' | 'descending'): number[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return texts.map((_, i) => i).sort((a, b) => sign * collator.compare(texts[a]!, texts[b]!) || a - b);
}
