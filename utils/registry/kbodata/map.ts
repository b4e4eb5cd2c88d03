// kbodata.app answers → our domain types.
import type {
  Activity,
  Address,
  Company,
  CompanyStatus,
  Establishment,
  LocalName,
  Profile,
  SearchResult,
} from '../domain';
import { kboLink } from '../../company-links';
import { stripUndefined } from '../kvk/map';
import type {
  KboActivity,
  KboAddress,
  KboDenomination,
  KboDenominationHit,
  KboEnterprise,
  KboEstablishment,
} from './schema';

/** `2017-01-1` → `2017-01-01`; undefined when not a date. */
export function kboDate(value: string | null | undefined): string | undefined {
  const m = value?.match(/^(\d{4})-(\d{1,2})-(\d{1,2})/);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
}

/** The enterprise's status from its juridical situation (code 000 is the normal situation). */
export function kboStatus(code: string | null | undefined, description: string | null | undefined): CompanyStatus {
  const text = (description ?? '').toLowerCase();
  if (/faill|bankrupt|faillite|insolv/.test(text)) return 'bankrupt';
  if (code === '000') return 'active';
  if (/ontbind|stopzet|vereffen|dissol|liquidat|cessation|fusie|fusion|gesloten|clôtur|beëindig|einde|fin /.test(text))
    return 'inactive';
  return code ? 'unknown' : 'unknown';
}

/** True while a dated record (address, denomination) is current: no revoke date, or one still to come. */
const isCurrent = (item: { dateRevoke?: string | null }, today: string): boolean =>
  !item.dateRevoke || item.dateRevoke > today;

/**
 * The current address, preferring the registered office (REGO); undefined when every address has been revoked (a
 * revoked address is history, not where the company is).
 */
export function kboAddress(list: KboAddress[] | null | undefined, today: string): Address | undefined {
  const current = (list ?? []).filter((a) => isCurrent(a, today));
  const a = current.find((x) => x.type === 'REGO' || x.type === '4') ?? current[0];
  if (!a) return undefined;
  const street = a.streetNL ?? a.streetFR ?? undefined;
  const houseNumber = [a.addressNumber, a.addressAdditional].filter(Boolean).join(' ') || undefined;
  const city = a.cityNL ?? a.cityFR ?? undefined;
  const postalCode = a.zipcode ?? undefined;
  const line = [[street, houseNumber].filter(Boolean).join(' '), [postalCode, city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return line ? stripUndefined({ street, houseNumber, postalCode, city, line }) : undefined;
}

/** kbodata's denomination type of a legal name ("Maatschappelijke naam"). */
const LEGAL_NAME = '1';

/**
 * The names of an entity from its current denominations: the main name (the first legal name), the legal name per
 * language (only with two or more languages) and the trade names (abbreviations and commercial names; a legal name
 * in another language is never one). Revoked denominations are history; only when nothing is current does the last
 * legal name still give the main name.
 */
export function kboNames(
  list: KboDenomination[] | null | undefined,
  fallback: string,
  today: string,
): Pick<Company, 'name' | 'names' | 'tradeNames'> {
  const all = list ?? [];
  const current = all.filter((d) => isCurrent(d, today));
  const legal = current.filter((d) => d.type === LEGAL_NAME);
  const name = (legal[0] ?? current[0] ?? all.findLast((d) => d.type === LEGAL_NAME) ?? all.at(-1))?.value ?? fallback;
  const names: LocalName[] = [];
  for (const d of legal) {
    const language = d.language?.toLowerCase();
    if (language && /^[a-z]{2}$/.test(language) && !names.some((n) => n.language === language))
      names.push({ language, name: d.value });
  }
  const legalValues = new Set([name, ...legal.map((d) => d.value)]);
  const tradeNames = [...new Set(current.filter((d) => d.type !== LEGAL_NAME).map((d) => d.value))].filter(
    (n) => !legalValues.has(n),
  );
  return { name, ...(names.length > 1 ? { names } : {}), tradeNames };
}

/** `enterprise/get.json` → the card's company. */
export function enterpriseToCompany(e: KboEnterprise, today: string): Company {
  return stripUndefined({
    ...kboNames(e.denominations, e.enterpriseNumber, today),
    legalForm: e.juridicalFormDescription ?? undefined,
    address: kboAddress(e.addresses, today) ?? kboAddress(e.establishments?.[0]?.addresses, today),
    status: kboStatus(e.juridicalSituationCode, e.juridicalSituationDescription),
    startDate: kboDate(e.dateStart),
    kboNumber: e.enterpriseNumber,
    vatNumber: e.vatNumber ?? undefined,
    links: [kboLink(e.enterpriseNumber)],
  });
}

/** `establishment/get.json` → the card's company (the establishment, with its enterprise's number). */
export function establishmentToCompany(e: KboEstablishment, today: string): Company {
  return stripUndefined({
    ...kboNames(e.denominations, e.establishmentNumber, today),
    address: kboAddress(e.addresses, today),
    status: 'unknown',
    startDate: kboDate(e.dateStart),
    kboNumber: e.enterpriseNumber,
    establishmentNumber: e.establishmentNumber,
    links: [kboLink(e.enterpriseNumber)],
  });
}

/** The activity group whose main activity is the main one when groups disagree: the VAT activities. */
const VAT_GROUP = 'BTW001';

/**
 * NACE activities of the newest NACE version listed only (2025 where present, else 2008; 2003 only when it is all
 * there is), each code once, with one main activity: the VAT group's main activity, else the first one marked main.
 * kbodata lists each activity per activity group and per version, each with its own main flag.
 */
export function kboActivities(list: KboActivity[]): Activity[] {
  const version = (a: KboActivity) => Number(a.naceVersion ?? 0);
  const newest = Math.max(...list.map(version));
  const rows = list.filter((a) => version(a) === newest);
  const mains = rows.filter((a) => a.classification === 'MAIN');
  const main = mains.find((a) => a.activityGroup === VAT_GROUP) ?? mains[0];
  const activities: Activity[] = [];
  for (const a of rows) {
    if (activities.some((b) => b.code === a.naceCode)) continue;
    const isMain = a.naceCode === main?.naceCode;
    activities.push({ scheme: 'nace', code: a.naceCode, description: a.naceDescription ?? '', main: isMain });
  }
  return activities.sort((a, b) => Number(b.main) - Number(a.main));
}

/** Enterprise + activities → the paid profile. */
export function enterpriseToProfile(e: KboEnterprise, activities: KboActivity[], today: string): Profile {
  const acts = kboActivities(activities);
  const company = {
    ...enterpriseToCompany(e, today),
    ...(acts.find((a) => a.main) ? { mainActivity: acts.find((a) => a.main) } : {}),
  };
  const establishments: Establishment[] = (e.establishments ?? []).map((x) =>
    stripUndefined({
      number: x.establishmentNumber,
      name: x.denominations?.[0]?.value,
      address: kboAddress(x.addresses, today),
      startDate: kboDate(x.dateStart),
    }),
  );
  return { company, activities: acts, establishments, websites: [] };
}

/** Establishment + its activities → the paid profile. */
export function establishmentToProfile(e: KboEstablishment, activities: KboActivity[], today: string): Profile {
  const acts = kboActivities(activities);
  const company = {
    ...establishmentToCompany(e, today),
    ...(acts.find((a) => a.main) ? { mainActivity: acts.find((a) => a.main) } : {}),
  };
  const self: Establishment = stripUndefined({
    number: e.establishmentNumber,
    name: company.name,
    address: company.address,
    startDate: company.startDate,
  });
  return { company, activities: acts, establishments: [self], websites: [] };
}

/** Denomination search hits → search results (one per entity). */
export function denominationsToResults(hits: KboDenominationHit[]): SearchResult[] {
  const seen = new Set<string>();
  const results: SearchResult[] = [];
  for (const h of hits) {
    if (seen.has(h.entityNumber)) continue;
    seen.add(h.entityNumber);
    const establishment = h.entityType === 'establishment';
    results.push({
      source: 'kbodata',
      name: h.value,
      kind: establishment ? 'kbo-establishment' : 'kbo',
      number: h.entityNumber,
      type: establishment ? 'establishment' : 'enterprise',
    });
  }
  return results;
}
