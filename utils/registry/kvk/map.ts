// KVK answers → our domain types.
import type { Activity, Address, Company, Establishment, Profile, SearchResult } from '../domain';
import { kvkLink } from '../../company-links';
import type { Basisprofiel, KvkAddress, Vestiging, Zoeken, ZoekenItem } from './schema';

/** A KVK date `YYYYMMDD` (unknown parts 0) as ISO: `2017-04-10`, `2017-04` or `2017`; undefined when unknown. */
export function kvkDate(value: string | undefined): string | undefined {
  const m = value?.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!m || m[1] === '0000') return undefined;
  if (m[2] === '00') return m[1];
  if (m[3] === '00') return `${m[1]}-${m[2]}`;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** A house number as KVK writes it in `volledigAdres`: number, letter and addition apart (`17 M`, `3 A`). */
const joinNumber = (nr?: string, letter?: string, addition?: string) =>
  [nr, letter, addition].filter(Boolean).join(' ');

/**
 * KVK's `volledigAdres` on one line: it pads between street and postcode with a run of spaces (25 or 33 in the
 * profiles), which becomes our ", ".
 */
export const volledigAdresLine = (value: string): string => value.trim().replace(/\s{2,}/g, ', ');

function zoekenAddress(item: ZoekenItem): Address | undefined {
  const nl = item.adres?.binnenlandsAdres;
  if (nl) {
    const street = nl.postbusnummer ? `Postbus ${nl.postbusnummer}` : nl.straatnaam;
    const houseNumber = nl.postbusnummer ? undefined : joinNumber(nl.huisnummer, nl.huisletter) || undefined;
    const first = [street, houseNumber].filter(Boolean).join(' ');
    const second = [nl.postcode, nl.plaats].filter(Boolean).join(' ');
    const line = [first, second].filter(Boolean).join(', ');
    if (!line) return undefined;
    return { street, houseNumber, postalCode: nl.postcode, city: nl.plaats, line };
  }
  const abroad = item.adres?.buitenlandsAdres;
  if (abroad) {
    const line = [abroad.straatHuisnummer, abroad.postcodeWoonplaats, abroad.land].filter(Boolean).join(', ');
    return line ? { street: abroad.straatHuisnummer, country: abroad.land, line } : undefined;
  }
  return undefined;
}

/** A KVK address (profiles) as ours; undefined when shielded or empty. */
export function kvkAddress(a: KvkAddress | undefined): Address | undefined {
  if (!a || a.indAfgeschermd) return undefined;
  const street = a.postbusnummer ? `Postbus ${a.postbusnummer}` : a.straatnaam;
  const houseNumber = a.postbusnummer
    ? undefined
    : joinNumber(a.huisnummer, a.huisletter, a.huisnummerToevoeging) || undefined;
  const composed = [[street, houseNumber].filter(Boolean).join(' '), [a.postcode, a.plaats].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const line = composed || (a.volledigAdres ? volledigAdresLine(a.volledigAdres) : '');
  if (!line) return undefined;
  return {
    street,
    houseNumber,
    postalCode: a.postcode,
    city: a.plaats,
    country: a.land && a.land !== 'Nederland' ? a.land : undefined,
    line,
  };
}

const ORDER: Record<string, number> = { hoofdvestiging: 0, rechtspersoon: 1, nevenvestiging: 2 };

/** The Zoeken result that best represents the registration: active first, then main branch, legal person, branch. */
export function pickResult(results: ZoekenItem[]): ZoekenItem | undefined {
  return [...results].sort(
    (a, b) => Number(a.actief === false) - Number(b.actief === false) || (ORDER[a.type] ?? 3) - (ORDER[b.type] ?? 3),
  )[0];
}

/**
 * Zoeken's answer for one number → the card's company: named after the legal person when there is one (BV, NV,
 * stichting…), else after the main branch; address and branch number from the best branch.
 */
export function zoekenToCompany(answer: Zoeken): Company | undefined {
  const best = pickResult(answer.resultaten);
  if (!best) return undefined;
  const legal = answer.resultaten.find((r) => r.type === 'rechtspersoon');
  const branch = pickResult(answer.resultaten.filter((r) => r.vestigingsnummer));
  const named = legal ?? best;
  const known = answer.resultaten.filter((r) => r.actief !== undefined);
  const status = known.length === 0 ? 'unknown' : known.some((r) => r.actief) ? 'active' : 'inactive';
  const tradeNames = [...new Set(answer.resultaten.map((r) => r.naam))].filter((n) => n !== named.naam);
  const rsin = answer.resultaten.find((r) => r.rsin)?.rsin;
  const address = (branch && zoekenAddress(branch)) ?? answer.resultaten.map(zoekenAddress).find(Boolean);
  return {
    name: named.naam,
    tradeNames,
    ...(address ? { address: stripUndefined(address) } : {}),
    status,
    kvkNumber: best.kvkNummer,
    ...(branch?.vestigingsnummer ? { branchNumber: branch.vestigingsnummer } : {}),
    ...(rsin ? { rsin } : {}),
    links: [kvkLink(best.kvkNummer)],
  };
}

/** Zoeken's answer to a name search → search results. */
export function zoekenToResults(answer: Zoeken): SearchResult[] {
  return answer.resultaten.map((r) => ({
    source: 'kvk',
    name: r.naam,
    kind: r.vestigingsnummer ? 'kvk-branch' : 'kvk',
    number: r.vestigingsnummer ?? r.kvkNummer,
    type: r.type === 'hoofdvestiging' ? 'main' : r.type === 'nevenvestiging' ? 'branch' : 'legal-entity',
    ...(zoekenAddress(r)?.city ? { city: zoekenAddress(r)!.city } : {}),
    ...(r.actief !== undefined ? { active: r.actief } : {}),
  }));
}

function activities(list: Vestiging['sbiActiviteiten']): Activity[] {
  return (list ?? []).map((a) => ({
    scheme: 'sbi',
    code: a.sbiCode,
    description: a.sbiOmschrijving,
    main: a.indHoofdactiviteit ?? false,
  }));
}

const visiting = (adressen: KvkAddress[] | undefined) =>
  kvkAddress(adressen?.find((a) => a.type === 'bezoekadres') ?? adressen?.[0]);

function establishment(v: Vestiging): Establishment {
  return {
    number: v.vestigingsnummer,
    ...(v.eersteHandelsnaam ? { name: v.eersteHandelsnaam } : {}),
    ...(visiting(v.adressen) ? { address: visiting(v.adressen) } : {}),
    ...(kvkDate(v.materieleRegistratie?.datumAanvang)
      ? { startDate: kvkDate(v.materieleRegistratie?.datumAanvang) }
      : {}),
    ...(v.indHoofdvestiging !== undefined ? { main: v.indHoofdvestiging } : {}),
  };
}

/** Basisprofiel → the paid profile. */
export function basisprofielToProfile(p: Basisprofiel): Profile {
  const main = p._embedded?.hoofdvestiging;
  const owner = p._embedded?.eigenaar;
  const acts = activities(p.sbiActiviteiten ?? main?.sbiActiviteiten);
  const name = p.statutaireNaam ?? p.naam;
  const rsin = owner?.rsin;
  const company: Company = {
    name,
    tradeNames: [...new Set((p.handelsnamen ?? []).map((h) => h.naam))].filter((n) => n !== name),
    legalForm: owner?.uitgebreideRechtsvorm ?? owner?.rechtsvorm,
    address: visiting(main?.adressen) ?? visiting(owner?.adressen),
    status: p.materieleRegistratie?.datumEinde ? 'inactive' : 'active',
    startDate: kvkDate(p.materieleRegistratie?.datumAanvang) ?? kvkDate(p.formeleRegistratiedatum),
    mainActivity: acts.find((a) => a.main),
    kvkNumber: p.kvkNummer,
    ...(main ? { branchNumber: main.vestigingsnummer } : {}),
    ...(rsin ? { rsin } : {}),
    links: [kvkLink(p.kvkNummer)],
  };
  return {
    company: stripUndefined(company),
    activities: acts,
    establishments: main ? [establishment(main)] : [],
    ...(p.totaalWerkzamePersonen !== undefined ? { employees: p.totaalWerkzamePersonen } : {}),
    websites: [...new Set([...(owner?.websites ?? []), ...(main?.websites ?? [])])],
  };
}

/** Vestigingsprofiel → the paid profile of one establishment. */
export function vestigingsprofielToProfile(v: Vestiging): Profile {
  const acts = activities(v.sbiActiviteiten);
  const company: Company = {
    name: v.eersteHandelsnaam ?? v.vestigingsnummer,
    tradeNames: [...new Set((v.handelsnamen ?? []).map((h) => h.naam))].filter((n) => n !== v.eersteHandelsnaam),
    address: visiting(v.adressen),
    status: v.materieleRegistratie?.datumEinde ? 'inactive' : 'active',
    startDate: kvkDate(v.materieleRegistratie?.datumAanvang),
    mainActivity: acts.find((a) => a.main),
    ...(v.kvkNummer ? { kvkNumber: v.kvkNummer } : {}),
    branchNumber: v.vestigingsnummer,
    ...(v.rsin ? { rsin: v.rsin } : {}),
    links: [kvkLink(v.kvkNummer ?? v.vestigingsnummer)],
  };
  return {
    company: stripUndefined(company),
    activities: acts,
    establishments: [establishment(v)],
    ...(v.totaalWerkzamePersonen !== undefined ? { employees: v.totaalWerkzamePersonen } : {}),
    websites: v.websites ?? [],
  };
}

/** Drops keys whose value is undefined (stored objects stay small and compare cleanly). */
export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
