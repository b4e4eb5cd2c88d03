// findIdentifiers on phrasings other than the public corpus: Belgian legal mentions in French, German imprints, English
// footers, invoices with IBANs and phone numbers, BSN labels, and the scanner's label contract (TAB = preceding cell,
// NEWLINE = preceding line).
import { describe, expect, it } from 'vitest';
import { findIdentifiers } from '../../utils/identifiers/index';

/** What was found, as `kind value checksum «text as written»`. */
function found(text: string): string[] {
  return findIdentifiers(text).map((m) => `${m.kind} ${m.value} ${m.checksum} «${text.slice(m.start, m.end)}»`);
}

describe('Belgian legal mentions (French)', () => {
  it('reads TVA, BCE and numéro d’entreprise', () => {
    expect(found('SA Dupont – Rue de la Loi 16, 1000 Bruxelles – RPM Bruxelles – TVA BE 0417.497.106')).toEqual([
      'vat BE0417497106 valid «BE 0417.497.106»',
    ]);
    expect(found("Numéro d'entreprise : 0417.497.106 – RPM Bruxelles")).toEqual([
      'kbo 0417497106 valid «0417.497.106»',
    ]);
    expect(found('N° BCE 0403 227 515')).toEqual(['kbo 0403227515 valid «0403 227 515»']);
    expect(found('TVA : 0403.227.515')).toEqual(['vat BE0403227515 valid «0403.227.515»']);
    expect(found('RPM Liège 0202239951')).toEqual(['kbo 0202239951 valid «0202239951»']);
    expect(found("Numéro d'unité d'établissement : 2.147.812.701")).toEqual([
      'kbo-establishment 2147812701 valid «2.147.812.701»',
    ]);
    expect(found('Numéro de TVA intracommunautaire : FR 40 303 265 045')).toEqual([
      'vat FR40303265045 valid «FR 40 303 265 045»',
    ]);
  });
  it('keeps the old 9-digit form and the (0) form', () => {
    expect(found('TVA BE 428.759.497')).toEqual(['vat BE0428759497 valid «BE 428.759.497»']);
    expect(found('BTW BE (0)468.561.072')).toEqual(['vat BE0468561072 valid «BE (0)468.561.072»']);
    expect(found('Ondernemingsnummer 417.497.106')).toEqual(['kbo 0417497106 valid «417.497.106»']);
  });
});

describe('German imprints', () => {
  it('reads the USt-IdNr. and never reads an HRB number as a KVK number', () => {
    const imprint =
      'Registergericht: Amtsgericht München, Registernummer: HRB 12345678. Umsatzsteuer-Identifikationsnummer gemäß § 27 a UStG: DE 136 695 976';
    expect(found(imprint)).toEqual(['vat DE136695976 valid «DE 136 695 976»']);
    expect(found('USt-IdNr.: DE136695976')).toEqual(['vat DE136695976 valid «DE136695976»']);
    expect(found('Handelsregister: HRB 12345')).toEqual([]);
    expect(found('Handelsregister: HRB 12345678')).toEqual([]);
    expect(found('Handelsregister: Amtsgericht Charlottenburg HRB 87654321 B')).toEqual([]);
    expect(found('Steuernummer: 143/123/45678')).toEqual([]);
  });
  it('reads German labels for Dutch and Belgian numbers', () => {
    expect(found('Niederländische Handelskammer (KvK): 33014286')).toEqual(['kvk 33014286 none «33014286»']);
    expect(found('Unternehmensnummer: 0417.497.106')).toEqual(['kbo 0417497106 valid «0417.497.106»']);
    expect(found('MwSt-Nr. BE0202239951')).toEqual(['vat BE0202239951 valid «BE0202239951»']);
  });
});

describe('English footers', () => {
  it('reads registration numbers and VAT numbers', () => {
    expect(found('Company reg. no. 33014286 · VAT no. NL805734958B01')).toEqual([
      'kvk 33014286 none «33014286»',
      'vat NL805734958B01 valid «NL805734958B01»',
    ]);
    expect(found('Registered in the Netherlands under Chamber of Commerce number 3301 4286.')).toEqual([
      'kvk 33014286 none «3301 4286»',
    ]);
    expect(found('Company number: 0202.239.951')).toEqual(['kbo 0202239951 valid «0202.239.951»']);
    expect(found('Enterprise number 0417 497 106')).toEqual(['kbo 0417497106 valid «0417 497 106»']);
    expect(found('Company No. 01234567 registered in England and Wales')).toEqual([]);
    expect(found('Registered in England and Wales. Company number: 01234567')).toEqual([]);
    expect(found('Registered in England and Wales No. 01234567')).toEqual([]);
    expect(found('CoC no. 09163645, VAT ID NL004983269B01')).toEqual([
      'kvk 09163645 none «09163645»',
      'vat NL004983269B01 valid «NL004983269B01»',
    ]);
  });
});

describe('invoices and look-alikes', () => {
  it('skips IBANs, phone numbers, order, invoice and customer numbers', () => {
    expect(found('IBAN NL91 ABNA 0417 1643 00 · BIC ABNANL2A · KvK 33014286 · BTW NL805734958B01')).toEqual([
      'kvk 33014286 none «33014286»',
      'vat NL805734958B01 valid «NL805734958B01»',
    ]);
    expect(found('IBAN: BE68539007547034')).toEqual([]);
    expect(found('Rekening BE68 5390 0754 7034 t.n.v. Dupont')).toEqual([]);
    expect(found('Factuurnummer: 20240115 · Ordernummer 33014286 · Klantnummer 0202239951')).toEqual([]);
    expect(found('Invoice no. 33014286, customer ID 0417.497.106')).toEqual([]);
    expect(found('Tel. 020 123 45 67 · Fax +31 20 1234567 · KvK: 33014286')).toEqual(['kvk 33014286 none «33014286»']);
    expect(found('GSM 0470 12 34 56 · Tel 0470123456 · Telefoon 0202.239.951')).toEqual([]);
    expect(found('BTW-bedrag: 444.503.092 · Totaal € 1.234.567,89')).toEqual([]);
    expect(found('Datum: 15-01-2024 · KvK sinds 15.01.2024')).toEqual([]);
  });
  it('never reports a BSN, whatever sits next to it', () => {
    expect(found('BSN: 111222333')).toEqual([]);
    expect(found('Burgerservicenummer 111 222 333')).toEqual([]);
    expect(found('BSN/RSIN: 805734958')).toEqual([]);
    expect(found('Uw burgerservicenummer (BSN) is 123456782.')).toEqual([]);
    expect(found('RSIN 805734958')).toEqual(['rsin 805734958 valid «805734958»']);
    expect(found('Fiscaal nummer: 8057.34.958')).toEqual(['rsin 805734958 valid «8057.34.958»']);
  });
  it('cuts numbers run together', () => {
    expect(found('KvK 33014286 0000')).toEqual(['kvk 33014286 none «33014286»']);
    expect(found('KvK: 33014286, vestigingsnr. 0000 1953 1656')).toEqual([
      'kvk 33014286 none «33014286»',
      'kvk-branch 000019531656 none «0000 1953 1656»',
    ]);
    expect(found('Postbus 7889, 1000 AB Amsterdam · KvK 33014286')).toEqual(['kvk 33014286 none «33014286»']);
  });
  it('reads one label cluster for several numbers, and the old KVK sub-file after a dash', () => {
    expect(found('KvK/BTW: 33014286 / NL805734958B01')).toEqual([
      'kvk 33014286 none «33014286»',
      'vat NL805734958B01 valid «NL805734958B01»',
    ]);
    expect(found('KvK- en RSIN-nummer: 33014286 en 805734958')).toEqual([
      'kvk 33014286 none «33014286»',
      'rsin 805734958 valid «805734958»',
    ]);
    expect(found('KvK 33014286-0000')).toEqual(['kvk 33014286 none «33014286»']);
    expect(found('R.P.M. Bruxelles 0417 497 106 · T.V.A. 0403.227.515')).toEqual([
      'kbo 0417497106 valid «0417 497 106»',
      'vat BE0403227515 valid «0403.227.515»',
    ]);
  });
  it('reports a labelled number whose check fails, marked invalid', () => {
    expect(found('Ondernemingsnummer: 0417.497.107')).toEqual(['kbo 0417497107 invalid «0417.497.107»']);
    expect(found('Btw-identificatienummer NL805734985B01')).toEqual(['vat NL805734985B01 invalid «NL805734985B01»']);
    expect(found('Leverancier NL805734985B01')).toEqual([]);
    expect(found('Leverancier (0417.497.107)')).toEqual([]);
    expect(found('Zie bijlage RO 25 en RO 573768')).toEqual(['vat RO573768 valid «RO 573768»']);
    expect(found('VAT RO 1822964')).toEqual(['vat RO1822964 valid «RO 1822964»']);
  });
});

describe('labels after the number, in the same sentence', () => {
  it('counts a label that follows the number', () => {
    expect(found('Wij staan ingeschreven onder nummer 33014286 bij de Kamer van Koophandel.')).toEqual([
      'kvk 33014286 none «33014286»',
    ]);
    expect(found('0417 497 106 (ondernemingsnummer)')).toEqual(['kbo 0417497106 valid «0417 497 106»']);
  });
  it('does not take a label that leads a number of its own, or one naming something else', () => {
    expect(found('Referentie 12345678 KvK 33014286')).toEqual(['kvk 33014286 none «33014286»']);
    expect(found('12345678 KvK: 33014286')).toEqual(['kvk 33014286 none «33014286»']);
    expect(found('Uw nummer 123456782 (BSN) is bekend.')).toEqual([]);
    expect(found('KvK-uittreksel d.d. 20240115')).toEqual([]);
    expect(found('Te betalen: EUR 12345678 incl. BTW')).toEqual([]);
  });
  it('reads other spellings of the labels', () => {
    expect(found('N° entreprise : 0417 497 106')).toEqual(['kbo 0417497106 valid «0417 497 106»']);
    expect(found('Ust.-IdNr. BE 0417.497.107')).toEqual(['vat BE0417497107 invalid «BE 0417.497.107»']);
    expect(found('KVKnr 33014286, Kvk-nr.: 30046259')).toEqual([
      'kvk 33014286 none «33014286»',
      'kvk 30046259 none «30046259»',
    ]);
    expect(found('Dutch Trade Register no. 33014286')).toEqual(['kvk 33014286 none «33014286»']);
  });
});

describe('the scanner contract: a label ending the preceding cell or line counts, one further back does not', () => {
  it('TAB for a preceding table cell, NEWLINE for a preceding line, dt or label', () => {
    expect(found('KvK\t33014286')).toEqual(['kvk 33014286 none «33014286»']);
    expect(found('Ondernemingsnummer\n0202.239.951')).toEqual(['kbo 0202239951 valid «0202.239.951»']);
    expect(found('KvK-nummer:\n33014286')).toEqual(['kvk 33014286 none «33014286»']);
    expect(found('Vestigingsnummer\t000019531656')).toEqual(['kvk-branch 000019531656 none «000019531656»']);
    expect(found('KvK\t33014286\tBTW\tNL805734958B01')).toEqual([
      'kvk 33014286 none «33014286»',
      'vat NL805734958B01 valid «NL805734958B01»',
    ]);
  });
  it('does not reach across a line or cell holding other words', () => {
    expect(found('KvK\nAmsterdam\n33014286')).toEqual([]);
    expect(found('KvK\tAdres\t33014286')).toEqual([]);
    expect(found('Meer informatie over de KvK vindt u op kvk.nl. Ons ordernummer is 33014286.')).toEqual([]);
  });
  it('offsets are UTF-16 offsets into the text as given, through non-breaking spaces and Unicode dashes', () => {
    const text = '😀 KvK\u00a033\u202f01\u202f42\u202f86 · BTW NL\u2011805734958\u2011B01';
    expect(found(text)).toEqual([
      'kvk 33014286 none «33\u202f01\u202f42\u202f86»',
      'vat NL805734958B01 valid «NL\u2011805734958\u2011B01»',
    ]);
  });
});
