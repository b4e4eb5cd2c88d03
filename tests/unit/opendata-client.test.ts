import { describe, expect, it } from 'vitest';
import { createHttp } from '../../utils/net/http';
import { OpenDataClient } from '../../utils/registry/opendata/client';
import { accountsToFiled, basisToOpenData, openDataDate, openDataStatus } from '../../utils/registry/opendata/map';
import { AccountsSchema, BasisSchema } from '../../utils/registry/opendata/schema';
import { fakeFetch, type FakeAnswer } from './support/fake-fetch';

const client = (answer: FakeAnswer) => {
  const fetch = fakeFetch(() => answer);
  return { fetch, client: new OpenDataClient(createHttp(fetch)) };
};

/** Parses and maps a basisbedrijfsgegevens answer as the client and plan do. */
const basis = (body: unknown, kvk = '68750110') => basisToOpenData(BasisSchema.parse(body), kvk);

describe('KVK open data: basisbedrijfsgegevens', () => {
  it('reads the YYYYMMDD shape with the region as a number', () => {
    expect(
      basis({
        datumAanvang: '20170410',
        actief: 'J',
        rechtsvormCode: 'BV',
        postcodeRegio: 34,
        activiteiten: [
          { sbiCode: '6810', soortActiviteit: 'Nevenactiviteit' },
          { sbiCode: '6420', soortActiviteit: 'Hoofdactiviteit' },
        ],
        lidstaat: 'NL',
      }),
    ).toEqual({
      kvkNumber: '68750110',
      status: 'active',
      active: true,
      legalForm: { code: 'BV', name: 'Besloten Vennootschap' },
      startDate: '2017-04-10',
      activities: [
        { scheme: 'sbi', code: '6420', description: 'Financiële holdings', main: true },
        { scheme: 'sbi', code: '6810', description: 'Handel in eigen onroerend goed', main: false },
      ],
      postcodeRegion: '34',
      memberState: 'NL',
    });
  });

  it('reads the ISO shape (with or without a time) with the region as a string', () => {
    const nv = basis({ datumAanvang: '1989-03-01', actief: 'N', rechtsvormCode: 'NV', postcodeRegio: '30' });
    expect(nv).toMatchObject({ status: 'inactive', active: false, startDate: '1989-03-01', postcodeRegion: '30' });
    expect(nv.legalForm).toEqual({ code: 'NV', name: 'Naamloze Vennootschap' });
    expect(basis({ datumAanvang: '2015-05-05T00:00:00', actief: 'J' }).startDate).toBe('2015-05-05');
    // Unknown parts are 0 in the YYYYMMDD shape; a number is read as its digits.
    expect(basis({ datumAanvang: 20170000 }).startDate).toBe('2017');
    expect(openDataDate('2017-13-01')).toBeUndefined();
    expect(openDataDate('1 april 2017')).toBeUndefined();
  });

  it('shows an unknown legal form code and an SBI code without a description as they are', () => {
    const x = basis({ rechtsvormCode: 'SE', activiteiten: [{ sbiCode: 99999, soortActiviteit: 'Hoofdactiviteit' }] });
    expect(x.legalForm).toEqual({ code: 'SE' });
    expect(x.activities).toEqual([{ scheme: 'sbi', code: '99999', description: '', main: true }]);
    // A five-digit code takes its four-digit class's description.
    expect(basis({ activiteiten: [{ sbiCode: '62010' }] }).activities[0]!.description).toBe(
      'Ontwikkelen, produceren en uitgeven van software',
    );
    expect(basis({}).status).toBe('unknown');
  });

  it.each([
    ['FAIL', 'bankrupt'],
    ['SURS', 'suspension-of-payments'],
    ['SSAN', 'debt-restructuring'],
    ['fail', 'bankrupt'],
  ])('maps insolvency code %s to %s, before the registration being active', (code, status) => {
    expect(basis({ actief: 'J', insolventieCode: code })).toMatchObject({ status, insolvencyCode: code.toUpperCase() });
  });

  it('keeps an unknown insolvency code as its code, and an empty one as none', () => {
    expect(basis({ actief: 'J', insolventieCode: 'XYZW' })).toMatchObject({
      status: 'insolvency',
      insolvencyCode: 'XYZW',
    });
    expect(basis({ actief: 'J', insolventieCode: '' })).not.toHaveProperty('insolvencyCode');
    expect(basis({ actief: 'J', insolventieCode: null }).status).toBe('active');
    expect(openDataStatus(undefined, false)).toBe('inactive');
  });

  it('refuses an answer of another shape', () => {
    expect(BasisSchema.safeParse({ activiteiten: 'Hoofdactiviteit' }).success).toBe(false);
    expect(BasisSchema.safeParse({ actief: 'misschien' }).success).toBe(false);
  });
});

describe('KVK open data: jaarrekeningen', () => {
  const doc = (year: string | number, adopted?: string, nested = false) => ({
    opendataFields: nested
      ? [{ key: 'Document', opendataFields: [{ key: 'FinancialYear', value: year }] }]
      : [
          { key: 'FinancialYear', value: year },
          ...(adopted ? [{ key: 'DocumentAdoptionDate', value: adopted }] : []),
          { key: 'BalanceSheet', opendataFields: [{ key: 'Assets', value: 428763 }] },
        ],
  });
  const filed = (body: unknown) => accountsToFiled(AccountsSchema.parse(body));

  it('reads one object (one year) and an array (several), oldest first, with adoption dates in both shapes', () => {
    expect(filed(doc('2023', '2024-06-03'))).toEqual({ years: [{ year: 2023, adoptedOn: '2024-06-03' }] });
    expect(filed([doc(2023, '20240603'), doc('2021'), doc('2022', '2023-06-12')])).toEqual({
      years: [{ year: 2021 }, { year: 2022, adoptedOn: '2023-06-12' }, { year: 2023, adoptedOn: '2024-06-03' }],
    });
  });

  it('finds the year deeper in the tree, and lists a year filed twice once', () => {
    expect(filed([doc('2020', undefined, true), doc('2020', '2021-05-01')])).toEqual({
      years: [{ year: 2020, adoptedOn: '2021-05-01' }],
    });
    expect(filed([])).toEqual({ years: [] });
  });

  it('refuses documents without a financial year, and an answer that is not a tree', () => {
    expect(filed({ opendataFields: [{ key: 'Assets', value: 1 }] })).toBeUndefined();
    expect(AccountsSchema.safeParse({ jaarrekeningen: [] }).success).toBe(false);
    expect(AccountsSchema.safeParse('2023').success).toBe(false);
  });
});

describe('OpenDataClient', () => {
  it('asks the open-data host by KVK number in the path, without any key or cookie', async () => {
    const { fetch, client: c } = client({ body: { actief: 'J' } });
    await c.basis('68750110');
    await c.accounts('68750110');
    expect(fetch.calls.map((x) => x.url)).toEqual([
      'https://opendata.kvk.nl/api/v1/hvds/basisbedrijfsgegevens/kvknummer/68750110',
      'https://opendata.kvk.nl/api/v1/hvds/jaarrekeningen/kvknummer/68750110',
    ]);
    for (const call of fetch.calls) {
      expect(Object.keys(call.headers)).toEqual(['accept']);
    }
  });

  it('says "not in the open data" for a 404, with or without a KVK error body', async () => {
    const body = { fout: [{ code: 'IPD0001', omschrijving: 'Het product bestaat niet.' }] };
    expect(await client({ status: 404, body }).client.accounts('90000749')).toEqual({
      ok: false,
      error: { code: 'not-found', service: 'kvk-open' },
    });
    expect((await client({ status: 404 }).client.basis('90000749')).ok).toBe(false);
  });

  it('turns 401/403 into "KVK now wants a key", 429 into the wait KVK asked for, 5xx into unavailable', async () => {
    for (const status of [401, 403])
      expect(await client({ status, body: { message: 'no' } }).client.basis('68750110')).toEqual({
        ok: false,
        error: { code: 'key-rejected', service: 'kvk-open', status },
      });
    expect(await client({ status: 429, headers: { 'retry-after': '42' }, body: {} }).client.basis('68750110')).toEqual({
      ok: false,
      error: { code: 'rate-limited', service: 'kvk-open', retryAfterMs: 42_000 },
    });
    expect(await client({ status: 503, body: 'down' }).client.basis('68750110')).toEqual({
      ok: false,
      error: { code: 'service-unavailable', service: 'kvk-open', reason: 'HTTP 503' },
    });
  });

  it('calls an HTML page or a changed shape a malformed answer', async () => {
    const html = await client({ body: '<html>maintenance</html>' }).client.basis('68750110');
    expect(html).toEqual({ ok: false, error: { code: 'malformed-answer', service: 'kvk-open', status: 200 } });
    const changed = await client({ body: { jaren: [2023] } }).client.accounts('68750110');
    expect(changed).toMatchObject({ ok: false, error: { code: 'malformed-answer' } });
  });
});
