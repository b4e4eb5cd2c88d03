// The exported company record: one flat, stable JSON shape built from a lookup (and the paid profile when it was
// fetched), plus the plain-text address block. Pure and zod-free (types only): the popup and plain Node use it.
import type { Activity, Address, Company, Establishment, LookupResult, Profile } from '../registry/domain';

/** The record's format tag: bump when a field changes meaning. */
export const RECORD_FORMAT = 'company-lens/company@1' as const;

/** A company as exported (JSON, CSV): absent values are left out of JSON and empty in CSV. */
export interface CompanyRecord {
  format: typeof RECORD_FORMAT;
  name: string;
  tradeNames: string[];
  legalForm?: string;
  status: Company['status'];
  startDate?: string;
  kvkNumber?: string;
  branchNumber?: string;
  rsin?: string;
  kboNumber?: string;
  establishmentNumber?: string;
  vatNumber?: string;
  address?: Address;
  mainActivity?: Activity;
  /** The VIES check, when one was made: verdict, ISO time, consultation number when a requester was sent. */
  vatCheck?: { verdict: 'valid' | 'invalid' | 'unavailable'; checkedAt: string; consultationNumber?: string };
  /** From the paid profile, when the user fetched it. */
  employees?: number;
  activities?: Activity[];
  establishments?: Establishment[];
  websites?: string[];
  /** Which service the company data came from and when (ISO). */
  source: { service: string; fetchedAt: string; demo?: boolean };
  links: string[];
}

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The VAT number to export: the company's own, else the number looked up when it was one. */
function vatNumberOf(lookup: LookupResult, company: Company): string | undefined {
  if (company.vatNumber) return company.vatNumber;
  if (lookup.kind === 'vat') return lookup.value;
  if (lookup.vat?.ok && lookup.vat.value.verdict === 'valid')
    return lookup.vat.value.memberState + lookup.vat.value.number;
  return undefined;
}

/**
 * The record for a lookup whose company part succeeded (undefined otherwise). The paid profile, when given, adds its
 * company fields (legal form, start date, main activity…) and employees, activities, establishments and websites.
 */
export function companyRecord(lookup: LookupResult, profile?: Profile): CompanyRecord | undefined {
  const part = lookup.company;
  if (!part?.ok) return undefined;
  const company: Company = profile ? { ...part.value, ...defined(profile.company) } : part.value;
  const vat = lookup.vat?.ok ? lookup.vat.value : undefined;
  const links = [...new Set([...company.links, ...lookup.links].map((l) => l.url))];
  return defined({
    format: RECORD_FORMAT,
    name: company.name,
    tradeNames: company.tradeNames,
    legalForm: company.legalForm,
    status: company.status,
    startDate: company.startDate,
    kvkNumber: company.kvkNumber,
    branchNumber: company.branchNumber,
    rsin: company.rsin,
    kboNumber: company.kboNumber,
    establishmentNumber: company.establishmentNumber,
    vatNumber: vatNumberOf(lookup, company),
    address: company.address,
    mainActivity: company.mainActivity,
    vatCheck: vat
      ? defined({
          verdict: vat.verdict,
          checkedAt: new Date(vat.checkedAt).toISOString(),
          consultationNumber: vat.consultationNumber,
        })
      : undefined,
    employees: profile?.employees,
    activities: profile?.activities,
    establishments: profile?.establishments,
    websites: profile?.websites,
    source: defined({ service: part.source, fetchedAt: new Date(part.fetchedAt).toISOString(), demo: part.demo }),
    links,
  });
}

/** The record as pretty-printed JSON (2 spaces, trailing newline). */
export function companyJson(record: CompanyRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** The address as postal lines: street and number, postcode and city, country (a one-line address is split). */
export function addressLines(address: Address): string[] {
  const first = [address.street, address.houseNumber].filter(Boolean).join(' ');
  const second = [address.postalCode, address.city].filter(Boolean).join(' ');
  const lines = first || second ? [first, second, address.country ?? ''] : address.line.split(/\s*(?:,|\n)\s*/);
  return lines.map((l) => l.trim()).filter(Boolean);
}

/** Name and address block, one per line: for pasting into a letter, an e-mail or an address field. */
export function companyText(record: Pick<CompanyRecord, 'name' | 'address'>): string {
  return [record.name, ...(record.address ? addressLines(record.address) : [])].join('\n');
}
