import { describe, expect, it } from 'vitest';
import { PersistentCache } from '../../utils/net/cache';
import { createHttp } from '../../utils/net/http';
import { memoryStore } from '../../utils/net/store';
import { UsageMeter } from '../../utils/net/usage';
import { Fetcher } from '../../utils/registry/fetcher';
import { LookupService } from '../../utils/registry/service';
import { DEFAULT_CREDENTIALS, type Credentials } from '../../utils/settings/schema';
import { fakeFetch, type FakeAnswer } from './support/fake-fetch';

const NOW = Date.UTC(2026, 10, 23, 12);
const noRetryDelay = { maxTries: 3, baseDelayMs: 0, maxDelayMs: 10, random: () => 0, sleep: async () => {} };

const ZOEKEN = {
  totaal: 1,
  resultaten: [
    {
      kvkNummer: '68750110',
      vestigingsnummer: '000037178598',
      naam: 'Test BV Donald',
      type: 'hoofdvestiging',
      actief: 'Ja',
    },
  ],
};
const ENTERPRISE = {
  success: 1,
  data: {
    enterpriseNumber: '0403170701',
    juridicalSituationCode: '000',
    denominations: [{ value: 'Fictief NV', type: 1 }],
  },
};
const VIES_VALID = { isValid: true, userError: 'VALID', name: 'FICTIEF NV', address: 'Rue 1\n1000 Bruxelles' };

function routes(url: URL): FakeAnswer {
  if (url.host === 'api.kvk.nl')
    return url.pathname.includes('basisprofielen')
      ? { body: { kvkNummer: '68750110', naam: 'Test BV Donald' } }
      : { body: ZOEKEN };
  if (url.host === 'ec.europa.eu') return { body: VIES_VALID };
  if (url.pathname.endsWith('activity/get-list.json')) return { body: { success: 1, data: [] } };
  return { body: ENTERPRISE };
}

function setup(
  credentials: Partial<Credentials> = {},
  options: { cap?: number; store?: ReturnType<typeof memoryStore>; route?: (u: URL) => FakeAnswer } = {},
) {
  const store = options.store ?? memoryStore();
  const fetch = fakeFetch(options.route ?? routes);
  const now = () => NOW;
  const cache = new PersistentCache(store, { now });
  const usage = new UsageMeter(store, now);
  const cap = options.cap ?? 500;
  const fetcher = new Fetcher({ cache, usage, now, readCap: async () => cap, retry: noRetryDelay });
  const service = new LookupService({
    http: createHttp(fetch),
    fetcher,
    cache,
    usage,
    now,
    readCredentials: async () => ({ ...DEFAULT_CREDENTIALS, ...credentials }),
    readLimits: async () => ({ monthlyPaidCap: cap }),
  });
  return { service, fetch, store, fetcher, cache };
}

const KVK = { kvk: { apiKey: 'kvk-key', useTestEnvironment: false, baseUrl: null } };
const KBO = { kbodata: { username: 'me@example.com', token: 'kbo-token', baseUrl: null } };

describe('LookupService.lookup', () => {
  it('merges 50 simultaneous lookups of one number into 1 request, then answers from the cache', async () => {
    const { service, fetch } = setup(KVK);
    const answers = await Promise.all(Array.from({ length: 50 }, () => service.lookup('kvk', '68750110')));
    expect(fetch.calls).toHaveLength(1);
    expect(new Set(answers.map((a) => a.company?.ok && a.company.value.name))).toEqual(new Set(['Test BV Donald']));
    const again = await service.lookup('kvk', '68750110');
    expect(fetch.calls).toHaveLength(1);
    expect(again.company).toMatchObject({ ok: true, cached: true, source: 'kvk', fetchedAt: NOW });
  });

  it('serves a cached number with 0 requests after a restart (new service on the same storage)', async () => {
    const first = setup(KVK);
    await first.service.lookup('kvk', '68750110');
    await first.cache.idle(); // the answer went back before its cache write; the worker stops later
    const restarted = setup(KVK, { store: first.store });
    const answer = await restarted.service.lookup('kvk', '68750110');
    expect(restarted.fetch.calls).toHaveLength(0);
    expect(answer.company?.ok && answer.company.cached).toBe(true);
  });

  it('without any key: no-key for KVK, VIES for a Belgian number, links always', async () => {
    const { service, fetch } = setup();
    const nl = await service.lookup('kvk', '68750110');
    expect(nl.company).toMatchObject({ ok: false, error: { code: 'no-key', service: 'kvk' } });
    expect(nl.links[0]!.url).toContain('kvk.nl');
    const be = await service.lookup('kbo', '0403170701');
    expect(be.vat).toMatchObject({ ok: true, value: { verdict: 'valid', memberState: 'BE' } });
    expect(be.company).toMatchObject({
      ok: true,
      source: 'vies',
      value: { name: 'FICTIEF NV', address: { line: 'Rue 1, 1000 Bruxelles' }, kboNumber: '0403170701' },
    });
    expect(fetch.calls.map((c) => new URL(c.url).host)).toEqual(['ec.europa.eu']);
  });

  it('a Dutch VAT number holding an RSIN: with a KVK key, KVK Zoeken by that RSIN says who the company is', async () => {
    const { service, fetch } = setup(KVK);
    const answer = await service.lookup('vat', 'NL857587973B01');
    expect(answer.vat).toMatchObject({ ok: true, value: { verdict: 'valid', memberState: 'NL' } });
    expect(answer.company).toMatchObject({ ok: true, source: 'kvk', value: { kvkNumber: '68750110' } });
    const kvkCalls = fetch.calls.filter((c) => new URL(c.url).host === 'api.kvk.nl');
    expect(kvkCalls.map((c) => new URL(c.url).searchParams.get('rsin'))).toEqual(['857587973']);

    // Without a key: VIES alone, and its name.
    const keyless = setup();
    expect((await keyless.service.lookup('vat', 'NL857587973B01')).company).toMatchObject({ source: 'vies' });
    expect(keyless.fetch.calls.map((c) => new URL(c.url).host)).toEqual(['ec.europa.eu']);

    // A number whose digits are no RSIN (a sole trader's, since 2020): KVK is not asked.
    const soleTrader = setup(KVK);
    await soleTrader.service.lookup('vat', 'NL003987654B23');
    expect(soleTrader.fetch.calls.map((c) => new URL(c.url).host)).toEqual(['ec.europa.eu']);
  });

  it("a Dutch VAT number KVK does not know keeps VIES's name; a KVK failure beside it is a warning", async () => {
    const route = (status: number, body: unknown) => (url: URL) =>
      url.host === 'api.kvk.nl' ? { status, body } : routes(url);
    const unknown = setup(KVK, { route: route(404, { fout: [{ code: 'IPD5200', omschrijving: 'Geen resultaten' }] }) });
    const a = await unknown.service.lookup('vat', 'NL857587973B01');
    expect(a.company).toMatchObject({ ok: true, source: 'vies', value: { name: 'FICTIEF NV' } });
    expect(a.warnings).toBeUndefined();
    const rejected = setup(KVK, { route: route(401, {}) });
    const b = await rejected.service.lookup('vat', 'NL857587973B01');
    expect(b.company).toMatchObject({ ok: true, source: 'vies' });
    expect(b.warnings).toEqual([{ code: 'key-rejected', service: 'kvk', status: 401 }]);
  });

  it('the KVK test environment is a demo mode with the public test key', async () => {
    const { service, fetch } = setup({ kvk: { apiKey: '', useTestEnvironment: true, baseUrl: null } });
    const answer = await service.lookup('kvk', '68750110');
    expect(answer.company).toMatchObject({ ok: true, demo: true });
    expect(fetch.calls[0]!.url).toMatch(/^https:\/\/api\.kvk\.nl\/test\/api\/v2\/zoeken\?/);
    expect(fetch.calls[0]!.headers.apikey).toBe('l7xx1f2691f2520d487b902f4e0b57a0b197');
  });

  it('a Belgian number with kbodata credentials: kbodata company + VIES verdict; each key only to its own host', async () => {
    const { service, fetch } = setup({ ...KVK, ...KBO });
    const answer = await service.lookup('kbo', '0403170701');
    expect(answer.company).toMatchObject({
      ok: true,
      source: 'kbodata',
      value: { name: 'Fictief NV', status: 'active' },
    });
    expect(answer.vat).toMatchObject({ ok: true, value: { verdict: 'valid' } });
    await service.lookup('kvk', '68750110');
    for (const call of fetch.calls) {
      const host = new URL(call.url).host;
      expect(call.url).not.toMatch(/kvk-key|kbo-token/);
      if (host !== 'api.kvk.nl') expect(call.headers.apikey).toBeUndefined();
      if (host !== 'api.kbodata.app') expect(call.headers.authorization).toBeUndefined();
    }
  });

  it('falls back to VIES when kbodata fails, and says why in warnings', async () => {
    const { service } = setup(KBO, {
      route: (url) => (url.host === 'api.kbodata.app' ? { status: 402, body: { success: 0 } } : { body: VIES_VALID }),
    });
    const answer = await service.lookup('kbo', '0403170701');
    expect(answer.company).toMatchObject({ ok: true, source: 'vies', value: { name: 'FICTIEF NV' } });
    expect(answer.warnings).toEqual([{ code: 'plan-ended', service: 'kbodata', reason: 'plan-expired' }]);
  });

  it('retries a temporary VIES answer and keeps a verdict it could not get apart from invalid', async () => {
    const { service, fetch } = setup(
      {},
      { route: () => ({ body: { isValid: false, userError: 'MS_MAX_CONCURRENT_REQ' } }) },
    );
    const answer = await service.lookup('vat', 'DE123456789');
    expect(fetch.calls).toHaveLength(3);
    expect(answer.vat).toMatchObject({ ok: true, value: { verdict: 'unavailable', reason: 'MS_MAX_CONCURRENT_REQ' } });
    expect(answer.company).toBeUndefined();
  });
});

describe('LookupService.lookup for the report', () => {
  it('paid: false never asks kbodata.app, even with its credentials set', async () => {
    const { service, fetch } = setup({ ...KVK, ...KBO });
    const enterprise = await service.lookup('kbo', '0403170701', { paid: false });
    expect(enterprise.company).toMatchObject({ ok: true, source: 'vies', value: { name: 'FICTIEF NV' } });
    expect(enterprise.vat).toMatchObject({ ok: true, value: { verdict: 'valid' } });
    const establishment = await service.lookup('kbo-establishment', '2134567845', { paid: false });
    expect(establishment.company).toBeUndefined();
    expect(fetch.calls.map((c) => new URL(c.url).host)).toEqual(['ec.europa.eu']);
    expect(await service.paidServices()).toEqual({ kbodata: true });
    expect(await setup().service.paidServices()).toEqual({ kbodata: false });
  });

  it('bypassCache checks again; the fresh verdict is the one cached', async () => {
    const { service, fetch, cache } = setup();
    await service.lookup('vat', 'DE136695976');
    await cache.idle();
    expect((await service.lookup('vat', 'DE136695976')).vat).toMatchObject({ cached: true });
    expect((await service.lookup('vat', 'DE136695976', { bypassCache: true })).vat).toMatchObject({ cached: false });
    expect(fetch.calls).toHaveLength(2);
  });
});

describe('LookupService.details and the usage cap', () => {
  it('counts paid KVK queries and stops at the cap with its own error, without a request', async () => {
    const { service, fetch } = setup(KVK, { cap: 2 });
    expect((await service.details('kvk', '68750110')).ok).toBe(true);
    expect((await service.details('kvk', '69599084')).ok).toBe(true);
    const third = await service.details('kvk', '90004760');
    expect(third).toMatchObject({ ok: false, error: { code: 'paid-cap-reached', service: 'kvk', cap: 2, used: 2 } });
    expect(fetch.calls).toHaveLength(2);
    expect(await service.usage()).toEqual({
      month: '2026-11',
      cap: 2,
      services: { kvk: { paidQueries: 2, estimatedCostEur: 0.04 }, kbodata: { paidQueries: 0, estimatedCostEur: 0 } },
    });
  });

  it('does not count the free KVK test environment', async () => {
    const { service } = setup({ kvk: { apiKey: '', useTestEnvironment: true, baseUrl: null } }, { cap: 0 });
    expect((await service.details('kvk', '68750110')).ok).toBe(true);
  });
});

describe('LookupService.search and testConnection', () => {
  it('searches KVK by name and kbodata denominations', async () => {
    const { service } = setup(
      { ...KVK, ...KBO },
      {
        route: (url) =>
          url.host === 'api.kvk.nl'
            ? { body: ZOEKEN }
            : {
                body: {
                  success: 1,
                  data: [{ entityNumber: '0403170701', entityType: 'enterprise', value: 'Fictief NV' }],
                },
              },
      },
    );
    const answer = await service.search('Fictief');
    expect(answer.kvk).toMatchObject({ ok: true, value: [{ name: 'Test BV Donald', kind: 'kvk-branch' }] });
    expect(answer.kbodata).toMatchObject({ ok: true, value: [{ name: 'Fictief NV', kind: 'kbo' }] });
  });

  it('tests kbodata with authorization/me.json and says what is wrong', async () => {
    const ok = setup(KBO, {
      route: () => ({
        body: {
          success: 1,
          data: {
            customer: { username: 'me@example.com', planDescription: 'Large' },
            accessToken: { isDevelopment: true },
          },
        },
      }),
    });
    expect(await ok.service.testConnection('kbodata')).toEqual({
      ok: true,
      info: { service: 'kbodata', plan: 'Large', username: 'me@example.com', development: true },
    });
    const rejected = setup(KBO, { route: () => ({ status: 401, body: { success: 0 } }) });
    expect(await rejected.service.testConnection('kbodata')).toEqual({
      ok: false,
      error: { code: 'key-rejected', service: 'kbodata', status: 401 },
    });
    expect(await setup().service.testConnection('kvk')).toEqual({
      ok: false,
      error: { code: 'no-key', service: 'kvk' },
    });
  });
});
