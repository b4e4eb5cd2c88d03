import type { FixtureReply, FixtureRequest } from '../support/registry-server';
import type { NlBranch, NlCompany } from './catalogue-types';
import { json, queryNames } from './http';
import {
  fullAddress,
  kvkActivity,
  kvkBranchProfile,
  kvkErrorReply,
  kvkLinks,
  kvkProfileAddress,
  kvkTradeNames,
  type KvkShapeOptions,
} from './kvk-shapes';

// The paid KVK profile APIs over the catalogue: Basisprofiel (+ /hoofdvestiging, /vestigingen, /eigenaar),
// Vestigingsprofiel and Naamgeving. `path` is the part after the API base, e.g. `/v1/basisprofielen/68750110`.

const jaNee = (b: boolean): 'Ja' | 'Nee' => (b ? 'Ja' : 'Nee');

function eigenaar(c: NlCompany, links: 'map' | 'array', base: string): object {
  const legalPerson = c.rsin !== undefined;
  const main = c.branches.find((b) => b.hoofdvestiging);
  return {
    rsin: c.rsin,
    rechtsvorm: c.rechtsvorm,
    uitgebreideRechtsvorm: c.uitgebreideRechtsvorm,
    adressen: legalPerson && !c.bankrupt && main ? main.adressen.map((a) => kvkProfileAddress(a, false)) : undefined,
    websites: legalPerson ? c.websites : undefined,
    ...kvkLinks(links, {
      self: `${base}/v1/basisprofielen/${c.kvkNummer}/eigenaar`,
      basisprofiel: `${base}/v1/basisprofielen/${c.kvkNummer}`,
    }),
  };
}

/** The hoofdvestiging a Basisprofiel embeds: none for a bankrupt company (its branches are inactive). */
function deliverableMain(c: NlCompany): NlBranch | undefined {
  return c.bankrupt ? undefined : c.branches.find((b) => b.hoofdvestiging);
}

function basisprofiel(c: NlCompany, links: 'map' | 'array', base: string, geo: boolean): object {
  const main = deliverableMain(c);
  const self = `${base}/v1/basisprofielen/${c.kvkNummer}`;
  return {
    kvkNummer: c.kvkNummer,
    indNonMailing: jaNee(c.indNonMailing),
    naam: c.naam,
    formeleRegistratiedatum: c.formeleRegistratiedatum,
    materieleRegistratie: { datumAanvang: c.datumAanvang, datumEinde: c.datumEinde },
    totaalWerkzamePersonen: c.totaalWerkzamePersonen,
    statutaireNaam: c.statutaireNaam,
    handelsnamen: kvkTradeNames(c.handelsnamen),
    sbiActiviteiten: c.sbi.length ? c.sbi.map(kvkActivity) : undefined,
    ...kvkLinks(links, {
      self,
      hoofdvestiging: main ? `${self}/hoofdvestiging` : undefined,
      vestigingen: `${self}/vestigingen`,
      eigenaar: `${self}/eigenaar`,
    }),
    _embedded: {
      hoofdvestiging: main ? kvkBranchProfile(c, main, links, base, geo) : undefined,
      eigenaar: eigenaar(c, links, base),
    },
  };
}

function vestigingen(c: NlCompany, links: 'map' | 'array', base: string): object {
  const current = c.datumEinde || c.bankrupt ? [] : c.branches.filter((b) => b.active);
  const commercial = current.filter((b) => b.commercieel).length;
  return {
    kvkNummer: c.kvkNummer,
    aantalCommercieleVestigingen: commercial,
    aantalNietCommercieleVestigingen: current.length - commercial,
    totaalAantalVestigingen: current.length,
    vestigingen: current.map((b) => {
      const a = b.adressen.find((x) => x.type === 'bezoekadres') ?? b.adressen[0];
      return {
        vestigingsnummer: b.vestigingsnummer,
        eersteHandelsnaam: b.eersteHandelsnaam,
        indHoofdvestiging: jaNee(b.hoofdvestiging),
        indAdresAfgeschermd: jaNee(a?.kind === 'domestic' && a.afgeschermd === true),
        indCommercieleVestiging: jaNee(b.commercieel),
        volledigAdres: a ? fullAddress(a) : undefined,
        ...kvkLinks(links, { vestigingsprofiel: `${base}/v1/vestigingsprofielen/${b.vestigingsnummer}` }),
      };
    }),
    ...kvkLinks(links, { self: `${base}/v1/basisprofielen/${c.kvkNummer}/vestigingen` }),
  };
}

function naamgeving(c: NlCompany, links: 'map' | 'array', base: string): object {
  return {
    kvkNummer: c.kvkNummer,
    rsin: c.rsin,
    statutaireNaam: c.statutaireNaam,
    naam: c.naam,
    startdatum: c.datumAanvang,
    einddatum: c.datumEinde,
    vestigingen: c.branches
      .filter((b) => b.active || c.datumEinde)
      .map((b) => ({
        vestigingsnummer: b.vestigingsnummer,
        eersteHandelsnaam: b.eersteHandelsnaam,
        handelsnamen: kvkTradeNames(b.handelsnamen),
      })),
    ...kvkLinks(links, {
      self: `${base}/v1/naamgevingen/kvknummer/${c.kvkNummer}`,
      basisprofiel: `${base}/v1/basisprofielen/${c.kvkNummer}`,
    }),
  };
}

/** Answers a profile path, or returns undefined when `path` is not one of them. */
export function kvkProfile(
  req: FixtureRequest,
  path: string,
  companies: readonly NlCompany[],
  base: string,
  forced: KvkShapeOptions,
): FixtureReply | undefined {
  const byKvk =
    /^\/v1\/(basisprofielen|naamgevingen\/kvknummer)\/([^/]+)(\/hoofdvestiging|\/vestigingen|\/eigenaar)?$/.exec(path);
  const byBranch = /^\/v1\/vestigingsprofielen\/([^/]+)$/.exec(path);
  if (!byKvk && !byBranch) return undefined;
  if (byKvk?.[1] === 'naamgevingen/kvknummer' && byKvk[3]) return undefined;

  const allowed = byKvk?.[1] === 'basisprofielen' && byKvk[3] !== '/vestigingen' && byKvk[3] !== '/eigenaar';
  const geoAllowed = allowed || byBranch !== null;
  const unknown = queryNames(req).find((n) => !(geoAllowed && n === 'geoData'));
  const geo = req.url.searchParams.get('geoData') === 'true';

  if (byBranch) {
    const nr = byBranch[1]!;
    const company = companies.find((c) => c.branches.some((b) => b.vestigingsnummer === nr));
    const errors = forced.errors ?? company?.errors ?? 'fout';
    if (unknown) return kvkErrorReply('IPD1999', errors, undefined, `Parameter ${unknown} is onbekend`);
    if (!/^\d{12}$/.test(nr)) return kvkErrorReply('IPD0006', errors);
    if (!company) return kvkErrorReply('IPD0007', errors);
    const branch = company.branches.find((b) => b.vestigingsnummer === nr)!;
    return json(200, kvkBranchProfile(company, branch, forced.links ?? company.links, base, geo));
  }

  const [, kind, kvk, sub] = byKvk!;
  const company = companies.find((c) => c.kvkNummer === kvk);
  const errors = forced.errors ?? company?.errors ?? 'fout';
  if (unknown) return kvkErrorReply('IPD1999', errors, undefined, `Parameter ${unknown} is onbekend`);
  if (!/^\d{8}$/.test(kvk!)) return kvkErrorReply('IPD0004', errors);
  if (!company) return kvkErrorReply('IPD0005', errors);
  const links = forced.links ?? company.links;
  if (kind === 'naamgevingen/kvknummer') return json(200, naamgeving(company, links, base));
  if (sub === '/vestigingen') return json(200, vestigingen(company, links, base));
  if (sub === '/eigenaar') return json(200, eigenaar(company, links, base));
  if (sub === '/hoofdvestiging') {
    const main = deliverableMain(company);
    if (!main) return kvkErrorReply('IPD0005', errors);
    return json(200, kvkBranchProfile(company, main, links, base, geo));
  }
  return json(200, basisprofiel(company, links, base, geo));
}
