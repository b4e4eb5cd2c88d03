import { describe, expect, it } from 'vitest';
import {
  addressLines,
  companyJson,
  companyRecord,
  companyText,
  RECORD_FORMAT,
} from '../../utils/export/company-record';
import { AFAS_LAYOUT, csvField, erpCsv, EXACT_LAYOUT, splitHouseNumber } from '../../utils/export/erp-csv';
import type { LookupResult, Profile } from '../../utils/registry/domain';
import type { OpenDataProgress } from '../../utils/registry/responses';

const T = Date.UTC(2026, 10, 23, 9, 30);

const nlLookup: LookupResult = {
  kind: 'kvk',
  value: '68750110',
  company: {
    ok: true,
    source: 'kvk',
    fetchedAt: T,
    cached: false,
    value: {
      name: 'Test BV Donald',
      tradeNames: ['Donald Vastgoed'],
      status: 'active',
      kvkNumber: '68750110',
      branchNumber: '000037178598',
      rsin: '857587973',
      address: {
        street: 'Watermolenlaan',
        houseNumber: '1 A-2',
        postalCode: '3447GT',
        city: 'Woerden',
        line: 'Watermolenlaan 1 A-2, 3447GT Woerden',
      },
      links: [{ kind: 'kvk', url: 'https://www.kvk.nl/zoeken/?source=all&q=68750110' }],
    },
  },
  links: [{ kind: 'kvk', url: 'https://www.kvk.nl/zoeken/?source=all&q=68750110' }],
};

/** KVK's open data of nlLookup's number, both sets in: a bankruptcy Zoeken does not show. */
const openData: OpenDataProgress = {
  kvkNumber: '68750110',
  done: true,
  basis: {
    state: 'done',
    part: {
      ok: true,
      source: 'kvk-open',
      fetchedAt: T + 1_000,
      cached: false,
      value: {
        kvkNumber: '68750110',
        status: 'bankrupt',
        insolvencyCode: 'FAIL',
        active: true,
        legalForm: { code: 'BV', name: 'Besloten Vennootschap' },
        startDate: '2017-04-10',
        activities: [{ scheme: 'sbi', code: '6420', description: 'Financiële holdings', main: true }],
        postcodeRegion: '34',
      },
    },
  },
  accounts: {
    state: 'done',
    part: {
      ok: true,
      source: 'kvk-open',
      fetchedAt: T + 61_000,
      cached: false,
      value: { years: [{ year: 2022, adoptedOn: '2023-06-12' }, { year: 2023 }] },
    },
  },
};

const beVatLookup: LookupResult = {
  kind: 'vat',
  value: 'BE0765432146',
  vat: {
    ok: true,
    source: 'vies',
    fetchedAt: T,
    cached: true,
    value: {
      verdict: 'valid',
      memberState: 'BE',
      number: '0765432146',
      checkedAt: T,
      name: 'NV Brouwerijen Fictief',
      address: 'Wetstraat 200\n1000 Brussel',
      consultationNumber: 'WAPIAAAAW1234',
    },
  },
  company: {
    ok: true,
    source: 'kbodata',
    fetchedAt: T - 60_000,
    cached: true,
    value: {
      name: 'Brouwerijen Fictief',
      tradeNames: ['Brasseries Fictives'],
      legalForm: 'Naamloze vennootschap',
      status: 'active',
      startDate: '1998-03-02',
      kboNumber: '0765432146',
      vatNumber: 'BE0765432146',
      address: {
        street: 'Wetstraat',
        houseNumber: '200',
        postalCode: '1000',
        city: 'Brussel',
        line: 'Wetstraat 200, 1000 Brussel',
      },
      links: [{ kind: 'kbo', url: 'https://kbopub.example/0765432146' }],
    },
  },
  links: [{ kind: 'kbo', url: 'https://kbopub.example/0765432146' }],
};

describe('companyRecord', () => {
  it('flattens a KVK lookup, with ISO times and without absent fields', () => {
    const record = companyRecord(nlLookup)!;
    expect(record).toEqual({
      format: RECORD_FORMAT,
      name: 'Test BV Donald',
      tradeNames: ['Donald Vastgoed'],
      status: 'active',
      kvkNumber: '68750110',
      branchNumber: '000037178598',
      rsin: '857587973',
      address: nlLookup.company!.ok ? nlLookup.company!.value.address : undefined,
      source: { service: 'kvk', fetchedAt: '2026-11-23T09:30:00.000Z' },
      links: ['https://www.kvk.nl/zoeken/?source=all&q=68750110'],
    });
    expect(JSON.parse(companyJson(record))).toEqual(record);
  });

  it('adds the VIES check with its consultation number and the paid profile', () => {
    const profile: Profile = {
      company: { ...(beVatLookup.company!.ok ? beVatLookup.company!.value : ({} as never)), mainActivity: undefined },
      activities: [{ scheme: 'nace', code: '11050', description: 'Vervaardiging van bier', main: true }],
      establishments: [{ number: '2134567845', name: 'Brouwerij Het Fictieve Hopje' }],
      employees: 12,
      websites: [],
    };
    const record = companyRecord(beVatLookup, profile)!;
    expect(record.vatNumber).toBe('BE0765432146');
    expect(record.vatCheck).toEqual({
      verdict: 'valid',
      checkedAt: '2026-11-23T09:30:00.000Z',
      consultationNumber: 'WAPIAAAAW1234',
    });
    expect(record.employees).toBe(12);
    expect(record.establishments).toEqual(profile.establishments);
    expect(record.source).toEqual({ service: 'kbodata', fetchedAt: '2026-11-23T09:29:00.000Z' });
  });

  it("carries KVK's open data with its own source and licence, apart from the register's status", () => {
    const record = companyRecord(nlLookup, undefined, openData)!;
    expect(record.status).toBe('active');
    expect(record.legalForm).toBe('Besloten Vennootschap');
    expect(record.openData).toEqual({
      status: 'bankrupt',
      insolvencyCode: 'FAIL',
      active: true,
      legalForm: { code: 'BV', name: 'Besloten Vennootschap' },
      startDate: '2017-04-10',
      activities: [{ scheme: 'sbi', code: '6420', description: 'Financiële holdings', main: true }],
      postcodeRegion: '34',
      filedYears: [{ year: 2022, adoptedOn: '2023-06-12' }, { year: 2023 }],
      source: {
        service: 'kvk-open',
        licence: 'CC BY 4.0',
        attribution: 'Kamer van Koophandel (KVK), KVK open data',
        fetchedAt: '2026-11-23T09:30:01.000Z',
        accountsFetchedAt: '2026-11-23T09:31:01.000Z',
      },
    });
    expect(JSON.parse(companyJson(record)).openData.status).toBe('bankrupt');
    // Not yet in, or not in the open data: no block.
    const waiting: OpenDataProgress = { ...openData, done: false, basis: { state: 'queued', sendAt: T } };
    expect(companyRecord(nlLookup, undefined, waiting)!.openData).toBeUndefined();
    const absent: OpenDataProgress = {
      ...openData,
      basis: {
        state: 'done',
        part: {
          ok: false,
          error: { code: 'not-found', service: 'kvk-open' },
          source: 'kvk-open',
          fetchedAt: T,
          cached: false,
        },
      },
      accounts: { state: 'skipped' },
    };
    expect(companyRecord(nlLookup, undefined, absent)).not.toHaveProperty('openData');
  });

  it('gives nothing when the company part failed', () => {
    const failed: LookupResult = {
      ...nlLookup,
      company: { ok: false, error: { code: 'no-key', service: 'kvk' }, source: 'kvk', fetchedAt: T, cached: false },
    };
    expect(companyRecord(failed)).toBeUndefined();
  });

  it('takes the VAT number from a valid VIES check when the company has none', () => {
    const lookup: LookupResult = {
      ...beVatLookup,
      kind: 'kbo',
      value: '0765432146',
      company: { ...beVatLookup.company!, value: { name: 'X', tradeNames: [], status: 'active', links: [] } } as never,
    };
    expect(companyRecord(lookup)!.vatNumber).toBe('BE0765432146');
  });
});

describe('companyText', () => {
  it('is the name and the postal lines', () => {
    expect(companyText(companyRecord(nlLookup)!)).toBe('Test BV Donald\nWatermolenlaan 1 A-2\n3447GT Woerden');
  });

  it('splits a one-line address (VIES) and keeps a foreign country', () => {
    expect(addressLines({ line: 'RUE X 1, 75001 PARIS' })).toEqual(['RUE X 1', '75001 PARIS']);
    expect(addressLines({ street: 'Via Roma 1', city: 'Milano', country: 'Italië', line: '' })).toEqual([
      'Via Roma 1',
      'Milano',
      'Italië',
    ]);
    expect(companyText({ name: 'Only a name' })).toBe('Only a name');
  });
});

describe('ERP CSV', () => {
  it('fills the Exact Online relation fields', () => {
    const csv = erpCsv(EXACT_LAYOUT, companyRecord(nlLookup)!);
    expect(csv).toBe(
      'Name,ChamberOfCommerce,VATNumber,AddressLine1,Postcode,City,Country,LegalForm\r\n' +
        'Test BV Donald,68750110,,Watermolenlaan 1 A-2,3447GT,Woerden,NL,\r\n',
    );
  });

  it("takes the legal form from KVK's open data when no register source named one", () => {
    const csv = erpCsv(EXACT_LAYOUT, companyRecord(nlLookup, undefined, openData)!);
    expect(csv.split('\r\n')[1]).toBe(
      'Test BV Donald,68750110,,Watermolenlaan 1 A-2,3447GT,Woerden,NL,Besloten Vennootschap',
    );
    const registered = {
      ...nlLookup.company!,
      value: { ...(nlLookup.company as { value: object }).value, legalForm: 'BV' },
    };
    const better = companyRecord({ ...nlLookup, company: registered as never }, undefined, openData);
    expect(erpCsv(EXACT_LAYOUT, better!).split('\r\n')[1]!.endsWith(',NL,BV')).toBe(true);
  });

  it('fills the AFAS fields, house number apart, with AFAS country codes', () => {
    const csv = erpCsv(AFAS_LAYOUT, companyRecord(beVatLookup)!);
    expect(csv.split('\r\n')).toEqual([
      'Nm,CcNr,VaId,Ad,HmNr,HmAd,ZpCd,Rs,CoId',
      'Brouwerijen Fictief,0765432146,BE0765432146,Wetstraat,200,,1000,Brussel,B',
      '',
    ]);
    expect(AFAS_LAYOUT.row(companyRecord(nlLookup)!).slice(3, 6)).toEqual(['Watermolenlaan', '1', 'A-2']);
  });

  it('quotes and defuses fields', () => {
    expect(csvField('Lumière & Fils, SRL')).toBe('"Lumière & Fils, SRL"');
    expect(csvField('Webwinkel "Koffie & Co"')).toBe('"Webwinkel ""Koffie & Co"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('a\nb')).toBe('"a\nb"');
  });

  it('splits house numbers', () => {
    expect(splitHouseNumber('3 B')).toEqual(['3', 'B']);
    expect(splitHouseNumber('12-bis')).toEqual(['12', 'bis']);
    expect(splitHouseNumber('200')).toEqual(['200', '']);
    expect(splitHouseNumber(undefined)).toEqual(['', '']);
    expect(splitHouseNumber('z/n')).toEqual(['', 'z/n']);
  });
});
