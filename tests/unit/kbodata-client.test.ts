import { describe, expect, it } from 'vitest';
import { basicAuthorization, KbodataClient } from '../../utils/registry/kbodata/client';
import {
  denominationsToResults,
  enterpriseToCompany,
  enterpriseToProfile,
  kboActivities,
  kboAddress,
  kboNames,
  kboStatus,
} from '../../utils/registry/kbodata/map';
import type { KboActivity, KboAddress } from '../../utils/registry/kbodata/schema';
import { createHttp } from '../../utils/net/http';
import { fakeFetch, type FakeAnswer } from './support/fake-fetch';

const endpoint = { baseUrl: 'https://api.kbodata.app/v1', username: 'user@company.com', token: 'tk-secret' };
const TODAY = '2026-11-23';

// The documented example (kbodata.app's API documentation), fictional data.
const ENTERPRISE = {
  success: 1,
  data: {
    enterpriseNumber: '0123456789',
    enterpriseNumberFormatted: '0123.456.789',
    status: '1',
    type: 2,
    juridicalSituationCode: '000',
    juridicalSituationDescription: 'Normale toestand',
    juridicalFormCode: '411',
    juridicalFormDescription: 'Stad / gemeente',
    dateStart: '2000-01-01',
    vatNumber: 'BE0123456789',
    addresses: [
      {
        type: 'REGO',
        typeDescription: 'Maatschappelijke zetel',
        zipcode: '6581',
        cityNL: 'Malden',
        cityFR: 'Malden',
        streetNL: 'De Steiger',
        streetFR: 'De Steiger',
        addressNumber: '23',
        addressAdditional: null,
        dateRevoke: null,
      },
    ],
    establishments: [
      { establishmentNumber: '2123456789', establishmentNumberFormatted: '2.123.456.789', dateStart: '2017-01-1' },
    ],
    denominations: [
      { value: 'KBO Databank', language: 'NL', type: 1, typeDescription: 'Maatschappelijke naam' },
      { value: 'KBO Base de données', language: 'FR', type: 1, typeDescription: 'Maatschappelijke naam' },
    ],
  },
};

const client = (answer: FakeAnswer) => {
  const fetch = fakeFetch(() => answer);
  return { fetch, kbo: new KbodataClient(createHttp(fetch)) };
};

describe('KbodataClient', () => {
  it('parses enterprise/get.json and sends basic auth in a header only', async () => {
    const { fetch, kbo } = client({ body: ENTERPRISE });
    const outcome = await kbo.enterprise(endpoint, '0123456789');
    expect(fetch.calls[0]!.url).toBe('https://api.kbodata.app/v1/enterprise/get.json?enterpriseNumber=0123456789');
    expect(fetch.calls[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from('user@company.com:tk-secret').toString('base64')}`,
    );
    expect(fetch.calls[0]!.url).not.toContain('tk-secret');
    if (!outcome.ok) throw new Error('expected ok');
    expect(enterpriseToCompany(outcome.value, TODAY)).toEqual({
      name: 'KBO Databank',
      names: [
        { language: 'nl', name: 'KBO Databank' },
        { language: 'fr', name: 'KBO Base de données' },
      ],
      tradeNames: [],
      legalForm: 'Stad / gemeente',
      address: {
        street: 'De Steiger',
        houseNumber: '23',
        postalCode: '6581',
        city: 'Malden',
        line: 'De Steiger 23, 6581 Malden',
      },
      status: 'active',
      startDate: '2000-01-01',
      kboNumber: '0123456789',
      vatNumber: 'BE0123456789',
      links: [
        {
          kind: 'kbo',
          url: 'https://kbopub.economie.fgov.be/kbopub/toonondernemingps.html?ondernemingsnummer=0123456789',
        },
      ],
    });
  });

  it('builds the paid profile from enterprise + activities', async () => {
    const { kbo } = client({
      body: {
        success: 1,
        count: 2,
        data: [
          {
            activityGroup: 'BTW001',
            naceVersion: 2003,
            naceCode: '41000',
            naceDescription: 'Water',
            classification: 'MAIN',
          },
          {
            activityGroup: 'BTW001',
            naceVersion: 2008,
            naceCode: '84114',
            naceDescription: 'Gemeentelijke overheid',
            classification: 'MAIN',
          },
          {
            activityGroup: 'BTW001',
            naceVersion: 2008,
            naceCode: '56309',
            naceDescription: 'Andere drinkgelegenheden',
            classification: 'SECO',
          },
        ],
      },
    });
    const acts = await kbo.activities(endpoint, '0123456789');
    if (!acts.ok) throw new Error('expected ok');
    const profile = enterpriseToProfile(ENTERPRISE.data as never, acts.value, TODAY);
    expect(profile.company.mainActivity).toEqual({
      scheme: 'nace',
      code: '84114',
      description: 'Gemeentelijke overheid',
      main: true,
    });
    expect(profile.establishments).toEqual([{ number: '2123456789', startDate: '2017-01-01' }]);
  });

  it('reads denomination search hits and authorization/me.json', async () => {
    const { kbo } = client({
      body: {
        success: 1,
        count: 2,
        pagination: {},
        data: [
          {
            entityNumber: '0436969360',
            entityType: 'enterprise',
            value: 'DE BRUGSE DATABANK',
            language: 'NL',
            type: 1,
          },
          {
            entityNumber: '2143456789',
            entityType: 'establishment',
            enterpriseNumber: '0436969360',
            value: 'Brugse Databank Oost',
            type: 3,
          },
        ],
      },
    });
    const hits = await kbo.searchDenominations(endpoint, 'databank');
    if (!hits.ok) throw new Error('expected ok');
    expect(denominationsToResults(hits.value).map((r) => [r.kind, r.number, r.name])).toEqual([
      ['kbo', '0436969360', 'DE BRUGSE DATABANK'],
      ['kbo-establishment', '2143456789', 'Brugse Databank Oost'],
    ]);
    const me = await client({
      body: {
        success: 1,
        data: {
          customer: { username: 'user@company.com', planDescription: 'Large' },
          accessToken: { isDevelopment: false, dateExpiration: '2027-03-31' },
        },
      },
    }).kbo.me(endpoint);
    expect(me.ok && me.value.customer.planDescription).toBe('Large');
  });

  it.each<[string, FakeAnswer, object]>([
    ['401', { status: 401, body: { success: 0 } }, { code: 'key-rejected', status: 401 }],
    ['402', { status: 402, body: { success: 0 } }, { code: 'plan-ended', reason: 'plan-expired' }],
    ['429 (monthly quota)', { status: 429, body: { success: 0 } }, { code: 'plan-ended', reason: 'quota-used-up' }],
    ['404', { status: 404, body: { success: 0 } }, { code: 'not-found' }],
    ['422', { status: 422, body: { success: 0 } }, { code: 'malformed-answer', status: 422 }],
    ['503 HTML', { status: 503, body: '<html>' }, { code: 'service-unavailable', reason: 'HTTP 503' }],
    ['success 0 on 200', { status: 200, body: { success: 0, data: null } }, { code: 'malformed-answer', status: 200 }],
    ['broken JSON', { status: 200, body: '{"success":1,' }, { code: 'malformed-answer', status: 200 }],
    [
      'changed shape',
      { status: 200, body: { success: 1, data: { number: 1 } } },
      { code: 'malformed-answer', status: 200 },
    ],
    ['network', { throw: true }, { code: 'network' }],
  ])('maps %s to its typed error', async (_n, answer, error) => {
    const { kbo } = client(answer);
    expect(await kbo.enterprise(endpoint, '0123456789')).toEqual({
      ok: false,
      error: { service: 'kbodata', ...error },
    });
  });

  it('reads the juridical situation as a status', () => {
    expect(kboStatus('000', 'Normale toestand')).toBe('active');
    expect(kboStatus('050', 'Faillissement')).toBe('bankrupt');
    expect(kboStatus('012', 'Ontbinding door de rechter of van rechtswege')).toBe('inactive');
    expect(kboStatus('999', 'Iets anders')).toBe('unknown');
  });

  it('encodes non-ASCII usernames as UTF-8', () => {
    expect(basicAuthorization('é', 't')).toBe(`Basic ${Buffer.from('é:t').toString('base64')}`);
  });
});

describe('kbodata mapping', () => {
  const legal = (value: string, language: string, dates: { dateStart?: string; dateRevoke?: string } = {}) => ({
    value,
    language,
    type: '1',
    typeDescription: 'Maatschappelijke naam',
    ...dates,
  });

  it('keeps the legal name in other languages out of the trade names: one name per language', () => {
    const names = kboNames(
      [
        legal('Brouwerijen Fictief', 'NL'),
        legal('Brasseries Fictives', 'FR'),
        legal('Fiktive Brauereien', 'DE'),
        { value: 'BF', language: 'unknown', type: '2' },
        { value: 'Het Hopje', language: 'NL', type: '3' },
      ],
      '0765432146',
      TODAY,
    );
    expect(names).toEqual({
      name: 'Brouwerijen Fictief',
      names: [
        { language: 'nl', name: 'Brouwerijen Fictief' },
        { language: 'fr', name: 'Brasseries Fictives' },
        { language: 'de', name: 'Fiktive Brauereien' },
      ],
      tradeNames: ['BF', 'Het Hopje'],
    });
    // One language: no list of names per language.
    expect(kboNames([legal('Société Lumière & Fils', 'FR')], '0876543270', TODAY)).toEqual({
      name: 'Société Lumière & Fils',
      tradeNames: [],
    });
  });

  it('takes a denomination whose revoke date has passed as history: neither the name nor a trade name', () => {
    const names = kboNames(
      [
        legal('Oude Naam', 'NL', { dateStart: '1990-01-01', dateRevoke: '2020-06-30' }),
        legal('Nieuwe Naam', 'NL', { dateStart: '2020-07-01' }),
        { value: 'Vroeger Handelsnaam', language: 'NL', type: '3', dateRevoke: '2021-01-01' },
        { value: 'Straks Weg', language: 'NL', type: '3', dateRevoke: '2099-01-01' },
      ],
      '0654321022',
      TODAY,
    );
    expect(names).toEqual({ name: 'Nieuwe Naam', tradeNames: ['Straks Weg'] });
    // Only history left: its last legal name still names it.
    expect(kboNames([legal('Oude Naam', 'NL', { dateRevoke: '2020-06-30' })], '0654321022', TODAY).name).toBe(
      'Oude Naam',
    );
  });

  it('takes an address whose revoke date has passed as history, not as the current address', () => {
    const address = (a: Partial<KboAddress>): KboAddress => ({
      type: 'REGO',
      zipcode: '2000',
      cityNL: 'Antwerpen',
      streetNL: 'Meir',
      addressNumber: '1',
      ...a,
    });
    expect(kboAddress([address({ dateRevoke: '2019-06-30' })], TODAY)).toBeUndefined();
    expect(kboAddress([address({ dateRevoke: TODAY })], TODAY)).toBeUndefined();
    expect(
      kboAddress(
        [address({ dateRevoke: '2019-06-30' }), address({ streetNL: 'Groenplaats', dateRevoke: '2099-12-31' })],
        TODAY,
      )?.line,
    ).toBe('Groenplaats 1, 2000 Antwerpen');
  });

  it('lists the newest NACE version only, each code once, with one main activity', () => {
    const row = (
      naceVersion: number,
      naceCode: string,
      classification: string,
      activityGroup = 'BTW001',
    ): KboActivity => ({
      activityGroup,
      naceVersion: String(naceVersion),
      naceCode,
      naceDescription: `NACE ${naceVersion} ${naceCode}`,
      classification,
    });
    const with2025 = [
      row(2003, '41000', 'MAIN'),
      row(2008, '84114', 'MAIN'),
      row(2008, '56309', 'SECO'),
      row(2025, '84115', 'MAIN', 'RSZ001'),
      row(2025, '84114', 'MAIN'),
      row(2025, '56309', 'SECO'),
      row(2025, '84114', 'MAIN', 'PPO001'),
    ];
    expect(kboActivities(with2025).map((a) => [a.code, a.main])).toEqual([
      ['84114', true], // the VAT group's main activity, though another group lists its own main first
      ['84115', false],
      ['56309', false],
    ]);
    expect(kboActivities(with2025.filter((a) => a.naceVersion !== '2025')).map((a) => [a.code, a.main])).toEqual([
      ['84114', true],
      ['56309', false],
    ]);
    expect(kboActivities([row(2003, '51190', 'MAIN')]).map((a) => a.code)).toEqual(['51190']);
    expect(kboActivities([])).toEqual([]);
  });
});
