import type { BeActivity, BeAddress, BeEnterprise, BeEstablishment } from './catalogue-types';

// Fictional Belgian enterprises as kbodata.app v1 describes them. Every number passes the mod-97 check.

const rego = (a: Partial<BeAddress>): BeAddress => ({
  type: 'REGO',
  typeDescription: 'Maatschappelijke zetel',
  zipcode: null,
  cityNL: null,
  cityFR: null,
  streetNL: null,
  streetFR: null,
  addressNumber: null,
  addressAdditional: null,
  dateRevoke: null,
  ...a,
});

const baet = (a: Partial<BeAddress>): BeAddress => rego({ type: 'BAET', typeDescription: 'Vestigingseenheid', ...a });

const activity = (naceCode: string, naceDescription: string, main = true, naceVersion = 2008): BeActivity => ({
  activityGroup: 'BTW001',
  activityGroupDescription: 'BTW-activiteiten',
  naceVersion,
  naceCode,
  naceDescription,
  classification: main ? 'MAIN' : 'SECO',
  classificationDescription: main ? 'Hoofdactiviteit' : 'Nevenactiviteit',
});

const normal = { status: '1', juridicalSituationCode: '000', juridicalSituationDescription: 'Normale toestand' };

const brewery: BeEstablishment = {
  establishmentNumber: '2134567845',
  enterpriseNumber: '0765432146',
  dateStart: '2001-05-14',
  addresses: [
    baet({
      zipcode: '9000',
      cityNL: 'Gent',
      cityFR: 'Gand',
      streetNL: 'Korenmarkt',
      streetFR: 'Korenmarkt',
      addressNumber: '7',
      addressAdditional: 'bus 2',
    }),
  ],
  denominations: [
    { value: 'Brouwerij Het Fictieve Hopje', language: 'NL', type: 3, typeDescription: 'Commerciële naam' },
  ],
  activities: [activity('11050', 'Vervaardiging van bier')],
};

const atelier: BeEstablishment = {
  establishmentNumber: '2234567818',
  enterpriseNumber: '0876543270',
  dateStart: '2015-09-01',
  addresses: [
    baet({
      zipcode: '4000',
      cityNL: 'Luik',
      cityFR: 'Liège',
      streetNL: 'Féronstréestraat',
      streetFR: 'Rue Féronstrée',
      addressNumber: '93',
    }),
  ],
  denominations: [],
  activities: [activity('74103', 'Grafische vormgeving')],
};

/** The Belgian catalogue, by role. */
export const BE = {
  /** NV with a registered office in Brussels (street names differ per language) and one establishment in Ghent. */
  nv: {
    ...normal,
    enterpriseNumber: '0765432146',
    type: 2,
    typeDescription: 'Rechtspersoon',
    juridicalFormCode: '014',
    juridicalFormDescription: 'Naamloze vennootschap',
    dateStart: '1998-03-02',
    vatNumber: 'BE0765432146',
    addresses: [
      rego({
        zipcode: '1000',
        cityNL: 'Brussel',
        cityFR: 'Bruxelles',
        streetNL: 'Wetstraat',
        streetFR: 'Rue de la Loi',
        addressNumber: '200',
      }),
    ],
    establishments: [brewery],
    denominations: [
      { value: 'Brouwerijen Fictief', language: 'NL', type: 1, typeDescription: 'Maatschappelijke naam' },
      { value: 'Brasseries Fictives', language: 'FR', type: 1, typeDescription: 'Maatschappelijke naam' },
      { value: 'BF', language: 'unknown', type: 2, typeDescription: 'Afkorting' },
    ],
    activities: [activity('11050', 'Vervaardiging van bier'), activity('46341', 'Groothandel in dranken', false)],
  },
  /** BV (SRL) with a French name with accents and an ampersand; office in Liège. */
  bv: {
    ...normal,
    enterpriseNumber: '0876543270',
    type: 2,
    typeDescription: 'Rechtspersoon',
    juridicalFormCode: '610',
    juridicalFormDescription: 'Besloten vennootschap',
    dateStart: '2015-08-20',
    vatNumber: 'BE0876543270',
    addresses: [
      rego({
        zipcode: '4000',
        cityNL: 'Luik',
        cityFR: 'Liège',
        streetNL: 'Féronstréestraat',
        streetFR: 'Rue Féronstrée',
        addressNumber: '93',
      }),
    ],
    establishments: [atelier],
    denominations: [
      { value: 'Société Lumière & Fils', language: 'FR', type: 1, typeDescription: 'Maatschappelijke naam' },
    ],
    activities: [activity('74103', 'Grafische vormgeving'), activity('74101', 'Industriële vormgeving', false)],
  },
  /** A natural person registered after September 2023: a 1-series number, no legal form, no establishment listed. */
  oneSeries: {
    ...normal,
    enterpriseNumber: '1023456797',
    type: 1,
    typeDescription: 'Natuurlijk persoon',
    juridicalFormCode: null,
    juridicalFormDescription: null,
    dateStart: '2024-02-01',
    vatNumber: 'BE1023456797',
    addresses: [],
    establishments: [],
    denominations: [{ value: 'Atelier Élodie', language: 'FR', type: 3, typeDescription: 'Commerciële naam' }],
    activities: [activity('96021', 'Haarverzorging')],
  },
  /** A stopped enterprise (juridical situation "Stopzetting"), no VAT number, an address revoked in the past. */
  stopped: {
    status: '1',
    juridicalSituationCode: '012',
    juridicalSituationDescription: 'Ontbinding door de rechter of van rechtswege',
    enterpriseNumber: '0654321022',
    type: 2,
    typeDescription: 'Rechtspersoon',
    juridicalFormCode: '015',
    juridicalFormDescription: 'Besloten vennootschap met beperkte aansprakelijkheid',
    dateStart: '1987-11-30',
    vatNumber: null,
    addresses: [
      rego({
        zipcode: '2000',
        cityNL: 'Antwerpen',
        cityFR: 'Anvers',
        streetNL: 'Meir',
        streetFR: 'Meir',
        addressNumber: '1',
        dateRevoke: '2019-06-30',
      }),
    ],
    establishments: [],
    denominations: [{ value: 'Oude Haven Import', language: 'NL', type: 1, typeDescription: 'Maatschappelijke naam' }],
    activities: [activity('51190', 'Handelsbemiddeling in goederen, algemeen', true, 2003)],
  },
} satisfies Record<string, BeEnterprise>;

/** Names of the Belgian catalogue entries. */
export type BeEnterpriseName = keyof typeof BE;

/** Belgian establishment units, by role: `BE_ESTABLISHMENTS.brewery` belongs to `BE.nv`, `atelier` to `BE.bv`. */
export const BE_ESTABLISHMENTS = { brewery, atelier } satisfies Record<string, BeEstablishment>;
