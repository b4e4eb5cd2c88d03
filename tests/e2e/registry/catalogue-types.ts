// Types of the fixture registry's catalogue (fictional companies written by us). The handlers turn these records into
// answers shaped like each service's; tests refer to entries by name (`NL.bv`, `BE.nv`, `VAT.de`), never by number.

/** KVK dates: `YYYYMMDD` strings, unknown parts as 0 (`20170000`). */
export type KvkDate = string;

/** How a KVK answer for this company writes its links: `_links` map or `links` array (both documented). */
export type KvkLinkShape = 'map' | 'array';

/** How a KVK error about this company is wrapped: `{ fout: [...] }` or the older `{ meldingen: { fout: [...] } }`. */
export type KvkErrorShape = 'fout' | 'meldingen';

/** An address in the Netherlands as KVK holds it. A shielded address (`afgeschermd`) shows only its town. */
export interface NlDomesticAddress {
  kind: 'domestic';
  type: 'bezoekadres' | 'correspondentieadres';
  straatnaam?: string;
  huisnummer?: number;
  huisletter?: string;
  huisnummerToevoeging?: string;
  postbusnummer?: number;
  postcode?: string;
  plaats: string;
  afgeschermd?: boolean;
  geo?: { lat: number; lon: number };
}

/** An address abroad as KVK holds it (`buitenlandsAdres` in Zoeken). */
export interface NlForeignAddress {
  kind: 'foreign';
  type: 'bezoekadres' | 'correspondentieadres';
  straatHuisnummer: string;
  postcodeWoonplaats: string;
  land: string;
}

export type NlAddress = NlDomesticAddress | NlForeignAddress;

/** One SBI activity. */
export interface NlActivity {
  sbiCode: string;
  sbiOmschrijving: string;
  hoofdactiviteit: boolean;
}

/** A vestiging (branch) of a KVK registration. */
export interface NlBranch {
  vestigingsnummer: string;
  eersteHandelsnaam: string;
  handelsnamen: string[];
  hoofdvestiging: boolean;
  commercieel: boolean;
  /** False for a deregistered branch and for every branch of a bankrupt company. */
  active: boolean;
  startdatum: KvkDate;
  einddatum?: KvkDate;
  adressen: NlAddress[];
  sbi: NlActivity[];
  websites?: string[];
  voltijd?: number;
  deeltijd?: number;
}

/** A KVK registration (the company) with its branches; `branches[0]` is the hoofdvestiging when it has one. */
export interface NlCompany {
  kvkNummer: string;
  /** Only legal persons (BV, NV, stichting, coöperatie…) have one; it passes the 11-proef. */
  rsin?: string;
  /** Basisprofiel `naam`: the statutory name of a legal person, the first trade name otherwise. */
  naam: string;
  statutaireNaam?: string;
  /** Former names: a Zoeken `naam` search on one answers with `vervallenNaam`. */
  vervallenNamen?: string[];
  /** All trade names, in order (Basisprofiel `handelsnamen`). */
  handelsnamen: string[];
  rechtsvorm: string;
  uitgebreideRechtsvorm: string;
  formeleRegistratiedatum: KvkDate;
  datumAanvang: KvkDate;
  /** Set when the registration has ended: Zoeken hides it unless `inclusiefInactieveRegistraties=true`. */
  datumEinde?: KvkDate;
  /**
   * Registered as bankrupt. KVK Zoeken and Basisprofiel have no bankruptcy field; what shows is that the branches are
   * inactive and the SBI codes and location data are gone (KVK FAQ). (The open dataset's `insolventieCode` is not served.)
   */
  bankrupt?: boolean;
  sbi: NlActivity[];
  branches: NlBranch[];
  websites?: string[];
  totaalWerkzamePersonen?: number;
  indNonMailing: boolean;
  links: KvkLinkShape;
  errors: KvkErrorShape;
  /** The company's VAT number (a key of `VAT`), if it has one in the catalogue. */
  vat?: string;
}

/** A Belgian address as kbodata.app returns it. */
export interface BeAddress {
  type: 'REGO' | 'BAET' | 'ABBR' | 'OBAD';
  typeDescription: string;
  zipcode: string | null;
  cityNL: string | null;
  cityFR: string | null;
  streetNL: string | null;
  streetFR: string | null;
  addressNumber: string | null;
  addressAdditional: string | null;
  dateRevoke: string | null;
}

/** A denomination: type 1 Maatschappelijke naam, 2 Afkorting, 3 Commerciële naam. */
export interface BeDenomination {
  value: string;
  language: 'NL' | 'FR' | 'DE' | 'EN' | 'unknown';
  type: 1 | 2 | 3;
  typeDescription: string;
}

/** An activity as kbodata.app lists it. */
export interface BeActivity {
  activityGroup: string;
  activityGroupDescription: string;
  naceVersion: number;
  naceCode: string;
  naceDescription: string;
  classification: 'MAIN' | 'SECO' | 'ANCI';
  classificationDescription: string;
}

/** A Belgian establishment unit (10 digits, first digit 2–8, mod-97 checked). */
export interface BeEstablishment {
  establishmentNumber: string;
  enterpriseNumber: string;
  dateStart: string;
  addresses: BeAddress[];
  denominations: BeDenomination[];
  activities: BeActivity[];
}

/** A Belgian enterprise (10 digits, first digit 0 or 1, mod-97 checked). Dates are `YYYY-MM-DD`. */
export interface BeEnterprise {
  enterpriseNumber: string;
  status: string;
  /** 1 natural person, 2 legal person. */
  type: 1 | 2;
  typeDescription: string;
  juridicalSituationCode: string;
  juridicalSituationDescription: string;
  juridicalFormCode: string | null;
  juridicalFormDescription: string | null;
  dateStart: string;
  vatNumber: string | null;
  addresses: BeAddress[];
  establishments: BeEstablishment[];
  denominations: BeDenomination[];
  activities: BeActivity[];
}

/** A VAT number as VIES knows it. `name`/`address` are `---` where the member state does not share them. */
export interface VatEntry {
  countryCode: string;
  /** Without the country prefix, as VIES wants it. */
  vatNumber: string;
  /** VIES says valid (INVALID otherwise, e.g. a deregistered number that still passes its check digits). */
  valid: boolean;
  name: string;
  /** One string with newlines. */
  address: string;
}
