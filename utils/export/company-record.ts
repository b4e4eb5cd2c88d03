// The exported company record: one flat, stable JSON shape built from a lookup (the paid profile and KVK's open data
// when they were fetched), plus the plain-text address block. Pure and zod-free (types only): the popup and plain Node
// use it.
import type {
  Activity,
  Address,
  Company,
  Establishment,
  LookupResult,
  OpenDataCompany,
  Profile,
} from '../registry/domain';
import type { OpenDataProgress } from '../registry/responses';

/** The record's format tag: bump when a field changes meaning. */
export const RECORD_FORMAT = 'company-lens/company@1' as const;

/** The attribution KVK's open data asks for (licence CC BY 4.0). */
export const OPEN_DATA_ATTRIBUTION = 'Kamer van Koophandel (KVK), KVK open data' as const;

/** KVK's open data as exported: its own fields and source (it may differ from the register's Zoeken answer). */
export interface OpenDataRecord extends Omit<OpenDataCompany, 'kvkNumber'> {
  /** Financial years with adopted annual accounts in the open data (empty: none there), when they were fetched. */
  filedYears?: { year: number; adoptedOn?: string }[];
  source: {
    service: 'kvk-open';
    licence: 'CC BY 4.0';
    attribution: typeof OPEN_DATA_ATTRIBUTION;
    /** When the basic data was fetched, and the annual accounts (ISO). */
    fetchedAt: string;
    accountsFetchedAt?: string;
  };
}

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
  /** KVK's open data, when the user fetched it. */
  openData?: OpenDataRecord;
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

/** The open data's part of the record, when its basic data came back. */
function openDataRecord(progress: OpenDataProgress | undefined): OpenDataRecord | undefined {
  const basis = progress?.basis.state === 'done' && progress.basis.part.ok ? progress.basis.part : undefined;
  if (!basis) return undefined;
  const accounts =
    progress!.accounts.state === 'done' && progress!.accounts.part.ok ? progress!.accounts.part : undefined;
  const { kvkNumber: _number, ...fields } = basis.value;
  return defined({
    ...fields,
    filedYears: accounts?.value.years,
    source: defined({
      service: 'kvk-open' as const,
      licence: 'CC BY 4.0' as const,
      attribution: OPEN_DATA_ATTRIBUTION,
      fetchedAt: new Date(basis.fetchedAt).toISOString(),
      accountsFetchedAt: accounts ? new Date(accounts.fetchedAt).toISOString() : undefined,
    }),
  });
}

/**
 * The record for a lookup whose company part succeeded (undefined otherwise). The paid profile, when given, adds its
 * company fields (legal form, start date, main activity…) and employees, activities, establishments and websites;
 * KVK's open data, when given, adds its own block, and the legal form where no register source named one.
 */
export function companyRecord(
  lookup: LookupResult,
  profile?: Profile,
  openDataProgress?: OpenDataProgress,
): CompanyRecord | undefined {
  const part = lookup.company;
  if (!part?.ok) return undefined;
  const company: Company = profile ? { ...part.value, ...defined(profile.company) } : part.value;
  const openData = openDataRecord(openDataProgress);
  const vat = lookup.vat?.ok ? lookup.vat.value : undefined;
  const links = [...new Set([...company.links, ...lookup.links].map((l) => l.url))];
  return defined({
    format: RECORD_FORMAT,
    name: company.name,
    tradeNames: company.tradeNames,
    legalForm: company.legalForm ?? openData?.legalForm?.name ?? openData?.legalForm?.code,
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
    openData,
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
