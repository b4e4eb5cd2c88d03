import { describe, expect, it } from 'vitest';
import { createHttp } from '../../utils/net/http';
import { withRetry } from '../../utils/net/retry';
import { retryVies, ViesClient } from '../../utils/registry/vies/client';
import { VAT, fullVatNumber } from '../fixtures/registry/companies';
import { VIES_BASE, VIES_TEST_SERVICE } from '../fixtures/registry/vies';
import { ask, registryFetch } from './fixture-registry-support';

const url = (path: string) => `https://ec.europa.eu${VIES_BASE}${path}`;
const get = (cc: string, n: string) => ask({ url: url(`/ms/${cc}/vat/${n}`) });
const post = (body: object | string, path = '/check-vat-number') =>
  ask({ url: url(path), method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('fixture registry: VIES', () => {
  it('answers a valid number with name and address, and Germany with ---', async () => {
    const nl = await get('NL', VAT.nlBv.vatNumber);
    expect(nl.json).toMatchObject({
      isValid: true,
      userError: 'VALID',
      name: 'TEST BV DONALD',
      vatNumber: '857587973B01',
    });
    expect(nl.json.address).toContain('\n');
    const de = await get('DE', VAT.de.vatNumber);
    expect(de.json).toMatchObject({ isValid: true, userError: 'VALID', name: '---', address: '---' });
  });

  it('says INVALID only for numbers it does not know or that were deregistered', async () => {
    expect((await get('NL', VAT.nlInactive.vatNumber)).json).toMatchObject({ isValid: false, userError: 'INVALID' });
    expect((await get('FR', '00123456789')).json).toMatchObject({ isValid: false, userError: 'INVALID' });
  });

  it('reports an unavailable member state as HTTP 200 isValid false MS_UNAVAILABLE on GET, 500 on POST', async () => {
    const g = await get('LU', VAT.lu.vatNumber);
    expect([g.status, g.json.isValid, g.json.userError]).toEqual([200, false, 'MS_UNAVAILABLE']);
    const p = await post({ countryCode: 'LU', vatNumber: VAT.lu.vatNumber });
    expect(p.status).toBe(500);
    // As the recorded body: no message.
    expect(p.json).toEqual({ actionSucceed: false, errorWrappers: [{ error: 'MS_UNAVAILABLE' }] });
    const status = await ask({ url: url('/check-status') });
    expect(status.json.vow).toEqual({ available: true });
    expect(status.json.countries).toContainEqual({ countryCode: 'LU', availability: 'Unavailable' });
    expect(status.json.countries).toContainEqual({ countryCode: 'MT', availability: 'Monitoring Disabled' });
    expect(status.json.countries).toContainEqual({ countryCode: 'EL', availability: 'Available' });
  });

  it('knows Greece as EL, not GR', async () => {
    expect((await get('EL', VAT.el.vatNumber)).json.userError).toBe('VALID');
    expect((await get('GR', VAT.el.vatNumber)).json.userError).toBe('INVALID_INPUT');
  });

  it('gives a consultation number on POST only when the requester is sent', async () => {
    const without = await post({ countryCode: 'BE', vatNumber: VAT.beNv.vatNumber });
    expect(without.json).toMatchObject({ valid: true, requestIdentifier: '', name: 'NV Brouwerijen Fictief' });
    const requester = { requesterMemberStateCode: 'NL', requesterNumber: VAT.nlBv.vatNumber };
    const a = await post({ countryCode: 'BE', vatNumber: VAT.beNv.vatNumber, ...requester });
    const b = await post({ countryCode: 'BE', vatNumber: VAT.beNv.vatNumber, ...requester });
    expect(a.json.requestIdentifier).toMatch(/^WAPI[A-Z0-9]+$/);
    expect(b.json.requestIdentifier).not.toBe(a.json.requestIdentifier);
    const badRequester = await post({
      countryCode: 'BE',
      vatNumber: VAT.beNv.vatNumber,
      requesterMemberStateCode: 'NL',
      requesterNumber: '1',
    });
    expect([badRequester.status, badRequester.json.errorWrappers[0].error]).toEqual([400, 'INVALID_REQUESTER_INFO']);
  });

  it('rejects a body that is not a check request with INVALID_INPUT', async () => {
    const a = await post('not json');
    expect([a.status, a.json.actionSucceed, a.json.errorWrappers[0].error]).toEqual([400, false, 'INVALID_INPUT']);
  });

  it('answers all 13 documented test-service numbers, and SERVICE_UNAVAILABLE for any other', async () => {
    expect(Object.keys(VIES_TEST_SERVICE)).toHaveLength(13);
    const answers: Record<string, [number, string]> = {};
    for (const n of [...Object.keys(VIES_TEST_SERVICE), '999']) {
      const a = await post({ countryCode: 'NL', vatNumber: n }, '/check-vat-test-service');
      answers[n] = [a.status, a.json.errorWrappers?.[0]?.error ?? (a.json.valid ? 'valid' : 'invalid')];
    }
    expect(answers).toEqual({
      '100': [200, 'valid'],
      '200': [200, 'invalid'],
      '201': [400, 'INVALID_INPUT'],
      '202': [400, 'INVALID_REQUESTER_INFO'],
      '300': [500, 'SERVICE_UNAVAILABLE'],
      '301': [500, 'MS_UNAVAILABLE'],
      '302': [500, 'TIMEOUT'],
      '400': [500, 'VAT_BLOCKED'],
      '401': [500, 'IP_BLOCKED'],
      '500': [500, 'GLOBAL_MAX_CONCURRENT_REQ'],
      '501': [500, 'GLOBAL_MAX_CONCURRENT_REQ_TIME'],
      '600': [200, 'MS_MAX_CONCURRENT_REQ'], // the error body with HTTP 200, as seen in the wild
      '601': [500, 'MS_MAX_CONCURRENT_REQ_TIME'],
      '999': [500, 'SERVICE_UNAVAILABLE'],
    });
  });

  it('is read by the client as: valid, invalid, own VAT number refused, or "cannot be checked now" (retried or not)', async () => {
    // The client's POST check, sent to the test service instead of the real check.
    const fetch = registryFetch((u) => u.replace('/check-vat-number', '/check-vat-test-service'));
    const vies = new ViesClient(createHttp(fetch));
    const options = { maxTries: 3, baseDelayMs: 1, maxDelayMs: 1, random: () => 0, sleep: async () => {} };
    const read: Record<string, string> = {};
    for (const n of [...Object.keys(VIES_TEST_SERVICE), '999']) {
      fetch.calls.length = 0;
      const o = await withRetry(
        () => vies.checkWithRequester('https://ec.europa.eu' + VIES_BASE, `NL${n}`, 'NL857587973B01'),
        retryVies,
        options,
      );
      const verdict = o.ok ? `${o.value.verdict}${o.value.reason ? ` ${o.value.reason}` : ''}` : o.error.code;
      const posts = fetch.calls.filter((u) => u.endsWith('/check-vat-number')).length;
      const confirmed = fetch.calls.some((u) => u.includes('/ms/')) ? ', confirmed by GET' : '';
      read[n] = `${verdict}, ${posts === 1 ? 'once' : `${posts} tries`}${confirmed}`;
    }
    expect(read).toEqual({
      '100': 'valid, once',
      '200': 'invalid, once, confirmed by GET', // valid:false without INVALID is confirmed before saying so
      '201': 'unavailable INVALID_INPUT, once',
      '202': 'requester-rejected, once',
      '300': 'unavailable SERVICE_UNAVAILABLE, 3 tries',
      '301': 'unavailable MS_UNAVAILABLE, 3 tries',
      '302': 'unavailable TIMEOUT, 3 tries',
      '400': 'unavailable VAT_BLOCKED, once',
      '401': 'unavailable IP_BLOCKED, once',
      '500': 'unavailable GLOBAL_MAX_CONCURRENT_REQ, 3 tries',
      '501': 'unavailable GLOBAL_MAX_CONCURRENT_REQ_TIME, 3 tries',
      '600': 'unavailable MS_MAX_CONCURRENT_REQ, 3 tries',
      '601': 'unavailable MS_MAX_CONCURRENT_REQ_TIME, 3 tries',
      '999': 'unavailable SERVICE_UNAVAILABLE, 3 tries',
    });
  });

  it('lists each catalogue number under its full form', () => {
    expect(fullVatNumber(VAT.nlBv)).toBe('NL857587973B01');
    expect(fullVatNumber(VAT.el)).toBe('EL094095807');
  });
});
