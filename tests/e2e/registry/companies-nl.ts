import type { NlCompany } from './catalogue-types';
import { NL_EDGE_CASES } from './companies-nl-edge';
import { hoofd, sbi } from './nl-builders';

export { XSS_PAYLOAD } from './nl-builders';

// Fictional Dutch companies. KVK numbers are those of KVK's own test environment (registries.md), so the same
// numbers make sense against api.kvk.nl/test/api; every other field here is written by us.

/** The Dutch catalogue, by role. */
export const NL = {
  /** Eenmanszaak (sole trader): no RSIN, no owner address (private person), VAT number of the 2020 mod-97 form. */
  eenmanszaak: {
    kvkNummer: '69599084',
    naam: 'Bakkerij Jansen-de Vries',
    handelsnamen: ['Bakkerij Jansen-de Vries', 'Brood & Banket Lollum'],
    rechtsvorm: 'Eenmanszaak',
    uitgebreideRechtsvorm: 'Eenmanszaak',
    formeleRegistratiedatum: '20170915',
    datumAanvang: '20170901',
    sbi: [sbi('1071', 'Vervaardiging van brood en vers banketbakkerswerk'), sbi('4724', 'Winkels in brood', false)],
    branches: [
      hoofd({
        vestigingsnummer: '000038509504',
        eersteHandelsnaam: 'Bakkerij Jansen-de Vries',
        handelsnamen: ['Bakkerij Jansen-de Vries', 'Brood & Banket Lollum'],
        startdatum: '20170901',
        adressen: [
          {
            kind: 'domestic',
            type: 'bezoekadres',
            straatnaam: 'Hizzaarderlaan',
            huisnummer: 3,
            huisletter: 'B',
            postcode: '8752KA',
            plaats: 'Lollum',
            geo: { lat: 53.1302, lon: 5.4901 },
          },
        ],
        sbi: [sbi('1071', 'Vervaardiging van brood en vers banketbakkerswerk'), sbi('4724', 'Winkels in brood', false)],
        voltijd: 2,
        deeltijd: 3,
      }),
    ],
    totaalWerkzamePersonen: 5,
    indNonMailing: false,
    links: 'map',
    errors: 'fout',
    vat: 'nlEenmanszaak',
  },
  /** BV: KVK's own "Test BV Donald" number, a main branch and a second (commercial) branch. */
  bv: {
    kvkNummer: '68750110',
    rsin: '857587973',
    naam: 'Test BV Donald',
    statutaireNaam: 'Test BV Donald',
    vervallenNamen: ['Donald Duck Holding B.V.'],
    handelsnamen: ['Test BV Donald', 'Donald Vastgoed', 'Donald Onderhoud'],
    rechtsvorm: 'BeslotenVennootschap',
    uitgebreideRechtsvorm: 'Besloten Vennootschap',
    formeleRegistratiedatum: '20170412',
    datumAanvang: '20170410',
    sbi: [sbi('6420', 'Financiële holdings'), sbi('6810', 'Handel in eigen onroerend goed', false)],
    branches: [
      hoofd({
        vestigingsnummer: '000037178598',
        eersteHandelsnaam: 'Test BV Donald',
        handelsnamen: ['Test BV Donald', 'Donald Vastgoed'],
        startdatum: '20170410',
        adressen: [
          {
            kind: 'domestic',
            type: 'bezoekadres',
            straatnaam: 'Watermolenlaan',
            huisnummer: 1,
            postcode: '3447GT',
            plaats: 'Woerden',
            geo: { lat: 52.0857, lon: 4.8897 },
          },
          {
            kind: 'domestic',
            type: 'correspondentieadres',
            postbusnummer: 1234,
            postcode: '3440AA',
            plaats: 'Woerden',
          },
        ],
        sbi: [sbi('6420', 'Financiële holdings'), sbi('6810', 'Handel in eigen onroerend goed', false)],
        websites: ['www.testbvdonald.example'],
        voltijd: 12,
        deeltijd: 4,
      }),
      {
        vestigingsnummer: '000037178601',
        eersteHandelsnaam: 'Donald Onderhoud',
        handelsnamen: ['Donald Onderhoud'],
        hoofdvestiging: false,
        commercieel: true,
        active: true,
        startdatum: '20190101',
        adressen: [
          {
            kind: 'domestic',
            type: 'bezoekadres',
            straatnaam: 'Industrieweg',
            huisnummer: 42,
            huisnummerToevoeging: 'unit 7',
            postcode: '3542AD',
            plaats: 'Utrecht',
          },
        ],
        sbi: [sbi('4322', 'Installatie van sanitair en van verwarmings- en luchtbehandelingsapparatuur')],
        voltijd: 3,
      },
    ],
    websites: ['www.testbvdonald.example'],
    totaalWerkzamePersonen: 19,
    indNonMailing: true,
    links: 'map',
    errors: 'fout',
    vat: 'nlBv',
  },
  /** NV: links as an array. */
  nv: {
    kvkNummer: '68727720',
    rsin: '812345678',
    naam: 'Rijnmond Scheepvaart N.V.',
    statutaireNaam: 'Rijnmond Scheepvaart N.V.',
    handelsnamen: ['Rijnmond Scheepvaart N.V.', 'Rijnmond Shipping'],
    rechtsvorm: 'NaamlozeVennootschap',
    uitgebreideRechtsvorm: 'Naamloze Vennootschap',
    formeleRegistratiedatum: '19890301',
    datumAanvang: '19890301',
    sbi: [sbi('5020', 'Zee- en kustvaart (vracht)')],
    branches: [
      hoofd({
        vestigingsnummer: '000012345670',
        eersteHandelsnaam: 'Rijnmond Scheepvaart N.V.',
        handelsnamen: ['Rijnmond Scheepvaart N.V.', 'Rijnmond Shipping'],
        startdatum: '19890301',
        adressen: [
          {
            kind: 'domestic',
            type: 'bezoekadres',
            straatnaam: 'Kade',
            huisnummer: 100,
            postcode: '3011AA',
            plaats: 'Rotterdam',
          },
        ],
        sbi: [sbi('5020', 'Zee- en kustvaart (vracht)')],
        voltijd: 240,
        deeltijd: 31,
      }),
    ],
    totaalWerkzamePersonen: 271,
    indNonMailing: true,
    links: 'array',
    errors: 'fout',
  },
  /** Stichting: non-commercial branch with a shielded address, links as an array, errors wrapped in `meldingen`. */
  stichting: {
    kvkNummer: '69599068',
    rsin: '800111229',
    naam: 'Stichting Vrienden van het Zuiderzeemuseum',
    statutaireNaam: 'Stichting Vrienden van het Zuiderzeemuseum',
    handelsnamen: ['Stichting Vrienden van het Zuiderzeemuseum'],
    rechtsvorm: 'Stichting',
    uitgebreideRechtsvorm: 'Stichting',
    formeleRegistratiedatum: '20171001',
    datumAanvang: '20171001',
    sbi: [sbi('9103', 'Beheer van monumenten')],
    branches: [
      hoofd({
        vestigingsnummer: '990000541921',
        eersteHandelsnaam: 'Stichting Vrienden van het Zuiderzeemuseum',
        handelsnamen: ['Stichting Vrienden van het Zuiderzeemuseum'],
        commercieel: false,
        startdatum: '20171001',
        adressen: [{ kind: 'domestic', type: 'bezoekadres', plaats: 'Enkhuizen', afgeschermd: true }],
        sbi: [sbi('9103', 'Beheer van monumenten')],
      }),
    ],
    indNonMailing: false,
    links: 'array',
    errors: 'meldingen',
  },
  /** Coöperatie with a house letter and an addition, accents in the name. */
  cooperatie: {
    kvkNummer: '55344526',
    rsin: '860777121',
    naam: 'Coöperatie Zuivelgenoten Noord U.A.',
    statutaireNaam: 'Coöperatie Zuivelgenoten Noord U.A.',
    handelsnamen: ['Coöperatie Zuivelgenoten Noord U.A.', 'Zuivelgenoten', 'Crème Fraîche Fabriek'],
    rechtsvorm: 'Cooperatie',
    uitgebreideRechtsvorm: 'Coöperatie met uitgesloten aansprakelijkheid',
    formeleRegistratiedatum: '20120000',
    datumAanvang: '20120000',
    sbi: [
      sbi('1051', 'Zuivelfabrieken'),
      sbi('4633', 'Groothandel in zuivelproducten, eieren, spijsoliën en -vetten', false),
    ],
    branches: [
      hoofd({
        vestigingsnummer: '000023456781',
        eersteHandelsnaam: 'Zuivelgenoten',
        handelsnamen: ['Zuivelgenoten', 'Crème Fraîche Fabriek'],
        startdatum: '20120000',
        adressen: [
          {
            kind: 'domestic',
            type: 'bezoekadres',
            straatnaam: 'Oude Dijk',
            huisnummer: 17,
            huisletter: 'a',
            huisnummerToevoeging: '2',
            postcode: '9101AB',
            plaats: 'Dokkum',
          },
        ],
        sbi: [sbi('1051', 'Zuivelfabrieken')],
        websites: ['www.zuivelgenoten.example', 'www.cremefraiche.example'],
        voltijd: 58,
      }),
    ],
    totaalWerkzamePersonen: 58,
    indNonMailing: false,
    links: 'array',
    errors: 'fout',
  },
  ...NL_EDGE_CASES,
} satisfies Record<string, NlCompany>;

/** Names of the Dutch catalogue entries. */
export type NlCompanyName = keyof typeof NL;

/**
 * KVK test numbers that always fail, on every KVK endpoint: `temporary` gives 404 IPD1002 (retry later) in the
 * `meldingen` wrapper, `technical` gives 500 IPD9999 in the plain `fout` shape.
 */
export const NL_ERROR_NUMBERS = { temporary: '90004973', technical: '90002903' } as const;
