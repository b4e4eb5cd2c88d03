import { describe, expect, it } from 'vitest';
import { VAT, fullVatNumber } from '../fixtures/registry/companies';
import { VIES_BASE, VIES_TEST_SERVICE } from '../fixtures/registry/vies';
import { ask } from './fixture-registry-support';

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
    expect(p.json).toEqual({
      actionSucceed: false,
      errorWrappers: [{ error: 'MS_UNAVAILABLE', message: expect.any(String) }],
    });
    const status = await ask({ url: url('/check-status') });
    expect(status.json.vow).toEqual({ available: true });
    expect(status.json.countries).toContainEqual({ countryCode: 'LU', availability: 'Unavailable' });
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

  it('answers each documented test-service number', async () => {
    for (const [n, outcome] of Object.entries(VIES_TEST_SERVICE)) {
      const a = await post({ countryCode: 'NL', vatNumber: n }, '/check-vat-test-service');
      if (outcome === 'VALID' || outcome === 'INVALID')
        expect([a.status, a.json.valid], n).toEqual([200, outcome === 'VALID']);
      else {
        expect(a.json.errorWrappers[0].error, n).toBe(outcome);
        expect(a.status, n).toBe(outcome === 'INVALID_INPUT' ? 400 : 500);
      }
    }
  });

  it('lists each catalogue number under its full form', () => {
    expect(fullVatNumber(VAT.nlBv)).toBe('NL857587973B01');
    expect(fullVatNumber(VAT.el)).toBe('EL094095807');
  });
});
