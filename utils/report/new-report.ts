// A new report from the numbers of a page or a list: one row per distinct number (kind and canonical value), its own
// check done offline (a number whose check digits fail is reported, never sent), and the paid step offered only when
// a paid service is set up that could add to a row. Pure.
import { checkIdentifier } from '../identifiers/check-one';
import { formatIdentifier } from '../identifiers/format';
import type { IdentifierKind } from '../identifiers/types';
import { REPORT_MAX_ROWS, rowKey, type Report, type ReportSource, type Row } from './schema';

/** One number handed to a new report. */
export interface ReportItem {
  kind: IdentifierKind;
  value: string;
  written?: string;
}

/** What a new report is made of. */
export interface NewReportInput {
  id: string;
  now: number;
  source: ReportSource;
  requesterVat?: string;
  items: readonly ReportItem[];
  /** Which paid services have credentials (kbodata.app adds the status of Belgian numbers). */
  paidServices: { kbodata: boolean };
}

/** Belgian numbers, which kbodata.app (paid) knows more about than VIES. */
const BELGIAN = (item: ReportItem) =>
  item.kind === 'kbo' || item.kind === 'kbo-establishment' || (item.kind === 'vat' && item.value.startsWith('BE'));

/** The distinct numbers of `items` in order of first occurrence (by kind and canonical value). */
export function distinctItems<T extends ReportItem>(items: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(rowKey(item))) seen.set(rowKey(item), item);
  return [...seen.values()];
}

/** The report for `input`; a RangeError when it holds more than REPORT_MAX_ROWS distinct numbers. */
export function newReport(input: NewReportInput): Report {
  const items = distinctItems(input.items);
  if (items.length > REPORT_MAX_ROWS) throw new RangeError(`${items.length} numbers; at most ${REPORT_MAX_ROWS}`);
  const rows: Row[] = items.map((item) => {
    const checksum = checkIdentifier(item.kind, item.value);
    const written = (item.written ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return {
      kind: item.kind,
      value: item.value,
      written: written || formatIdentifier(item.kind, item.value),
      checksum,
      state: checksum === 'invalid' ? 'done' : 'waiting',
      step: 'free',
      ...(input.paidServices.kbodata && BELGIAN(item) && checksum !== 'invalid' ? { paidWanted: true } : {}),
    };
  });
  return {
    meta: {
      version: 1,
      id: input.id,
      createdAt: input.now,
      updatedAt: input.now,
      source: input.source,
      ...(input.requesterVat ? { requesterVat: input.requesterVat } : {}),
      status: 'running',
      rowCount: rows.length,
      lanes: {},
      statusChecked: false,
      paid: rows.some((r) => r.paidWanted) ? 'offered' : 'none',
      inFlight: [],
    },
    rows,
  };
}
