// KVK open data → our domain types: the status (an insolvency before active/inactive, an unknown code kept as its code),
// the legal form by its code, the dates in both shapes seen, the activities main first with the descriptions we have,
// and the financial years of the filed annual accounts.
import type { Activity, FiledAccounts, OpenDataCompany, OpenDataStatus } from '../domain';
import { kvkDate, stripUndefined } from '../kvk/map';
import type { Accounts, AccountsNode, Basis } from './schema';
import { sbiDescription } from './sbi';

/** KVK's insolvency codes: faillissement, surseance van betaling, schuldsanering (WSNP). */
const INSOLVENCY: Record<string, OpenDataStatus> = {
  FAIL: 'bankrupt',
  SURS: 'suspension-of-payments',
  SSAN: 'debt-restructuring',
};

/** The legal forms of the open dataset by their code (it holds BVs and NVs only). */
const LEGAL_FORMS: Record<string, string> = { BV: 'Besloten Vennootschap', NV: 'Naamloze Vennootschap' };

/** A date as the open data writes it — `YYYYMMDD` (unknown parts 0) or ISO (`2010-12-31`, with or without a time). */
export function openDataDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{8}$/.test(value)) return kvkDate(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value);
  if (!iso) return undefined;
  const [, y, m, d] = iso;
  const month = Number(m);
  const day = Number(d);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${y}-${m}-${d}` : undefined;
}

/** The status an insolvency code stands for (`insolvency` for a code we do not know), else the registration's. */
export function openDataStatus(insolvencyCode: string | undefined, active: boolean | undefined): OpenDataStatus {
  if (insolvencyCode) return INSOLVENCY[insolvencyCode.toUpperCase()] ?? 'insolvency';
  if (active === undefined) return 'unknown';
  return active ? 'active' : 'inactive';
}

function activities(list: Basis['activiteiten']): Activity[] {
  const mapped = (list ?? [])
    .filter((a) => a.sbiCode !== '')
    .map((a) => ({
      scheme: 'sbi' as const,
      code: a.sbiCode,
      description: sbiDescription(a.sbiCode) ?? '',
      main: /^hoofd/i.test(a.soortActiviteit ?? ''),
    }));
  return [...mapped.filter((a) => a.main), ...mapped.filter((a) => !a.main)];
}

/** The basic company data of `kvkNumber` (the number asked; the answer need not repeat it). */
export function basisToOpenData(basis: Basis, kvkNumber: string): OpenDataCompany {
  const active = basis.actief ?? undefined;
  const insolvencyCode = basis.insolventieCode?.toUpperCase();
  const legal = basis.rechtsvormCode?.toUpperCase();
  return stripUndefined({
    kvkNumber,
    status: openDataStatus(insolvencyCode, active),
    insolvencyCode,
    active,
    legalForm: legal ? stripUndefined({ code: legal, name: LEGAL_FORMS[legal] }) : undefined,
    startDate: openDataDate(basis.datumAanvang),
    activities: activities(basis.activiteiten),
    postcodeRegion: basis.postcodeRegio,
    memberState: basis.lidstaat,
  });
}

/** The first value under `key` anywhere in the tree (depth first). */
function find(nodes: AccountsNode[] | undefined, key: string): AccountsNode['value'] {
  for (const node of nodes ?? []) {
    if (node.key === key && node.value !== undefined && node.value !== null) return node.value;
    const below = find(node.opendataFields, key);
    if (below !== undefined) return below;
  }
  return undefined;
}

/**
 * The financial years of the filed annual accounts, oldest first, each once (the latest adoption date kept), or
 * undefined when documents came without any financial year: a shape we do not know, not "none filed".
 */
export function accountsToFiled(accounts: Accounts): FiledAccounts | undefined {
  const documents = Array.isArray(accounts) ? accounts : [accounts];
  const byYear = new Map<number, string | undefined>();
  for (const doc of documents) {
    const year = Number(String(find(doc.opendataFields, 'FinancialYear') ?? '').trim());
    if (!Number.isInteger(year) || year < 1900 || year > 2999) continue;
    const adopted = openDataDate(String(find(doc.opendataFields, 'DocumentAdoptionDate') ?? '').trim());
    const known = byYear.get(year);
    byYear.set(year, known && adopted ? (known > adopted ? known : adopted) : (known ?? adopted));
  }
  if (documents.length > 0 && byYear.size === 0) return undefined;
  const years = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, adoptedOn]) => (adoptedOn ? { year, adoptedOn } : { year }));
  return { years };
}
