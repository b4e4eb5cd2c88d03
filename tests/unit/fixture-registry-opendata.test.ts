import { afterEach, describe, expect, it, vi } from 'vitest';
import { NL } from '../fixtures/registry/companies';
import { createOpenDataHandler, OPEN_DATA_WINDOW_MS } from '../fixtures/registry/opendata';
import { OPEN_DATA_ABSENT, OPEN_DATA_ONLY } from '../fixtures/registry/opendata-catalogue';
import { ask } from './fixture-registry-support';

const BASE = 'https://opendata.kvk.nl/api/v1/hvds';
/** Asks a fresh open-data handler without its limiter (`windowMs` 0), unless one is given. */
const open = (path: string, handler = createOpenDataHandler({ windowMs: 0 })) => ask({ url: BASE + path }, [handler]);
const basis = (kvk: string) => open(`/basisbedrijfsgegevens/kvknummer/${kvk}`);
const accounts = (kvk: string) => open(`/jaarrekeningen/kvknummer/${kvk}`);

afterEach(() => vi.useRealTimers());

describe('fixture registry: KVK open data', () => {
  it('answers BVs and NVs of the KVK catalogue in both date and region shapes', async () => {
    const bv = await basis(NL.bv.kvkNummer);
    expect(bv.status).toBe(200);
    expect(bv.json).toMatchObject({ datumAanvang: NL.bv.datumAanvang, actief: 'J', rechtsvormCode: 'BV' });
    expect(typeof bv.json.postcodeRegio).toBe('number');
    expect(bv.json.activiteiten[0]).toEqual({ sbiCode: NL.bv.sbi[0]!.sbiCode, soortActiviteit: 'Hoofdactiviteit' });
    const nv = await basis(NL.nv.kvkNummer);
    expect(nv.json).toMatchObject({ datumAanvang: '1989-03-01', rechtsvormCode: 'NV', postcodeRegio: '30' });
  });

  it('has a bankrupt company, one in suspension of payments and an inactive one', async () => {
    expect((await basis(NL.bankrupt.kvkNummer)).json.insolventieCode).toBe('FAIL');
    expect((await basis(OPEN_DATA_ONLY.bankruptNv)).json).toMatchObject({
      insolventieCode: 'FAIL',
      rechtsvormCode: 'NV',
    });
    expect((await basis(OPEN_DATA_ONLY.suspendedBv)).json.insolventieCode).toBe('SURS');
    expect((await basis(OPEN_DATA_ONLY.inactiveBv)).json.actief).toBe('N');
  });

  it('answers 404 for other legal forms and unknown numbers', async () => {
    for (const kvk of [...Object.values(OPEN_DATA_ABSENT), '12345678']) {
      const a = await basis(kvk);
      expect(a.status, kvk).toBe(404);
      expect(a.json.fout[0].code).toBe('IPD0005');
    }
  });

  it('gives one year as one object, several as an array, and 404 / IPD0001 for a large company', async () => {
    const one = await accounts(NL.nv.kvkNummer);
    expect(Array.isArray(one.json)).toBe(false);
    expect(one.json.opendataFields).toContainEqual({ key: 'FinancialYear', value: '2023' });
    const several = await accounts(NL.bv.kvkNummer);
    expect(several.json).toHaveLength(3);
    const large = await accounts(NL.foreign.kvkNummer);
    expect(large.status).toBe(404);
    expect(large.json.fout[0].code).toBe('IPD0001');
  });

  it('answers 429 with Retry-After to a second request within the minute, then serves again', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 23, 12), toFake: ['Date'] });
    const handler = createOpenDataHandler();
    expect((await open(`/basisbedrijfsgegevens/kvknummer/${NL.bv.kvkNummer}`, handler)).status).toBe(200);
    vi.advanceTimersByTime(20_000);
    const limited = await open(`/jaarrekeningen/kvknummer/${NL.bv.kvkNummer}`, handler);
    expect(limited.status).toBe(429);
    expect(limited.headers).toMatchObject({ 'retry-after': '40' });
    vi.advanceTimersByTime(OPEN_DATA_WINDOW_MS - 20_000);
    expect((await open(`/jaarrekeningen/kvknummer/${NL.bv.kvkNummer}`, handler)).status).toBe(200);
    // `reset()` (the server's, before each e2e test) forgets the last request.
    handler.reset!();
    expect((await open(`/basisbedrijfsgegevens/kvknummer/${NL.nv.kvkNummer}`, handler)).status).toBe(200);
  });
});
