import type { FixtureReply, FixtureRequest } from '../support/registry-server';
import type { KvkErrorShape, NlAddress, NlBranch, NlCompany } from './catalogue-types';
import { foldCase, json, queryNames } from './http';
import { kvkErrorReply, kvkLinks, type KvkShapeOptions } from './kvk-shapes';

// KVK Handelsregister Zoeken v2 over the catalogue: strict full-name match, AND of all criteria, inactive
// registrations hidden by default, postcode and house number shown only when searched for (as the KVK FAQ says).

const PARAMETERS = new Set([
  'kvkNummer',
  'rsin',
  'vestigingsnummer',
  'naam',
  'straatnaam',
  'plaats',
  'postcode',
  'huisnummer',
  'huisletter',
  'postbusnummer',
  'type',
  'inclusiefInactieveRegistraties',
  'pagina',
  'resultatenPerPagina',
]);
const CRITERIA = ['kvkNummer', 'rsin', 'vestigingsnummer', 'naam', 'straatnaam', 'plaats', 'postcode', 'huisnummer'];
const TYPES = new Set(['hoofdvestiging', 'nevenvestiging', 'rechtspersoon']);

interface Item {
  company: NlCompany;
  branch?: NlBranch;
  type: 'hoofdvestiging' | 'nevenvestiging' | 'rechtspersoon';
  active: boolean;
  vervallenNaam?: string;
}

function itemsOf(company: NlCompany): Item[] {
  const ended = company.datumEinde !== undefined;
  const items: Item[] = company.branches.map((branch) => ({
    company,
    branch,
    type: branch.hoofdvestiging ? 'hoofdvestiging' : 'nevenvestiging',
    active: branch.active && !ended,
  }));
  if (company.rsin) items.push({ company, type: 'rechtspersoon', active: !ended });
  return items;
}

const mainAddress = (branch: NlBranch | undefined): NlAddress | undefined =>
  branch?.adressen.find((a) => a.type === 'bezoekadres') ?? branch?.adressen[0];

function namesOf(item: Item): string[] {
  if (item.branch) return [item.branch.eersteHandelsnaam, ...item.branch.handelsnamen];
  return [item.company.naam, item.company.statutaireNaam ?? item.company.naam];
}

/** Applies one name criterion; a match on a former name marks the item with `vervallenNaam`. */
function matchName(item: Item, naam: string): Item | undefined {
  const wanted = foldCase(naam);
  if (namesOf(item).some((n) => foldCase(n) === wanted)) return item;
  const former = item.type !== 'nevenvestiging' && item.company.vervallenNamen?.find((n) => foldCase(n) === wanted);
  return former ? { ...item, vervallenNaam: former } : undefined;
}

function matchAddress(item: Item, q: URLSearchParams): boolean {
  const a = mainAddress(item.branch);
  if (!a || a.kind !== 'domestic' || a.afgeschermd) return false;
  const eq = (x: string | number | undefined, y: string | null) =>
    y === null || foldCase(String(x ?? '')) === foldCase(y);
  const postcode = q.get('postcode')?.replace(/\s/g, '').toUpperCase() ?? null;
  return (
    eq(a.straatnaam, q.get('straatnaam')) &&
    eq(a.plaats, q.get('plaats')) &&
    eq(a.postcode, postcode) &&
    eq(a.huisnummer, q.get('huisnummer')) &&
    eq(a.huisletter, q.get('huisletter')) &&
    eq(a.postbusnummer, q.get('postbusnummer'))
  );
}

type Checked = { error: FixtureReply } | { page: number; perPage: number; inactive: boolean; types: string[] };

function checkParameters(q: URLSearchParams, names: string[], shape: KvkErrorShape): Checked {
  const fail = (code: string, text?: string) => ({ error: kvkErrorReply(code, shape, undefined, text) });
  const unknown = names.find((n) => !PARAMETERS.has(n));
  if (unknown) return fail('IPD1999', `Parameter ${unknown} is onbekend`);
  const v = (n: string) => q.get(n);
  if (v('kvkNummer') !== null && !/^\d{8}$/.test(v('kvkNummer')!)) return fail('IPD0004');
  if (v('rsin') !== null && !/^\d{9}$/.test(v('rsin')!)) return fail('IPD0010');
  if (v('vestigingsnummer') !== null && !/^\d{12}$/.test(v('vestigingsnummer')!)) return fail('IPD0006');
  if (v('postcode') !== null && !/^\d{4} ?[A-Za-z]{2}$/.test(v('postcode')!))
    return fail('IPD1999', 'Ongeldige postcode');
  if (v('postcode') !== null && v('huisnummer') === null && v('postbusnummer') === null)
    return fail('IPD1998', 'Postcode alleen in combinatie met huisnummer of postbusnummer');
  for (const n of ['huisnummer', 'postbusnummer'])
    if (v(n) !== null && !/^\d{1,6}$/.test(v(n)!)) return fail('IPD1999', `Ongeldige waarde voor ${n}`);
  const types = q.getAll('type');
  if (types.some((t) => !TYPES.has(t))) return fail('IPD1999', 'Ongeldige waarde voor type');
  const inactive = v('inclusiefInactieveRegistraties');
  if (inactive !== null && inactive !== 'true' && inactive !== 'false')
    return fail('IPD1999', 'Ongeldige waarde voor inclusiefInactieveRegistraties');
  const page = Number(v('pagina') ?? 1);
  const perPage = Number(v('resultatenPerPagina') ?? 10);
  if (!Number.isInteger(page) || page < 1 || page > 1000) return fail('IPD1999', 'Ongeldige waarde voor pagina');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
    return fail('IPD1999', 'Ongeldige waarde voor resultatenPerPagina');
  if (!CRITERIA.some((n) => v(n) !== null) && v('postbusnummer') === null)
    return fail('IPD1998', 'Geef minstens één zoekcriterium op');
  return { page, perPage, inactive: inactive === 'true', types };
}

function resultItem(
  item: Item,
  q: URLSearchParams,
  base: string,
  forced: KvkShapeOptions,
  withActief: boolean,
): object {
  const a = mainAddress(item.branch);
  const searchedNumber = q.has('postcode') || q.has('huisnummer') || q.has('postbusnummer');
  let adres: object | undefined;
  if (a?.kind === 'foreign') {
    const { type, straatHuisnummer, postcodeWoonplaats, land } = a;
    adres = { buitenlandsAdres: { type, straatHuisnummer, postcodeWoonplaats, land } };
  } else if (a) {
    const shown = !a.afgeschermd;
    adres = {
      binnenlandsAdres: {
        type: a.type,
        straatnaam: shown ? a.straatnaam : undefined,
        huisnummer: shown && searchedNumber ? a.huisnummer : undefined,
        huisletter: shown && searchedNumber ? a.huisletter : undefined,
        postbusnummer: shown && searchedNumber ? a.postbusnummer : undefined,
        postcode: shown && searchedNumber ? a.postcode : undefined,
        plaats: a.plaats,
      },
    };
  }
  const { company, branch } = item;
  return {
    kvkNummer: company.kvkNummer,
    rsin: q.has('rsin') ? company.rsin : undefined,
    vestigingsnummer: branch?.vestigingsnummer,
    naam: branch ? branch.eersteHandelsnaam : (company.statutaireNaam ?? company.naam),
    adres,
    type: item.type,
    actief: withActief ? (item.active ? 'Ja' : 'Nee') : undefined,
    vervallenNaam: item.vervallenNaam,
    ...kvkLinks(forced.links ?? company.links, {
      basisprofiel: `${base}/v1/basisprofielen/${company.kvkNummer}`,
      vestigingsprofiel: branch ? `${base}/v1/vestigingsprofielen/${branch.vestigingsnummer}` : undefined,
    }),
  };
}

/** Answers `GET {base}/v2/zoeken` for the catalogue; `base` is the full API base (`https://api.kvk.nl/test/api`). */
export function kvkZoeken(
  req: FixtureRequest,
  companies: readonly NlCompany[],
  base: string,
  forced: KvkShapeOptions,
): FixtureReply {
  const q = req.url.searchParams;
  const target = companies.find(
    (c) =>
      c.kvkNummer === q.get('kvkNummer') ||
      (c.rsin !== undefined && c.rsin === q.get('rsin')) ||
      c.branches.some((b) => b.vestigingsnummer === q.get('vestigingsnummer')),
  );
  const errorShape = forced.errors ?? target?.errors ?? 'fout';
  const checked = checkParameters(q, queryNames(req), errorShape);
  if ('error' in checked) return checked.error;

  let items = companies.flatMap(itemsOf);
  const kvk = q.get('kvkNummer');
  const rsin = q.get('rsin');
  const vestiging = q.get('vestigingsnummer');
  const naam = q.get('naam');
  if (kvk !== null) items = items.filter((i) => i.company.kvkNummer === kvk);
  if (rsin !== null) items = items.filter((i) => i.company.rsin === rsin);
  if (vestiging !== null) items = items.filter((i) => i.branch?.vestigingsnummer === vestiging);
  if (naam !== null) items = items.flatMap((i) => matchName(i, naam) ?? []);
  if (['straatnaam', 'plaats', 'postcode', 'huisnummer', 'huisletter', 'postbusnummer'].some((n) => q.has(n)))
    items = items.filter((i) => matchAddress(i, q));
  if (checked.types.length) items = items.filter((i) => checked.types.includes(i.type));
  if (!checked.inactive) items = items.filter((i) => i.active);
  if (items.length === 0) return kvkErrorReply('IPD5200', errorShape);

  const { page, perPage } = checked;
  const pageUrl = (p: number) => {
    const u = new URL(`${base}/v2/zoeken`);
    for (const [k, v] of q) if (k !== 'pagina') u.searchParams.append(k, v);
    u.searchParams.set('pagina', String(p));
    return u.toString();
  };
  const last = Math.ceil(items.length / perPage);
  const vorige = page > 1 ? pageUrl(Math.min(page - 1, last)) : undefined;
  const volgende = page < last ? pageUrl(page + 1) : undefined;
  const shown = items.slice((page - 1) * perPage, page * perPage);
  const links = forced.links ?? items[0]!.company.links;
  return json(200, {
    pagina: page,
    resultatenPerPagina: perPage,
    totaal: items.length,
    vorige,
    volgende,
    resultaten: shown.map((i) => resultItem(i, q, base, forced, checked.inactive)),
    ...kvkLinks(links, { self: pageUrl(page), vorige, volgende }),
  });
}
