import { describe, expect, it } from 'vitest';
import { retryVies, splitVat, ViesClient } from '../../utils/registry/vies/client';
import { createHttp } from '../../utils/net/http';
import { withRetry } from '../../utils/net/retry';
import { testConnection } from '../../utils/registry/connection';
import { DEFAULT_CREDENTIALS } from '../../utils/settings/schema';
import { fakeFetch, type FakeAnswer } from './support/fake-fetch';

const BASE = 'https://ec.europa.eu/taxation_customs/vies/rest-api';
const NOW = Date.UTC(2026, 10, 23, 12);

const client = (route: (url: URL) => FakeAnswer) => {
  const fetch = fakeFetch(route);
  return { fetch, vies: new ViesClient(createHttp(fetch), () => NOW) };
};

const ms = (body: object, status = 200): FakeAnswer => ({ status, body });

describe('ViesClient.checkByMemberState', () => {
  it('reads a valid number with name and address and asks the right member state', async () => {
    const { fetch, vies } = client(() =>
      ms({
        isValid: true,
        requestDate: '2026-11-23T10:00:00.000Z',
        userError: 'VALID',
        name: 'Fictief BV',
        address: 'Teststraat 1\n1234 AB Ergens',
        requestIdentifier: '',
        vatNumber: '805734958B01',
      }),
    );
    expect(await vies.checkByMemberState(BASE, 'NL805734958B01')).toEqual({
      ok: true,
      value: {
        verdict: 'valid',
        memberState: 'NL',
        number: '805734958B01',
        checkedAt: Date.UTC(2026, 10, 23, 10),
        name: 'Fictief BV',
        address: 'Teststraat 1\n1234 AB Ergens',
      },
    });
    expect(fetch.calls[0]!.url).toBe(`${BASE}/ms/NL/vat/805734958B01`);
  });

  it('treats --- as not shared and Greek numbers as EL', async () => {
    const { fetch, vies } = client(() => ms({ isValid: true, userError: 'VALID', name: '---', address: '---' }));
    const outcome = await vies.checkByMemberState(BASE, 'EL094259216');
    expect(outcome.ok && [outcome.value.name, outcome.value.address]).toEqual([null, null]);
    expect(fetch.calls[0]!.url).toBe(`${BASE}/ms/EL/vat/094259216`);
    expect(splitVat('GR094259216')).toEqual({ memberState: 'EL', number: '094259216' });
  });

  it('says invalid ONLY for userError INVALID', async () => {
    const { vies } = client(() => ms({ isValid: false, userError: 'INVALID', name: '---', address: '---' }));
    const outcome = await vies.checkByMemberState(BASE, 'DE123456789');
    expect(outcome.ok && outcome.value.verdict).toBe('invalid');
  });

  it.each([
    'MS_UNAVAILABLE',
    'TIMEOUT',
    'SERVICE_UNAVAILABLE',
    'MS_MAX_CONCURRENT_REQ',
    'GLOBAL_MAX_CONCURRENT_REQ',
    'INVALID_INPUT',
    'VAT_BLOCKED',
    'IP_BLOCKED',
    'INVALID_REQUESTER_INFO',
  ])('an HTTP 200 with isValid false and %s is "cannot be checked now", never invalid', async (userError) => {
    const { vies } = client(() => ms({ isValid: false, userError, name: '---', address: '---' }));
    const outcome = await vies.checkByMemberState(BASE, 'DE123456789');
    expect(outcome).toEqual({
      ok: true,
      value: expect.objectContaining({ verdict: 'unavailable', reason: userError, memberState: 'DE' }),
    });
  });

  it('isValid false without any userError is unavailable too', async () => {
    const { vies } = client(() => ms({ isValid: false }));
    const outcome = await vies.checkByMemberState(BASE, 'FR40303265045');
    expect(outcome.ok && outcome.value.verdict).toBe('unavailable');
  });

  it.each<[string, FakeAnswer, object]>([
    [
      'an error body',
      { status: 500, body: { actionSucceed: false, errorWrappers: [{ error: 'MS_MAX_CONCURRENT_REQ' }] } },
      { ok: true, value: expect.objectContaining({ verdict: 'unavailable', reason: 'MS_MAX_CONCURRENT_REQ' }) },
    ],
    [
      'an HTML 503',
      { status: 503, body: '<html>down</html>' },
      { ok: false, error: { code: 'service-unavailable', service: 'vies', memberState: 'DE', reason: 'HTTP 503' } },
    ],
    ['a 429', { status: 429 }, { ok: false, error: { code: 'rate-limited', service: 'vies' } }],
    [
      'broken JSON',
      { status: 200, body: '{"isValid": tr' },
      { ok: false, error: { code: 'malformed-answer', service: 'vies', status: 200 } },
    ],
    [
      'a changed shape',
      { status: 200, body: { valid: 'yes' } },
      { ok: false, error: { code: 'malformed-answer', service: 'vies', status: 200 } },
    ],
    ['a network failure', { throw: true }, { ok: false, error: { code: 'network', service: 'vies' } }],
  ])('maps %s', async (_n, answer, expected) => {
    const { vies } = client(() => answer);
    expect(await vies.checkByMemberState(BASE, 'DE123456789')).toEqual(expected);
  });
});

describe('ViesClient.checkWithRequester', () => {
  it('POSTs with the requester and returns the consultation number', async () => {
    const { fetch, vies } = client(() =>
      ms({
        countryCode: 'BE',
        vatNumber: '0403170701',
        valid: true,
        requestIdentifier: 'WAPIAAAAX1',
        name: 'NV Fictief',
        address: 'Rue 1\n1000 Bruxelles',
        requestDate: '2026-11-23+01:00',
      }),
    );
    const outcome = await vies.checkWithRequester(BASE, 'BE0403170701', 'NL805734958B01');
    expect(outcome).toEqual({
      ok: true,
      value: expect.objectContaining({ verdict: 'valid', consultationNumber: 'WAPIAAAAX1', memberState: 'BE' }),
    });
    expect(JSON.parse(fetch.calls[0]!.body!)).toEqual({
      countryCode: 'BE',
      vatNumber: '0403170701',
      requesterMemberStateCode: 'NL',
      requesterNumber: '805734958B01',
    });
  });

  it.each([200, 400, 500])(
    'reads VIES’s error body before its status (HTTP %i): a concurrency limit is "cannot be checked now"',
    async (status) => {
      const { vies } = client(() =>
        ms({ actionSucceed: false, errorWrappers: [{ error: 'MS_MAX_CONCURRENT_REQ' }] }, status),
      );
      expect(await vies.checkWithRequester(BASE, 'BE0403170701', 'NL805734958B01')).toEqual({
        ok: true,
        value: expect.objectContaining({ verdict: 'unavailable', reason: 'MS_MAX_CONCURRENT_REQ' }),
      });
    },
  );

  it.each([
    [
      'an error body with HTTP 400',
      ms({ actionSucceed: false, errorWrappers: [{ error: 'INVALID_REQUESTER_INFO' }] }, 400),
    ],
    ['an error body with HTTP 200', ms({ actionSucceed: false, errorWrappers: [{ error: 'INVALID_REQUESTER_INFO' }] })],
    ['a check with that userError', ms({ valid: false, userError: 'INVALID_REQUESTER_INFO' })],
  ])('says the user’s own VAT number was refused (%s), and does not retry it', async (_n, answer) => {
    const { fetch, vies } = client(() => answer);
    const options = { maxTries: 3, baseDelayMs: 1, maxDelayMs: 1, random: () => 0, sleep: async () => {} };
    const outcome = await withRetry(
      () => vies.checkWithRequester(BASE, 'BE0403170701', 'NL805734958B02'),
      retryVies,
      options,
    );
    expect(outcome).toEqual({ ok: false, error: { code: 'requester-rejected', service: 'vies' } });
    expect(fetch.calls).toHaveLength(1);
  });

  it('confirms a bare valid:false with the GET check before calling anything invalid', async () => {
    const { fetch, vies } = client((url) =>
      url.pathname.endsWith('/check-vat-number')
        ? ms({ valid: false })
        : ms({ isValid: false, userError: 'MS_UNAVAILABLE' }),
    );
    const outcome = await vies.checkWithRequester(BASE, 'BE0403170701', 'NL805734958B01');
    expect(outcome.ok && outcome.value.verdict).toBe('unavailable');
    expect(fetch.calls.map((c) => c.method)).toEqual(['POST', 'GET']);
  });
});

describe('retryVies', () => {
  const check = (verdict: string, reason?: string) => ({ ok: true as const, value: { verdict, reason } });
  it('retries concurrency limits, member-state outages and timeouts, not verdicts or blocks', () => {
    expect(retryVies(check('unavailable', 'MS_MAX_CONCURRENT_REQ'))).toEqual({});
    expect(retryVies(check('unavailable', 'GLOBAL_MAX_CONCURRENT_REQ'))).toEqual({});
    expect(retryVies(check('unavailable', 'MS_UNAVAILABLE'))).toEqual({});
    expect(retryVies(check('unavailable', 'TIMEOUT'))).toEqual({});
    expect(retryVies(check('unavailable', 'SERVICE_UNAVAILABLE'))).toEqual({});
    expect(retryVies(check('unavailable', 'GLOBAL_MAX_CONCURRENT_REQ_TIME'))).toEqual({});
    expect(retryVies(check('unavailable', 'MS_MAX_CONCURRENT_REQ_TIME'))).toEqual({});
    expect(retryVies({ ok: false, error: { code: 'requester-rejected', service: 'vies' } })).toBeNull();
    expect(retryVies(check('unavailable', 'IP_BLOCKED'))).toBeNull();
    expect(retryVies(check('unavailable', 'INVALID_INPUT'))).toBeNull();
    expect(retryVies(check('valid'))).toBeNull();
    expect(retryVies(check('invalid'))).toBeNull();
    expect(retryVies({ ok: false, error: { code: 'network', service: 'vies' } })).toEqual({});
  });
});

describe('ViesClient.status', () => {
  it('reads check-status', async () => {
    const { vies } = client(() =>
      ms({
        vow: { available: true },
        countries: [
          { countryCode: 'DE', availability: 'Unavailable' },
          { countryCode: 'NL', availability: 'Available' },
        ],
      }),
    );
    const outcome = await vies.status(BASE);
    expect(outcome.ok && outcome.value.countries).toHaveLength(2);
  });
});

describe('ViesClient.status and the connection test', () => {
  it.each([200, 500])('takes VIES’s error body on check-status (HTTP %i) as VIES being down', async (status) => {
    const { vies } = client(() =>
      ms({ actionSucceed: false, errorWrappers: [{ error: 'SERVICE_UNAVAILABLE' }] }, status),
    );
    expect(await vies.status(BASE)).toEqual({
      ok: false,
      error: { code: 'service-unavailable', service: 'vies', reason: 'SERVICE_UNAVAILABLE' },
    });
  });

  it('reports "Unavailable" member states only: "Monitoring Disabled" is not unavailable', async () => {
    const fetch = fakeFetch(() =>
      ms({
        vow: { available: true },
        countries: [
          { countryCode: 'DE', availability: 'Unavailable' },
          { countryCode: 'MT', availability: 'Monitoring Disabled' },
          { countryCode: 'NL', availability: 'Available' },
        ],
      }),
    );
    expect(await testConnection(createHttp(fetch), DEFAULT_CREDENTIALS, 'vies')).toEqual({
      ok: true,
      info: { service: 'vies', available: true, unavailableMemberStates: ['DE'] },
    });
  });
});
