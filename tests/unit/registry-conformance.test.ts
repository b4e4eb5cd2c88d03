import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHttp, type Http } from '../../utils/net/http';
import { withRetry } from '../../utils/net/retry';
import { testConnection } from '../../utils/registry/connection';
import { DEFAULT_BASE_URLS, KVK_TEST_KEY } from '../../utils/registry/endpoints';
import type { Outcome } from '../../utils/registry/errors';
import { KbodataClient } from '../../utils/registry/kbodata/client';
import {
  denominationsToResults,
  enterpriseToCompany,
  establishmentToCompany,
  kboActivities,
} from '../../utils/registry/kbodata/map';
import { KvkClient } from '../../utils/registry/kvk/client';
import {
  basisprofielToProfile,
  kvkAddress,
  vestigingsprofielToProfile,
  zoekenToCompany,
  zoekenToResults,
} from '../../utils/registry/kvk/map';
import { KvkAddressSchema, type KvkAddress } from '../../utils/registry/kvk/schema';
import { retryVies, ViesClient } from '../../utils/registry/vies/client';
import { companyFromVat } from '../../utils/registry/vies/map';
import { DEFAULT_CREDENTIALS } from '../../utils/settings/schema';
import { fakeFetch, type FakeCall } from './support/fake-fetch';

// Every real recorded answer in tests/fixtures/registry-samples/ (SOURCES.md says where each comes from) goes through
// the client its manifest names — with an injected fetch that answers the recorded text — its zod schema and its
// mapper, and the domain record is compared field by field with what the answer says. Error answers must give the
// typed result manifest.json names. A sample without an expectation here fails; so does one the project cannot parse.

const ROOT = new URL('../fixtures/registry-samples/', import.meta.url);

interface Sample {
  file: string;
  endpoint: string;
  /** The recorded HTTP status; null when the source did not record it (then tried as 200 and as 500). */
  status: number | null;
  request?: Record<string, string>;
  repair?: { from: string; to: string; why: string };
  expect?: Record<string, unknown>;
  consumed?: false;
}

const manifest = JSON.parse(readFileSync(new URL('manifest.json', ROOT), 'utf8')) as { samples: Sample[] };
const consumed = manifest.samples.filter((s) => s.consumed !== false);
const unconsumed = manifest.samples.filter((s) => s.consumed === false);

/** The sample's text as served: recorded bytes, with the manifest's documented repair applied. */
function sampleText(sample: Sample): string {
  const text = readFileSync(new URL(sample.file, ROOT), 'utf8');
  if (!sample.repair) return text;
  expect(text.split(sample.repair.from), `${sample.file}: the repair applies exactly once`).toHaveLength(2);
  return text.replace(sample.repair.from, sample.repair.to);
}

const NOW = Date.UTC(2026, 4, 1, 12);
const TODAY = '2026-05-01';
const KVK = { baseUrl: DEFAULT_BASE_URLS.kvkTest, apiKey: KVK_TEST_KEY, test: true };
const KBO = { baseUrl: DEFAULT_BASE_URLS.kbodata, username: 'conformance@example.test', token: 'token' };
const VIES = DEFAULT_BASE_URLS.vies;
/** Retries without waiting: what the fetcher does, minus the backoff. */
const NO_WAIT = { maxTries: 3, baseDelayMs: 1, maxDelayMs: 1, random: () => 0, sleep: async () => {} };

/** What one endpoint's client call and mapper make of an answer: the mapped value, or the typed error. */
type Runner = (http: Http, sample: Sample) => Promise<Outcome<unknown>>;

const mapped = <A>(o: Outcome<A>, f: (a: A) => unknown): Outcome<unknown> =>
  o.ok ? { ok: true, value: f(o.value) } : o;

const RUNNERS: Record<string, Runner> = {
  'kvk.zoeken': async (http, s) =>
    mapped(await new KvkClient(http).zoeken(KVK, s.request!), (z) => ({
      company: zoekenToCompany(z),
      results: zoekenToResults(z),
    })),
  'kvk.basisprofiel': async (http, s) =>
    mapped(await new KvkClient(http).basisprofiel(KVK, s.request!.kvkNummer!), basisprofielToProfile),
  'kvk.vestigingsprofiel': async (http, s) =>
    mapped(await new KvkClient(http).vestigingsprofiel(KVK, s.request!.vestigingsnummer!), vestigingsprofielToProfile),
  'vies.ms': async (http, s) => {
    const vies = new ViesClient(http, () => NOW);
    return withRetry(() => vies.checkByMemberState(VIES, s.request!.vat!), retryVies, NO_WAIT);
  },
  'vies.post': async (http, s) => {
    const vies = new ViesClient(http, () => NOW);
    return withRetry(() => vies.checkWithRequester(VIES, s.request!.vat!, s.request!.requester!), retryVies, NO_WAIT);
  },
  'kbodata.enterprise': async (http, s) =>
    mapped(await new KbodataClient(http).enterprise(KBO, s.request!.number!), (e) => enterpriseToCompany(e, TODAY)),
  'kbodata.establishment': async (http, s) =>
    mapped(await new KbodataClient(http).establishment(KBO, s.request!.number!), (e) =>
      establishmentToCompany(e, TODAY),
    ),
  'kbodata.activities': async (http, s) =>
    mapped(await new KbodataClient(http).activities(KBO, s.request!.number!), kboActivities),
  'kbodata.denominations': async (http, s) =>
    mapped(await new KbodataClient(http).searchDenominations(KBO, s.request!.query!), denominationsToResults),
  'kbodata.me': async (http) => {
    const credentials = {
      ...DEFAULT_CREDENTIALS,
      kbodata: { username: KBO.username, token: KBO.token, baseUrl: null },
    };
    const answer = await testConnection(http, credentials, 'kbodata');
    return answer.ok ? { ok: true, value: answer.info } : answer;
  },
};

const kvkLink = (n: string) => ({ kind: 'kvk', url: `https://www.kvk.nl/zoeken/?source=all&q=${n}` });
const kboLink = (n: string) => ({
  kind: 'kbo',
  url: `https://kbopub.economie.fgov.be/kbopub/toonondernemingps.html?ondernemingsnummer=${n}`,
});
const sbi = (code: string, description: string, main: boolean) => ({ scheme: 'sbi', code, description, main });

const DAGOBERT_ADDRESS = {
  street: 'Abebe Bikilalaan',
  houseNumber: '17 M',
  postalCode: '1034WL',
  city: 'Amsterdam',
  line: 'Abebe Bikilalaan 17 M, 1034WL Amsterdam',
};
const DAGOBERT_SBI = [
  sbi('10110', 'Verwerking en conservering van vlees, met uitzondering van vlees van gevogelte', true),
  sbi('10120', 'Verwerking en conservering van vlees van gevogelte', false),
  sbi('10130', 'Vervaardiging van vleesproducten', false),
];
const DAGOBERT_ESTABLISHMENTS = [
  { number: '000038509504', name: 'Test EMZ Dagobert', address: DAGOBERT_ADDRESS, startDate: '2015-08-28', main: true },
];
const DAGOBERT_ZOEKEN = {
  company: {
    name: 'Test EMZ Dagobert',
    tradeNames: ['Test EMZ Nevenvestiging Govert'],
    address: { street: 'Abebe Bikilalaan', city: 'Amsterdam', line: 'Abebe Bikilalaan, Amsterdam' },
    status: 'unknown',
    kvkNumber: '69599084',
    branchNumber: '000038509504',
    links: [kvkLink('69599084')],
  },
  results: [
    {
      source: 'kvk',
      name: 'Test EMZ Nevenvestiging Govert',
      kind: 'kvk-branch',
      number: '000038509520',
      type: 'branch',
      city: 'Maastricht',
    },
    {
      source: 'kvk',
      name: 'Test EMZ Dagobert',
      kind: 'kvk-branch',
      number: '000038509504',
      type: 'main',
      city: 'Amsterdam',
    },
  ],
};
const DAGOBERT_PROFILE = {
  company: {
    name: 'Test EMZ Dagobert',
    tradeNames: [
      'Tweede handelsnaam 1MZ',
      'Derde handelsnaam 1MZ',
      'Vierde handelsnaam 1MZ',
      'Test EMZ Nevenvestiging Govert',
      'Tweede handelsnaam Vestiging2',
      'Derde handelsnaam Vestiging2',
      'Vierde handelsnaam Vestiging2',
    ],
    legalForm: 'Eenmanszaak',
    address: DAGOBERT_ADDRESS,
    status: 'active',
    startDate: '2017-01-08',
    mainActivity: DAGOBERT_SBI[0],
    kvkNumber: '69599084',
    branchNumber: '000038509504',
    links: [kvkLink('69599084')],
  },
  activities: DAGOBERT_SBI,
  establishments: DAGOBERT_ESTABLISHMENTS,
  employees: 1,
  websites: [],
};
const JOYFLEX = {
  name: 'Grand Joyflex B.V.',
  tradeNames: [],
  address: { city: 'Sterksel', line: 'Sterksel' },
  status: 'unknown',
  kvkNumber: '90001354',
  branchNumber: '990000541921',
  links: [kvkLink('90001354')],
};
const JOYFLEX_RESULTS = [
  {
    source: 'kvk',
    name: 'Grand Joyflex B.V.',
    kind: 'kvk-branch',
    number: '990000541921',
    type: 'main',
    city: 'Sterksel',
  },
];
const DONALD_ADDRESS = {
  street: 'Hizzaarderlaan',
  houseNumber: '3 A',
  postalCode: '8823SJ',
  city: 'Lollum',
  line: 'Hizzaarderlaan 3 A, 8823SJ Lollum',
};
const KBO_NAMES = {
  name: 'KBO Databank',
  names: [
    { language: 'nl', name: 'KBO Databank' },
    { language: 'fr', name: 'KBO Base de données' },
  ],
  // The French form of the legal name is not a trade name.
  tradeNames: [],
};
const unavailable = (reason: string) => ({
  verdict: 'unavailable',
  memberState: 'BE',
  number: '0244142664',
  checkedAt: NOW,
  name: null,
  address: null,
  reason,
});

/** Per sample: the one request the client sends, and the domain record (or typed error) the answer gives. */
const EXPECTED: Record<string, { url: string; method?: string; value?: unknown; error?: unknown; calls?: number }> = {
  'kvk/zoeken-kvknummer-69599084.json': {
    url: 'https://api.kvk.nl/test/api/v2/zoeken?kvkNummer=69599084',
    value: DAGOBERT_ZOEKEN,
  },
  'kvk/zoeken-kvknummer-69599084-links-array.json': {
    url: 'https://api.kvk.nl/test/api/v2/zoeken?kvkNummer=69599084',
    value: DAGOBERT_ZOEKEN,
  },
  'kvk/zoeken-rsin-992760562.json': {
    url: 'https://api.kvk.nl/test/api/v2/zoeken?rsin=992760562',
    value: { company: { ...JOYFLEX, rsin: '992760562' }, results: JOYFLEX_RESULTS },
  },
  'kvk/zoeken-vestigingsnummer-990000541921.json': {
    url: 'https://api.kvk.nl/test/api/v2/zoeken?vestigingsnummer=990000541921',
    value: { company: JOYFLEX, results: JOYFLEX_RESULTS },
  },
  'kvk/zoeken-doc-69599068-rechtspersoon.json': {
    url: 'https://api.kvk.nl/test/api/v2/zoeken?kvkNummer=69599068',
    value: {
      company: {
        name: 'Test Stichting Bolderbast',
        tradeNames: [],
        address: { street: 'Oosterwal', city: 'Lochem', line: 'Oosterwal, Lochem' },
        status: 'unknown',
        kvkNumber: '69599068',
        links: [kvkLink('69599068')],
      },
      results: [
        {
          source: 'kvk',
          name: 'Test Stichting Bolderbast',
          kind: 'kvk',
          number: '69599068',
          type: 'legal-entity',
          city: 'Lochem',
        },
      ],
    },
  },
  'kvk/basisprofiel-69599084.json': {
    url: 'https://api.kvk.nl/test/api/v1/basisprofielen/69599084',
    value: DAGOBERT_PROFILE,
  },
  'kvk/basisprofiel-69599084-links-array.json': {
    url: 'https://api.kvk.nl/test/api/v1/basisprofielen/69599084',
    value: DAGOBERT_PROFILE,
  },
  'kvk/basisprofiel-90000749-vve-no-branch.json': {
    url: 'https://api.kvk.nl/test/api/v1/basisprofielen/90000749',
    value: {
      company: {
        name: 'Global Conron',
        tradeNames: [],
        legalForm: 'Vereniging van Eigenaars',
        // No branch: the owner's address is the company's.
        address: {
          street: 'Blaauwweg',
          houseNumber: '163',
          postalCode: '3328XD',
          city: 'Dordrecht',
          line: 'Blaauwweg 163, 3328XD Dordrecht',
        },
        status: 'active',
        startDate: '1999-11-03',
        mainActivity: sbi('94997', 'Overige belangenbehartiging (rest)', true),
        kvkNumber: '90000749',
        rsin: '992340597',
        links: [kvkLink('90000749')],
      },
      activities: [sbi('94997', 'Overige belangenbehartiging (rest)', true)],
      establishments: [],
      websites: [],
    },
  },
  'kvk/vestigingsprofiel-000038509504.json': {
    url: 'https://api.kvk.nl/test/api/v1/vestigingsprofielen/000038509504',
    value: {
      company: {
        name: 'Test EMZ Dagobert',
        tradeNames: ['Tweede handelsnaam 1MZ', 'Derde handelsnaam 1MZ', 'Vierde handelsnaam 1MZ'],
        address: DAGOBERT_ADDRESS,
        status: 'active',
        startDate: '2015-08-28',
        mainActivity: DAGOBERT_SBI[0],
        kvkNumber: '69599084',
        branchNumber: '000038509504',
        links: [kvkLink('69599084')],
      },
      activities: DAGOBERT_SBI,
      establishments: DAGOBERT_ESTABLISHMENTS,
      employees: 1,
      websites: [],
    },
  },
  'kvk/vestigingsprofiel-000037178598-donald.json': {
    url: 'https://api.kvk.nl/test/api/v1/vestigingsprofielen/000037178598',
    value: {
      company: {
        name: 'Test BV Donald',
        tradeNames: [],
        address: DONALD_ADDRESS,
        status: 'active',
        startDate: '2014-02-10',
        mainActivity: sbi('01241', 'Teelt van appels en peren', true),
        kvkNumber: '68750110',
        branchNumber: '000037178598',
        rsin: '857587973',
        links: [kvkLink('68750110')],
      },
      activities: [sbi('01241', 'Teelt van appels en peren', true)],
      establishments: [
        {
          number: '000037178598',
          name: 'Test BV Donald',
          address: DONALD_ADDRESS,
          startDate: '2014-02-10',
          main: true,
        },
      ],
      employees: 1,
      websites: [],
    },
  },
  'kvk/error-zoeken-404-IPD5200.json': {
    url: 'https://api.kvk.nl/test/api/v2/zoeken?kvkNummer=12345678',
    error: { code: 'not-found', service: 'kvk' },
  },
  'kvk/error-zoeken-400-IPD0004.json': {
    url: 'https://api.kvk.nl/test/api/v2/zoeken?kvkNummer=90004333',
    error: { code: 'not-found', service: 'kvk' },
  },
  'kvk/error-basisprofiel-404-IPD0005.json': {
    url: 'https://api.kvk.nl/test/api/v1/basisprofielen/12345678',
    error: { code: 'not-found', service: 'kvk' },
  },
  'kvk/error-basisprofiel-500-IPD9999.json': {
    url: 'https://api.kvk.nl/test/api/v1/basisprofielen/12345678',
    error: { code: 'service-unavailable', service: 'kvk', reason: 'IPD9999' },
  },
  'kvk/error-vestigingsprofiel-400-IPD0006.json': {
    url: 'https://api.kvk.nl/test/api/v1/vestigingsprofielen/12345678',
    error: { code: 'not-found', service: 'kvk' },
  },
  'vies/ms-FR-27552032534-valid.json': {
    url: `${VIES}/ms/FR/vat/27552032534`,
    value: {
      verdict: 'valid',
      memberState: 'FR',
      number: '27552032534',
      checkedAt: Date.parse('2023-04-06T21:14:10.956Z'),
      name: 'SA DANONE',
      address: '17 BD HAUSSMANN\n75009 PARIS',
    },
  },
  'vies/check-vat-number-BE-0244142664-valid.json': {
    url: `${VIES}/check-vat-number`,
    method: 'POST',
    value: {
      verdict: 'valid',
      memberState: 'BE',
      number: '0244142664',
      checkedAt: Date.parse('2024-04-23T08:04:10.919Z'),
      name: 'NV OR De Vlaamse Radio- en Televisieomroeporganisatie',
      address: 'Auguste Reyerslaan 52\n1030 Schaarbeek',
    },
  },
  'vies/check-vat-number-error-MS_UNAVAILABLE.json': {
    url: `${VIES}/check-vat-number`,
    method: 'POST',
    value: unavailable('MS_UNAVAILABLE'),
    calls: 3,
  },
  'vies/check-vat-number-error-MS_MAX_CONCURRENT_REQ.json': {
    url: `${VIES}/check-vat-number`,
    method: 'POST',
    value: unavailable('MS_MAX_CONCURRENT_REQ'),
    calls: 3,
  },
  'kbodata/enterprise-get-0123456789.json': {
    url: 'https://api.kbodata.app/v1/enterprise/get.json?enterpriseNumber=0123456789',
    value: {
      ...KBO_NAMES,
      legalForm: 'Stad / gemeente',
      // Its only address was revoked on 2017-01-01: history, so no current address.
      status: 'active',
      startDate: '2000-01-01',
      kboNumber: '0123456789',
      vatNumber: 'BE0123456789',
      links: [kboLink('0123456789')],
    },
  },
  'kbodata/establishment-get-2123456789.json': {
    url: 'https://api.kbodata.app/v1/establishment/get.json?establishmentNumber=2123456789',
    value: {
      ...KBO_NAMES,
      status: 'unknown',
      startDate: '2017-01-01',
      kboNumber: '0123456789',
      establishmentNumber: '2123456789',
      links: [kboLink('0123456789')],
    },
  },
  'kbodata/activity-get-list-0123456789.json': {
    url: 'https://api.kbodata.app/v1/activity/get-list.json?entityNumber=0123456789',
    // NACE 2008 only (the 2003 row is older), each code once, one main activity.
    value: [
      {
        scheme: 'nace',
        code: '84114',
        description: 'Gemeentelijke overheid, met uitzondering van het O.C.M.W.',
        main: true,
      },
      { scheme: 'nace', code: '56309', description: 'Andere drinkgelegenheden', main: false },
    ],
  },
  'kbodata/denomination-search-databank.json': {
    url: 'https://api.kbodata.app/v1/denomination/search.json?query=databank',
    value: [
      ['DE BRUGSE DATABANK', '0436969360'],
      ['INVESTMENTS OVERSEAS DATABANK EUROGOLD', '0442157870'],
      ['WEST VLAAMSE DATABANK', '0443786678'],
      ['Omni Databank', '0446386476'],
    ].map(([name, number]) => ({ source: 'kbodata', name, kind: 'kbo', number, type: 'enterprise' })),
  },
  'kbodata/authorization-me.json': {
    url: 'https://api.kbodata.app/v1/authorization/me.json',
    value: {
      service: 'kbodata',
      plan: 'Large',
      username: 'user@company.com',
      development: false,
      expires: '2018-03-31',
    },
  },
};

/** Runs one sample through its endpoint's client and mapper, the recorded text answered with `status`. */
async function run(sample: Sample, status: number): Promise<{ outcome: Outcome<unknown>; calls: FakeCall[] }> {
  const body = sampleText(sample);
  const fetch = fakeFetch(() => ({ status, body, headers: { 'content-type': 'application/json' } }));
  const outcome = await RUNNERS[sample.endpoint]!(createHttp(fetch), sample);
  return { outcome, calls: fetch.calls };
}

/** Compares a record key by key, so a failure names the field. */
function expectFields(actual: unknown, expected: unknown, label: string) {
  if (expected && typeof expected === 'object' && !Array.isArray(expected) && actual && typeof actual === 'object') {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys)
      expectFields(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${label}.${key}`,
      );
    return;
  }
  expect(actual, label).toEqual(expected);
}

describe('registry samples', () => {
  it('are all in the manifest, and the manifest lists only files that exist', () => {
    const files = (dir: string): string[] =>
      readdirSync(new URL(dir, ROOT)).flatMap((name) =>
        statSync(new URL(`${dir}${name}`, ROOT)).isDirectory() ? files(`${dir}${name}/`) : [`${dir}${name}`],
      );
    const onDisk = files('').filter((f) => f !== 'SOURCES.md' && f !== 'manifest.json');
    expect(onDisk.sort()).toEqual(manifest.samples.map((s) => s.file).sort());
  });

  it('lists the answers of APIs the project never calls as unconsumed, and no client reads them', () => {
    expect(unconsumed.map((s) => s.file)).toEqual([
      'vies/soap-checkVat-LU-26375245-valid.xml',
      'vies/soap-fault-INVALID_INPUT.xml',
    ]);
    for (const s of unconsumed) expect(RUNNERS[s.endpoint], s.endpoint).toBeUndefined();
  });

  it('have an expected record for every consumed sample', () => {
    expect(consumed.filter((s) => !EXPECTED[s.file]).map((s) => s.file)).toEqual([]);
    expect(Object.keys(EXPECTED).sort()).toEqual(consumed.map((s) => s.file).sort());
  });
});

describe.each(
  consumed.flatMap((s) => (s.status === null ? [200, 500] : [s.status]).map((status) => ({ ...s, status }))),
)('conformance: $file (HTTP $status) through $endpoint', (sample) => {
  it('gives the domain record the answer says, or the typed error the manifest names', async () => {
    const expected = EXPECTED[sample.file]!;
    expect(RUNNERS[sample.endpoint], `a client call for ${sample.endpoint}`).toBeDefined();
    const { outcome, calls } = await run(sample, sample.status!);
    expect(calls[0], 'the request').toMatchObject({ url: expected.url, method: expected.method ?? 'GET' });
    expect(calls, 'requests sent (retries)').toHaveLength(expected.calls ?? 1);
    if (expected.error) {
      expect(outcome.ok, 'an error answer gives a typed error').toBe(false);
      expect(!outcome.ok && outcome.error).toEqual(expected.error);
      expect(!outcome.ok && outcome.error).toMatchObject(sample.expect ?? {});
      return;
    }
    if (!outcome.ok) expect.fail(`${sample.file} gave ${JSON.stringify(outcome.error)}`);
    expectFields(outcome.value, expected.value, sample.file);
    if (sample.expect) {
      const { retried, ...fields } = sample.expect as { retried?: boolean };
      expect(outcome.value).toMatchObject(fields);
      if (retried !== undefined) expect(calls.length > 1, 'retried').toBe(retried);
    }
  });
});

describe('conformance: addresses as KVK writes them', () => {
  /** Every address object with a volledigAdres in a sample. */
  const addresses = (node: unknown): KvkAddress[] =>
    !node || typeof node !== 'object'
      ? []
      : [
          ...('volledigAdres' in node ? [node as KvkAddress] : []),
          ...Object.values(node).flatMap((child) => addresses(child)),
        ];
  const profiles = consumed.filter((s) => s.file.startsWith('kvk/') && !s.expect);
  const all = profiles.flatMap((s) => addresses(JSON.parse(sampleText(s))).map((a) => ({ file: s.file, a })));

  it('finds the padded, the unpadded, the PO box and the house-number-addition addresses', () => {
    expect(all.map(({ a }) => a.volledigAdres!.replace(/\s+/g, ' '))).toEqual(
      expect.arrayContaining([
        'Abebe Bikilalaan 17 M 1034WL Amsterdam',
        'Blaauwweg 163 3328XD Dordrecht',
        'Postbus 200 1000AE Rommeldam',
        'Hizzaarderlaan 3 A 8823SJ Lollum',
      ]),
    );
  });

  it.each(all.map(({ file, a }) => [file, a.volledigAdres!, a] as const))(
    '%s: %j reads as KVK writes it',
    (_file, volledigAdres, a) => {
      const line = kvkAddress(KvkAddressSchema.parse(a))?.line;
      // Our line is KVK's volledigAdres with its padding (25 or 33 spaces, or one) as ", ".
      expect(line?.replace(', ', ' ')).toBe(volledigAdres.replace(/\s+/g, ' ').trim());
    },
  );
});

describe('conformance: companies from VIES answers', () => {
  it('makes the card company of a valid check from the name and address VIES shares', async () => {
    const post = manifest.samples.find((s) => s.file === 'vies/check-vat-number-BE-0244142664-valid.json')!;
    const { outcome } = await run(post, 200);
    if (!outcome.ok) expect.fail(JSON.stringify(outcome.error));
    const part = {
      ok: true as const,
      value: outcome.value as never,
      source: 'vies' as const,
      fetchedAt: NOW,
      cached: false,
    };
    const company = companyFromVat(part, 'BE0244142664');
    expect(company?.ok && company.value).toEqual({
      name: 'NV OR De Vlaamse Radio- en Televisieomroeporganisatie',
      tradeNames: [],
      address: { line: 'Auguste Reyerslaan 52, 1030 Schaarbeek' },
      status: 'unknown',
      vatNumber: 'BE0244142664',
      kboNumber: '0244142664',
      links: [kboLink('0244142664')],
    });
  });
});
