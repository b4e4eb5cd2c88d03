import type { NlCompany } from './catalogue-types';
import { hoofd, sbi, XSS_PAYLOAD } from './nl-builders';

// The Dutch catalogue's unusual cases: ended, bankrupt, abroad, very long name, HTML in the name.

/** Dutch entries that test edge cases; part of `NL`. */
export const NL_EDGE_CASES = {
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
