// kbodata.app answers → our domain types.
import type { Activity, Address, Company, CompanyStatus, Establishment, Profile, SearchResult } from '../domain';
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

/** The current address, preferring the registered office (REGO) and addresses without a past revoke date. */
export function kboAddress(list: KboAddress[] | null | undefined, today: string): Address | undefined {
  const current = (list ?? []).filter((a) => !a.dateRevoke || a.dateRevoke > today);
  const pool = current.length ? current : (list ?? []);
  const a = pool.find((x) => x.type === 'REGO' || x.type === '4') ?? pool[0];
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

/** Main name (the first legal name, type 1) and the other names. */
function names(list: KboDenomination[] | null | undefined, fallback: string): { name: string; tradeNames: string[] } {
  const all = list ?? [];
  const main = all.find((d) => d.type === '1') ?? all[0];
  const name = main?.value ?? fallback;
  return { name, tradeNames: [...new Set(all.map((d) => d.value))].filter((n) => n !== name) };
}

/** `enterprise/get.json` → the card's company. */
export function enterpriseToCompany(e: KboEnterprise, today: string): Company {
  const { name, tradeNames } = names(e.denominations, e.enterpriseNumber);
  return stripUndefined({
    name,
    tradeNames,
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
  const { name, tradeNames } = names(e.denominations, e.establishmentNumber);
  return stripUndefined({
    name,
    tradeNames,
    address: kboAddress(e.addresses, today),
    status: 'unknown',
    startDate: kboDate(e.dateStart),
    kboNumber: e.enterpriseNumber,
    establishmentNumber: e.establishmentNumber,
    links: [kboLink(e.enterpriseNumber)],
  });
}

/** NACE activities (newest NACE version first, main activities first). */
export function kboActivities(list: KboActivity[]): Activity[] {
  return [...list]
    .sort((a, b) => Number(b.naceVersion ?? 0) - Number(a.naceVersion ?? 0))
    .map((a): Activity => ({
      scheme: 'nace',
      code: a.naceCode,
      description: a.naceDescription ?? '',
      main: a.classification === 'MAIN',
    }))
    .filter((a, i, all) => all.findIndex((b) => b.code === a.code) === i)
    .sort((a, b) => Number(b.main) - Number(a.main));
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
