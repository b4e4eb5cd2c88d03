// The report's files: the whole report as JSON (the requester and the consultation numbers: the proof a bookkeeper
// files), the table as CSV (the same RFC 4180 + formula-injection guard as the company export), and the valid,
// active companies as company records for the ERP CSV layouts (Exact Online, AFAS). Pure.
import { RECORD_FORMAT, type CompanyRecord } from '../export/company-record';
import { csvLines } from '../export/erp-csv';
import { isValidActive } from './view';
import type { Report, Row } from './schema';

/** The JSON file's format tag: bump when a field changes meaning. */
export const REPORT_FORMAT = 'company-lens/report@1' as const;

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The table as CSV: the header line and the rows as shown, CRLF-terminated. */
export function tableCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return csvLines([headers, ...rows]);
}

/** One row in the JSON file. */
function rowJson(r: Row) {
  const res = r.result;
  return defined({
    kind: r.kind,
    number: r.value,
    written: r.written,
    checkDigits: r.checksum,
    state: r.state,
    reason: r.reason,
    checkedAt: iso(r.checkedAt),
    name: res?.name,
    status: res?.status,
    legalForm: res?.legalForm,
    address: res?.address,
    kvkNumber: res?.kvkNumber,
    kboNumber: res?.kboNumber,
    vatNumber: res?.vatNumber,
    vies: res?.vies
      ? defined({ ...res.vies, checkedAt: iso(res.vies.checkedAt), consultationNumber: res.vies.consultationNumber })
      : undefined,
    error: res?.error,
    sources: res?.sources.map((s) => defined({ ...s, fetchedAt: iso(s.fetchedAt) })),
  });
}

/** The whole report as pretty-printed JSON (2 spaces, trailing newline). */
export function reportJson(report: Report, exportedAt: number): string {
  const { meta, rows } = report;
  const json = defined({
    format: REPORT_FORMAT,
    id: meta.id,
    createdAt: iso(meta.createdAt),
    exportedAt: iso(exportedAt),
    source: meta.source,
    requesterVat: meta.requesterVat,
    status: meta.status,
    rows: rows.map(rowJson),
  });
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** A valid, active row as a company record for the ERP layouts (undefined for every other row). */
export function rowRecord(r: Row): CompanyRecord | undefined {
  const res = r.result;
  if (!res?.name || !isValidActive(r)) return undefined;
  const vies = res.vies;
  return defined({
    format: RECORD_FORMAT,
    name: res.name,
    tradeNames: [],
    legalForm: res.legalForm,
    status: res.status === 'not-found' || res.status === undefined ? 'unknown' : res.status,
    kvkNumber: res.kvkNumber ?? (r.kind === 'kvk' ? r.value : undefined),
    kboNumber: res.kboNumber ?? (r.kind === 'kbo' ? r.value : undefined),
    vatNumber: res.vatNumber ?? (r.kind === 'vat' ? r.value : undefined),
    address: res.address,
    vatCheck: vies
      ? defined({ verdict: vies.verdict, checkedAt: iso(vies.checkedAt)!, consultationNumber: vies.consultationNumber })
      : undefined,
    source: { service: res.sources[0]?.service ?? 'vies', fetchedAt: iso(res.sources[0]?.fetchedAt ?? 0)! },
    links: [],
  });
}

/** The records of the report's valid, active companies, in report order. */
export function erpRecords(report: Report): CompanyRecord[] {
  return report.rows.flatMap((r) => rowRecord(r) ?? []);
}
