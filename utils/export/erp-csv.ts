// CSV rows shaped for importing a relation into Dutch ERP systems, with the field names of their APIs:
// Exact Online `crm/Accounts` and AFAS Profit's KnOrganisation + KnBasicAddress connectors. Pure.
import type { CompanyRecord } from './company-record';

/** One CSV layout: its column names and how each is filled from a record. */
export interface CsvLayout {
  id: 'exact' | 'afas';
  columns: readonly string[];
  row: (record: CompanyRecord) => string[];
}

/** The house number split into its digits and the rest (huisletter, toevoeging): "3 B" → ["3", "B"]. */
export function splitHouseNumber(houseNumber: string | undefined): [string, string] {
  const m = houseNumber?.trim().match(/^(\d+)\s*[-\s]?\s*(.*)$/);
  if (!m) return ['', houseNumber?.trim() ?? ''];
  return [m[1]!, m[2]!.trim()];
}

/** The country as an ISO code: NL for Dutch registrations, BE for Belgian, else the VAT prefix; '' when unknown. */
export function countryCode(record: CompanyRecord): string {
  if (record.address?.country) {
    const c = record.address.country.trim();
    if (/^[A-Za-z]{2}$/.test(c)) return c.toUpperCase();
    return '';
  }
  if (record.kvkNumber || record.branchNumber || record.rsin) return 'NL';
  if (record.kboNumber || record.establishmentNumber) return 'BE';
  const prefix = record.vatNumber?.slice(0, 2);
  if (prefix === 'EL') return 'GR';
  if (prefix === 'XI') return 'GB';
  return prefix ?? '';
}

/** AFAS's own country codes where they differ from ISO (AFAS uses vehicle registration codes: Belgium is `B`). */
const AFAS_COUNTRY: Record<string, string> = {
  AT: 'A',
  BE: 'B',
  DE: 'D',
  ES: 'E',
  FI: 'FIN',
  FR: 'F',
  HU: 'H',
  IT: 'I',
  LU: 'L',
  PT: 'P',
  SE: 'S',
  SI: 'SLO',
};

/** The registration number for the "Chamber of Commerce" field: KVK number, else the Belgian enterprise number. */
const registrationNumber = (r: CompanyRecord) => r.kvkNumber ?? r.kboNumber ?? '';

/**
 * Exact Online relation (crm/Accounts): street and number together in AddressLine1. crm/Accounts has no legal-form
 * field: `LegalForm` is for a free field of the import (the register's, else KVK's open data's).
 */
export const EXACT_LAYOUT: CsvLayout = {
  id: 'exact',
  columns: ['Name', 'ChamberOfCommerce', 'VATNumber', 'AddressLine1', 'Postcode', 'City', 'Country', 'LegalForm'],
  row: (r) => [
    r.name,
    registrationNumber(r),
    r.vatNumber ?? '',
    [r.address?.street, r.address?.houseNumber].filter(Boolean).join(' '),
    r.address?.postalCode ?? '',
    r.address?.city ?? '',
    countryCode(r),
    r.legalForm ?? '',
  ],
};

/** AFAS Profit organisation (KnOrganisation + KnBasicAddress): street, house number and its addition apart. */
export const AFAS_LAYOUT: CsvLayout = {
  id: 'afas',
  columns: ['Nm', 'CcNr', 'VaId', 'Ad', 'HmNr', 'HmAd', 'ZpCd', 'Rs', 'CoId'],
  row: (r) => {
    const [number, addition] = splitHouseNumber(r.address?.houseNumber);
    const iso = countryCode(r);
    return [
      r.name,
      registrationNumber(r),
      r.vatNumber ?? '',
      r.address?.street ?? '',
      number,
      addition,
      r.address?.postalCode ?? '',
      r.address?.city ?? '',
      AFAS_COUNTRY[iso] ?? iso,
    ];
  },
};

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A value starting with `=`, `+`, `-`,
 * `@`, tab or CR gets a leading apostrophe, so a spreadsheet never runs registry text as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Lines of fields (RFC 4180, each field guarded as above), CRLF-terminated. */
export function csvLines(lines: readonly (readonly string[])[]): string {
  return lines.map((values) => values.map(csvField).join(',') + '\r\n').join('');
}

/** The header line and one row per record, CRLF-terminated. */
export function erpCsv(layout: CsvLayout, ...records: CompanyRecord[]): string {
  return csvLines([layout.columns, ...records.map(layout.row)]);
}
