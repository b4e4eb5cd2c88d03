import { describe, expect, it } from 'vitest';
import { CACHE_AGES, PersistentCache } from '../../utils/net/cache';
import { createHttp, type FetchFn } from '../../utils/net/http';
import { PacedQueue } from '../../utils/net/paced-queue';
import { memoryStore } from '../../utils/net/store';
import { UsageMeter } from '../../utils/net/usage';
import { cacheAge, Fetcher } from '../../utils/registry/fetcher';
import { openDataWait } from '../../utils/registry/lookup/open-data';
import { LookupService } from '../../utils/registry/service';
import { DEFAULT_CREDENTIALS } from '../../utils/settings/schema';
import { NL } from '../fixtures/registry/companies';
import { createOpenDataHandler } from '../fixtures/registry/opendata';
import { OPEN_DATA_ABSENT } from '../fixtures/registry/opendata-catalogue';
import { answerWith, type FixtureHandler } from '../fixtures/registry/server';
import { manualClock } from './support/manual-clock';

const MINUTE = 60_000;

/** A fetch answered in-process by fixture handlers (the open data's, without its limiter unless one is given). */
function fixtureFetch(handlers: FixtureHandler[] = [createOpenDataHandler({ windowMs: 0 })]) {
  const urls: string[] = [];
  const fetch: FetchFn = async (input) => {
    urls.push(input);
    const url = new URL(input);
    const reply = await answerWith(handlers, { host: url.hostname, method: 'GET', url, headers: {}, body: '' });
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(body, { status: reply.status ?? 200, headers: reply.headers });
  };
  return Object.assign(fetch, { urls });
}

/** The lookup service with the background's open-data queue, on a manual clock. */
function setup(fetch: FetchFn & { urls: string[] } = fixtureFetch(), store = memoryStore(), clock = manualClock()) {
  const now = clock.now;
  const cache = new PersistentCache(store, { now });
  const usage = new UsageMeter(store, now);
  const queue = new PacedQueue({
    store,
    key: 'pace:opendata.kvk.nl',
    intervalMs: () => MINUTE,
    waitAfter: openDataWait,
    now,
    setTimeout: clock.setTimeout,
  });
  const fetcher = new Fetcher({ cache, usage, now, readCap: async () => 500, pacers: { 'kvk-open': queue } });
  const service = new LookupService({
    http: createHttp(fetch),
    fetcher,
    cache,
    usage,
    now,
    readCredentials: async () => DEFAULT_CREDENTIALS,
    readLimits: async () => ({ monthlyPaidCap: 500 }),
  });
  return { service, fetch, clock, store, cache };
}

describe('LookupService.openData', () => {
  it('sends the company data at once and the annual accounts a minute later, saying when', async () => {
    const { service, fetch, clock } = setup();
    const first = await service.openData(NL.bv.kvkNummer, 'start');
    expect(first.basis.state === 'sending' || first.basis.state === 'done').toBe(true);
    await clock.advance(0);
    const waiting = await service.openData(NL.bv.kvkNummer, 'poll');
    expect(waiting.basis).toMatchObject({
      state: 'done',
      part: { ok: true, source: 'kvk-open', value: { status: 'active', legalForm: { code: 'BV' } } },
    });
    expect(waiting.accounts).toEqual({ state: 'queued', sendAt: clock.now() + MINUTE });
    expect(waiting.done).toBe(false);
    expect(fetch.urls).toHaveLength(1);

    await clock.advance(MINUTE);
    const done = await service.openData(NL.bv.kvkNummer, 'poll');
    expect(done.done).toBe(true);
    expect(done.accounts).toMatchObject({
      state: 'done',
      part: { ok: true, value: { years: [{ year: 2021 }, { year: 2022 }, { year: 2023 }] } },
    });
    expect(fetch.urls.map((u) => new URL(u).pathname)).toEqual([
      `/api/v1/hvds/basisbedrijfsgegevens/kvknummer/${NL.bv.kvkNummer}`,
      `/api/v1/hvds/jaarrekeningen/kvknummer/${NL.bv.kvkNummer}`,
    ]);
  });

  it('merges starts and polls of one number, and answers a later start from the cache', async () => {
    const { service, fetch, clock } = setup();
    await Promise.all([
      service.openData(NL.nv.kvkNummer, 'start'),
      service.openData(NL.nv.kvkNummer, 'start'),
      service.openData(NL.nv.kvkNummer, 'poll'),
    ]);
    await clock.advance(MINUTE + 1);
    expect((await service.openData(NL.nv.kvkNummer, 'poll')).done).toBe(true);
    expect(fetch.urls).toHaveLength(2);

    const again = await service.openData(NL.nv.kvkNummer, 'start');
    expect(again).toMatchObject({
      done: true,
      basis: { state: 'done', part: { cached: true } },
      accounts: { state: 'done', part: { cached: true, value: { years: [{ year: 2023 }] } } },
    });
    expect(fetch.urls).toHaveLength(2);
  });

  it('two numbers wait their turn, a minute apart: both companies first, then their annual accounts', async () => {
    const { service, fetch, clock } = setup();
    const t0 = clock.now();
    await service.openData(NL.bv.kvkNummer, 'start');
    const other = await service.openData(NL.nv.kvkNummer, 'start');
    expect(other.basis).toEqual({ state: 'queued', sendAt: t0 + MINUTE });
    const path = (u: string) => new URL(u).pathname.replace('/api/v1/hvds/', '');
    await clock.advance(MINUTE - 1);
    expect(fetch.urls.map(path)).toEqual([`basisbedrijfsgegevens/kvknummer/${NL.bv.kvkNummer}`]);
    await clock.advance(3 * MINUTE);
    expect(fetch.urls.map(path)).toEqual([
      `basisbedrijfsgegevens/kvknummer/${NL.bv.kvkNummer}`,
      `basisbedrijfsgegevens/kvknummer/${NL.nv.kvkNummer}`,
      `jaarrekeningen/kvknummer/${NL.bv.kvkNummer}`,
      `jaarrekeningen/kvknummer/${NL.nv.kvkNummer}`,
    ]);
  });

  it('says "not in the open data" for a VvE, asks no annual accounts, and keeps that for days', async () => {
    const { service, fetch, clock } = setup();
    await service.openData(OPEN_DATA_ABSENT.vve, 'start');
    await clock.advance(0);
    const answer = await service.openData(OPEN_DATA_ABSENT.vve, 'poll');
    expect(answer).toMatchObject({
      done: true,
      basis: { state: 'done', part: { ok: false, error: { code: 'not-found', service: 'kvk-open' } } },
      accounts: { state: 'skipped' },
    });
    await clock.advance(6 * 24 * 60 * MINUTE);
    expect(await service.openData(OPEN_DATA_ABSENT.vve, 'start')).toMatchObject({
      basis: { part: { cached: true } },
    });
    expect(fetch.urls).toHaveLength(1);
  });

  it('reads 404 / IPD0001 on the annual accounts (a large company) as none filed', async () => {
    const { service, clock } = setup();
    await service.openData(NL.foreign.kvkNummer, 'start');
    await clock.advance(MINUTE + 1);
    expect((await service.openData(NL.foreign.kvkNummer, 'poll')).accounts).toMatchObject({
      state: 'done',
      part: { ok: true, value: { years: [] } },
    });
  });

  it('on 429 waits the Retry-After, tries again, and shows the new time meanwhile', async () => {
    let calls = 0;
    const fetch = Object.assign(
      (async () => {
        fetch.urls.push('x');
        return ++calls === 1
          ? new Response('{}', { status: 429, headers: { 'retry-after': '90' } })
          : new Response(JSON.stringify({ actief: 'J', rechtsvormCode: 'NV', insolventieCode: 'FAIL' }));
      }) as FetchFn,
      { urls: [] as string[] },
    );
    const { service, clock } = setup(fetch);
    const t0 = clock.now();
    await service.openData('77000101', 'start');
    await clock.advance(0);
    expect((await service.openData('77000101', 'poll')).basis).toEqual({ state: 'queued', sendAt: t0 + 90_000 });
    await clock.advance(90_000);
    const answer = await service.openData('77000101', 'poll');
    expect(answer.basis).toMatchObject({ state: 'done', part: { ok: true, value: { status: 'bankrupt' } } });
    expect(calls).toBe(2);
  });

  it('a poll from a restarted worker begins the request again, answered from the stored cache', async () => {
    const store = memoryStore();
    const first = setup(fixtureFetch(), store);
    await first.service.openData(NL.bv.kvkNummer, 'start');
    await first.clock.advance(MINUTE + 1);
    await first.cache.idle();
    const restarted = setup(fixtureFetch(), store, manualClock(first.clock.now() + 1_000));
    const answer = await restarted.service.openData(NL.bv.kvkNummer, 'poll');
    expect(answer).toMatchObject({
      done: true,
      basis: { part: { cached: true } },
      accounts: { part: { cached: true } },
    });
    expect(restarted.fetch.urls).toHaveLength(0);
  });
});

describe('cacheAge for the open data', () => {
  it('keeps answers and "not in the open data" for days, failures a minute at most', () => {
    expect(cacheAge({ ok: true, value: {} }, 'open-data')).toBe(CACHE_AGES.openData);
    expect(cacheAge({ ok: false, error: { code: 'not-found', service: 'kvk-open' } }, 'open-data')).toBe(
      CACHE_AGES.openDataNotFound,
    );
    expect(CACHE_AGES.openData).toBeGreaterThanOrEqual(2 * 24 * 60 * MINUTE);
    expect(cacheAge({ ok: false, error: { code: 'rate-limited', service: 'kvk-open' } }, 'open-data')).toBe(MINUTE);
    expect(
      cacheAge({ ok: false, error: { code: 'key-rejected', service: 'kvk-open', status: 401 } }, 'open-data'),
    ).toBe(0);
  });
});
