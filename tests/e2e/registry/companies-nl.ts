import type { NlActivity, NlBranch, NlCompany } from './catalogue-types';

// Fictional Dutch companies. KVK numbers are those of KVK's own test environment (registries.md), so the same
// numbers make sense against api.kvk.nl/test/api; every other field here is written by us.

const sbi = (sbiCode: string, sbiOmschrijving: string, hoofdactiviteit = true): NlActivity => ({
  sbiCode,
  sbiOmschrijving,
  hoofdactiviteit,
});

const hoofd = (branch: Omit<NlBranch, 'hoofdvestiging' | 'commercieel' | 'active'> & Partial<NlBranch>): NlBranch => ({
  hoofdvestiging: true,
  commercieel: true,
  active: true,
  ...branch,
});

/** Text that would run as script if a card rendered company data as HTML. */
export const XSS_PAYLOAD = '<img src=x onerror=alert(1)>';

/** The Dutch catalogue, by role. */
export const NL = {
  /** Eenmanszaak (sole trader): no RSIN, the owner's address is shielded, VAT number of the 2020 mod-97 form. */
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
  /** VoF whose registration ended: hidden from Zoeken unless inactive registrations are asked for; VAT now INVALID. */
  inactive: {
    kvkNummer: '90005414',
    naam: 'Fietsenmakerij Van Dijk & Zn. V.O.F.',
    handelsnamen: ['Fietsenmakerij Van Dijk & Zn. V.O.F.'],
    rechtsvorm: 'VennootschapOnderFirma',
    uitgebreideRechtsvorm: 'Vennootschap onder firma',
    formeleRegistratiedatum: '20050315',
    datumAanvang: '20050301',
    datumEinde: '20211231',
    sbi: [sbi('4540', 'Handel in en reparatie van motorfietsen en onderdelen')],
    branches: [
      hoofd({
        vestigingsnummer: '990001987781',
        eersteHandelsnaam: 'Fietsenmakerij Van Dijk & Zn. V.O.F.',
        handelsnamen: ['Fietsenmakerij Van Dijk & Zn. V.O.F.'],
        active: false,
        startdatum: '20050301',
        einddatum: '20211231',
        adressen: [
          {
            kind: 'domestic',
            type: 'bezoekadres',
            straatnaam: 'Stationsstraat',
            huisnummer: 8,
            postcode: '6811KL',
            plaats: 'Arnhem',
          },
        ],
        sbi: [sbi('4540', 'Handel in en reparatie van motorfietsen en onderdelen')],
      }),
    ],
    indNonMailing: true,
    links: 'map',
    errors: 'fout',
    vat: 'nlInactive',
  },
  /** Bankrupt BV: registration still active, its only branch inactive, no SBI codes or location data shown. */
  bankrupt: {
    kvkNummer: '90001354',
    rsin: '854000112',
    naam: 'Bouwbedrijf De Gouden Schroef B.V.',
    statutaireNaam: 'Bouwbedrijf De Gouden Schroef B.V.',
    handelsnamen: ['Bouwbedrijf De Gouden Schroef B.V.'],
    rechtsvorm: 'BeslotenVennootschap',
    uitgebreideRechtsvorm: 'Besloten Vennootschap',
    formeleRegistratiedatum: '20100601',
    datumAanvang: '20100601',
    bankrupt: true,
    sbi: [],
    branches: [
      hoofd({
        vestigingsnummer: '000034567892',
        eersteHandelsnaam: 'Bouwbedrijf De Gouden Schroef B.V.',
        handelsnamen: ['Bouwbedrijf De Gouden Schroef B.V.'],
        active: false,
        startdatum: '20100601',
        einddatum: '20240315',
        adressen: [],
        sbi: [],
      }),
    ],
    indNonMailing: true,
    links: 'map',
    errors: 'meldingen',
  },
  /** NV whose only branch is abroad (`buitenlandsAdres`), with no activity description of its own. */
  foreign: {
    kvkNummer: '90004760',
    rsin: '809222334',
    naam: 'Société Générale des Écluses N.V.',
    statutaireNaam: 'Société Générale des Écluses N.V.',
    handelsnamen: ['Société Générale des Écluses N.V.'],
    rechtsvorm: 'NaamlozeVennootschap',
    uitgebreideRechtsvorm: 'Naamloze Vennootschap',
    formeleRegistratiedatum: '20150220',
    datumAanvang: '20150220',
    sbi: [sbi('7112', 'Ingenieurs en overig technisch ontwerp en advies')],
    branches: [
      hoofd({
        vestigingsnummer: '000045678903',
        eersteHandelsnaam: 'Société Générale des Écluses N.V.',
        handelsnamen: ['Société Générale des Écluses N.V.'],
        startdatum: '20150220',
        adressen: [
          {
            kind: 'foreign',
            type: 'bezoekadres',
            straatHuisnummer: 'Rue de la Loi 16',
            postcodeWoonplaats: '1000 Bruxelles',
            land: 'België',
          },
        ],
        sbi: [sbi('7112', 'Ingenieurs en overig technisch ontwerp en advies')],
      }),
    ],
    indNonMailing: false,
    links: 'array',
    errors: 'fout',
  },
  /** Stichting with a very long name and only a PO box as correspondence address. */
  longName: {
    kvkNummer: '90000102',
    rsin: '821777336',
    naam: 'Stichting tot Bevordering van de Wetenschappelijke Bestudering van Historische Wind- en Watermolens in Noord-Holland en West-Friesland',
    statutaireNaam:
      'Stichting tot Bevordering van de Wetenschappelijke Bestudering van Historische Wind- en Watermolens in Noord-Holland en West-Friesland',
    handelsnamen: ['Molenstichting Noord-Holland'],
    rechtsvorm: 'Stichting',
    uitgebreideRechtsvorm: 'Stichting',
    formeleRegistratiedatum: '19760101',
    datumAanvang: '19760101',
    sbi: [sbi('9102', 'Musea')],
    branches: [
      hoofd({
        vestigingsnummer: '000056789014',
        eersteHandelsnaam: 'Molenstichting Noord-Holland',
        handelsnamen: ['Molenstichting Noord-Holland'],
        commercieel: false,
        startdatum: '19760101',
        adressen: [
          { kind: 'domestic', type: 'correspondentieadres', postbusnummer: 77, postcode: '1620AB', plaats: 'Hoorn' },
        ],
        sbi: [sbi('9102', 'Musea')],
      }),
    ],
    indNonMailing: false,
    links: 'map',
    errors: 'fout',
  },
  /** Eenmanszaak whose trade name contains HTML: a card must show it as text. */
  xss: {
    kvkNummer: '90006623',
    naam: `Webwinkel "Koffie & Co" ${XSS_PAYLOAD}`,
    handelsnamen: [`Webwinkel "Koffie & Co" ${XSS_PAYLOAD}`],
    rechtsvorm: 'Eenmanszaak',
    uitgebreideRechtsvorm: 'Eenmanszaak',
    formeleRegistratiedatum: '20220505',
    datumAanvang: '20220501',
    sbi: [sbi('4791', 'Detailhandel via internet')],
    branches: [
      hoofd({
        vestigingsnummer: '000067890125',
        eersteHandelsnaam: `Webwinkel "Koffie & Co" ${XSS_PAYLOAD}`,
        handelsnamen: [`Webwinkel "Koffie & Co" ${XSS_PAYLOAD}`],
        startdatum: '20220501',
        adressen: [
          {
            kind: 'domestic',
            type: 'bezoekadres',
            straatnaam: `Markt ${XSS_PAYLOAD}`,
            huisnummer: 1,
            postcode: '5611AA',
            plaats: 'Eindhoven',
          },
        ],
        sbi: [sbi('4791', 'Detailhandel via internet')],
      }),
    ],
    indNonMailing: false,
    links: 'map',
    errors: 'fout',
    vat: 'nlXss',
  },
} satisfies Record<string, NlCompany>;

/** Names of the Dutch catalogue entries. */
export type NlCompanyName = keyof typeof NL;

/**
 * KVK test numbers that always fail, on every KVK endpoint: `temporary` gives 404 IPD1002 (retry later) in the
 * `meldingen` wrapper, `technical` gives 500 IPD9999 in the plain `fout` shape.
 */
export const NL_ERROR_NUMBERS = { temporary: '90004973', technical: '90002903' } as const;
