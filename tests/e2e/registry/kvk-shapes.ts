import type { FixtureReply } from '../support/registry-server';
import type { KvkErrorShape, KvkLinkShape, NlActivity, NlAddress, NlBranch, NlCompany } from './catalogue-types';
import { json } from './http';

// Building blocks of KVK answers: links in both documented shapes, errors in both wrappers, addresses, activities.

/** The HTTP status KVK documents for each error code. */
export const KVK_ERROR_STATUS = {
  IPD0004: 400,
  IPD0005: 404,
  IPD0006: 400,
  IPD0007: 404,
  IPD0010: 400,
  IPD1002: 404,
  IPD1003: 404,
  IPD1998: 400,
  IPD1999: 400,
  IPD5200: 404,
  IPD9999: 500,
} as const;

/** A documented KVK error code. */
export type KvkErrorCode = keyof typeof KVK_ERROR_STATUS;

const KVK_ERROR_TEXT: Record<KvkErrorCode, string> = {
  IPD0004: 'Het KVK-nummer is niet valide',
  IPD0005: 'Het product is niet leverbaar voor dit KVK-nummer',
  IPD0006: 'Het vestigingsnummer is niet valide',
  IPD0007: 'Het product is niet leverbaar voor dit vestigingsnummer',
  IPD0010: 'Het RSIN is niet valide',
  IPD1002: 'Het product is tijdelijk niet leverbaar, probeer het over 5 minuten opnieuw',
  IPD1003: 'De gegevens zijn tijdelijk niet beschikbaar, probeer het over 5 minuten opnieuw',
  IPD1998: 'Er is een fout opgetreden in de parameters van de aanvraag',
  IPD1999: 'Er is een onbekende of ongeldige parameter opgegeven',
  IPD5200: 'Geen resultaten gevonden',
  IPD9999: 'Er is een technische fout opgetreden',
};

/** What the handlers may force for every KVK answer (the `kvkShapes` knob); otherwise each company's own shapes. */
export interface KvkShapeOptions {
  links?: KvkLinkShape;
  errors?: KvkErrorShape;
}

/** A KVK error reply: status from the documented table unless given, body in the given wrapper. */
export function kvkErrorReply(
  code: KvkErrorCode | string,
  shape: KvkErrorShape = 'fout',
  status?: number,
  omschrijving?: string,
): FixtureReply {
  const known = code in KVK_ERROR_STATUS ? (code as KvkErrorCode) : undefined;
  const fout = [{ code, omschrijving: omschrijving ?? (known ? KVK_ERROR_TEXT[known] : 'Er is een fout opgetreden') }];
  const body = shape === 'meldingen' ? { meldingen: { fout } } : { fout };
  return json(status ?? (known ? KVK_ERROR_STATUS[known] : 400), body);
}

/** Links as KVK writes them: `{ _links: { rel: { href } } }` or `{ links: [{ rel, href }] }`. */
export function kvkLinks(shape: KvkLinkShape, links: Record<string, string | undefined>): object {
  const present = Object.entries(links).filter((e): e is [string, string] => e[1] !== undefined);
  if (shape === 'array') return { links: present.map(([rel, href]) => ({ rel, href })) };
  return { _links: Object.fromEntries(present.map(([rel, href]) => [rel, { href }])) };
}

const jaNee = (b: boolean | undefined): 'Ja' | 'Nee' => (b ? 'Ja' : 'Nee');

/** An SBI activity in KVK's words. */
export function kvkActivity(a: NlActivity): object {
  return { sbiCode: a.sbiCode, sbiOmschrijving: a.sbiOmschrijving, indHoofdactiviteit: jaNee(a.hoofdactiviteit) };
}

/** One line for an address, as in `volledigAdres`. */
export function fullAddress(a: NlAddress): string | undefined {
  if (a.kind === 'foreign') return `${a.straatHuisnummer} ${a.postcodeWoonplaats} ${a.land}`;
  if (a.afgeschermd) return undefined;
  const number = [
    a.huisnummer,
    a.huisletter ? ` ${a.huisletter}` : '',
    a.huisnummerToevoeging ? `-${a.huisnummerToevoeging}` : '',
  ].join('');
  const street = a.postbusnummer !== undefined ? `Postbus ${a.postbusnummer}` : `${a.straatnaam} ${number}`;
  return [street, a.postcode, a.plaats].filter(Boolean).join(' ');
}

/** An address as the profile APIs return it (`geoData` only when asked for). */
export function kvkProfileAddress(a: NlAddress, withGeo: boolean): object {
  if (a.kind === 'foreign') {
    const { type, straatHuisnummer, postcodeWoonplaats, land } = a;
    return { type, indAfgeschermd: 'Nee', volledigAdres: fullAddress(a), straatHuisnummer, postcodeWoonplaats, land };
  }
  if (a.afgeschermd) return { type: a.type, indAfgeschermd: 'Ja', plaats: a.plaats, land: 'Nederland' };
  const { type, straatnaam, huisnummer, huisletter, huisnummerToevoeging, postbusnummer, postcode, plaats, geo } = a;
  return {
    type,
    indAfgeschermd: 'Nee',
    volledigAdres: fullAddress(a),
    straatnaam,
    huisnummer,
    huisletter,
    huisnummerToevoeging,
    postbusnummer,
    postcode,
    plaats,
    land: 'Nederland',
    ...(withGeo && geo
      ? {
          geoData: {
            addresseerbaarObjectId: `0${huisnummer ?? 0}00010000${postcode?.slice(0, 4) ?? '0000'}`,
            nummerAanduidingId: `0${huisnummer ?? 0}00020000${postcode?.slice(0, 4) ?? '0000'}`,
            gpsLatitude: geo.lat,
            gpsLongitude: geo.lon,
          },
        }
      : {}),
  };
}

/** Trade names as `[{ naam, volgorde }]`. */
export function kvkTradeNames(names: string[]): object[] {
  return names.map((naam, volgorde) => ({ naam, volgorde }));
}

/** A branch as Vestigingsprofiel and `_embedded.hoofdvestiging` show it; a bankrupt company's shows no location data. */
export function kvkBranchProfile(
  company: NlCompany,
  branch: NlBranch,
  links: KvkLinkShape,
  base: string,
  withGeo: boolean,
): object {
  const hidden = company.bankrupt === true;
  return {
    vestigingsnummer: branch.vestigingsnummer,
    kvkNummer: company.kvkNummer,
    rsin: company.rsin,
    indNonMailing: jaNee(company.indNonMailing),
    formeleRegistratiedatum: branch.startdatum,
    materieleRegistratie: { datumAanvang: branch.startdatum, datumEinde: branch.einddatum ?? company.datumEinde },
    statutaireNaam: company.statutaireNaam,
    eersteHandelsnaam: branch.eersteHandelsnaam,
    indHoofdvestiging: jaNee(branch.hoofdvestiging),
    indCommercieleVestiging: jaNee(branch.commercieel),
    voltijdWerkzamePersonen: branch.voltijd,
    deeltijdWerkzamePersonen: branch.deeltijd,
    totaalWerkzamePersonen:
      branch.voltijd === undefined && branch.deeltijd === undefined
        ? undefined
        : (branch.voltijd ?? 0) + (branch.deeltijd ?? 0),
    handelsnamen: kvkTradeNames(branch.handelsnamen),
    adressen: hidden ? undefined : branch.adressen.map((a) => kvkProfileAddress(a, withGeo)),
    websites: hidden ? undefined : branch.websites,
    sbiActiviteiten: hidden || branch.sbi.length === 0 ? undefined : branch.sbi.map(kvkActivity),
    ...kvkLinks(links, {
      self: `${base}/v1/vestigingsprofielen/${branch.vestigingsnummer}`,
      basisprofiel: `${base}/v1/basisprofielen/${company.kvkNummer}`,
    }),
  };
}
