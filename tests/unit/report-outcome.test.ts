import { describe, expect, it } from 'vitest';
import type { LookupResult, Part, VatCheck } from '../../utils/registry/domain';
import type { RegistryError } from '../../utils/registry/errors';
import { CANCELLED_REASON } from '../../utils/registry/fetcher';
import { laneOf, rowOutcome } from '../../utils/report/outcome';

// What one check comes to: only VIES's INVALID is invalid; everything temporary waits in its lane (a member state, or
// the whole service); what needs the user is an error; a missing key beside an answer is no failure.

const T0 = Date.UTC(2026, 10, 23, 9);
const meta = { fetchedAt: T0, cached: false } as const;
const vies = (verdict: VatCheck['verdict'], reason?: string, memberState = 'DE'): Part<VatCheck> => ({
  ok: true,
  value: {
    verdict,
    memberState,
    number: '813442018',
    checkedAt: T0,
    name: null,
    address: null,
    ...(reason ? { reason } : {}),
  },
  source: 'vies',
  ...meta,
});
const failed = (error: RegistryError): Part<never> => ({ ok: false, error, source: error.service, ...meta });
const lookup = (parts: Partial<LookupResult>): LookupResult => ({
  kind: 'vat',
  value: 'DE813442018',
  links: [],
  ...parts,
});

describe('rowOutcome', () => {
  it('VIES: valid and invalid are answers; outages wait in their member state or in VIES as a whole', () => {
    expect(rowOutcome(lookup({ vat: vies('invalid') }))).toMatchObject({
      state: 'done',
      result: { vies: { verdict: 'invalid' } },
    });
    expect(rowOutcome(lookup({ vat: vies('unavailable', 'MS_UNAVAILABLE') }))).toMatchObject({
      state: 'unavailable',
      lane: 'vies:DE',
      reason: 'MS_UNAVAILABLE',
    });
    expect(rowOutcome(lookup({ vat: vies('unavailable', 'GLOBAL_MAX_CONCURRENT_REQ') }))).toMatchObject({
      lane: 'vies',
    });
    // Chromium holding the path back, or VIES's HTTP 5xx without a member state: VIES as a whole waits.
    expect(
      rowOutcome(lookup({ vat: failed({ code: 'service-unavailable', service: 'vies', reason: 'BROWSER_BACKOFF' }) })),
    ).toMatchObject({ state: 'unavailable', lane: 'vies', reason: 'BROWSER_BACKOFF' });
    // Waiting will not change these: they need the user, and are never "invalid".
    expect(rowOutcome(lookup({ vat: vies('unavailable', 'INVALID_REQUESTER_INFO') }))).toMatchObject({
      state: 'error',
      reason: 'INVALID_REQUESTER_INFO',
      result: { vies: { verdict: 'unavailable' } },
    });
  });

  it('registries: not found is a status, temporary failures wait in the service, a missing key beside an answer is none', () => {
    const kvk = (company: Part<never>) => rowOutcome({ kind: 'kvk', value: '12345670', links: [], company });
    expect(kvk(failed({ code: 'not-found', service: 'kvk' }))).toMatchObject({
      state: 'done',
      result: { status: 'not-found' },
    });
    expect(kvk(failed({ code: 'service-unavailable', service: 'kvk', reason: 'IPD1002' }))).toMatchObject({
      state: 'unavailable',
      lane: 'kvk',
    });
    expect(kvk(failed({ code: 'no-key', service: 'kvk' }))).toMatchObject({ state: 'error', reason: 'no-key' });
    const be = rowOutcome({
      kind: 'kbo',
      value: '0654321022',
      links: [],
      vat: vies('invalid', undefined, 'BE'),
      company: failed({ code: 'no-key', service: 'kbodata' }),
    });
    expect(be).toMatchObject({
      state: 'done',
      result: { vies: { verdict: 'invalid' }, sources: [{ service: 'vies' }] },
    });
    expect(be!.result.error).toBeUndefined();
  });

  it('a check stopped before it was sent is no outcome; each row names its lane', () => {
    expect(
      rowOutcome(lookup({ vat: failed({ code: 'service-unavailable', service: 'vies', reason: CANCELLED_REASON }) })),
    ).toBeNull();
    expect(laneOf({ kind: 'vat', value: 'EL094095807', step: 'free' })).toBe('vies:EL');
    expect(laneOf({ kind: 'kbo', value: '0765432146', step: 'free', paidWanted: true })).toBe('vies:BE');
    expect(laneOf({ kind: 'kbo', value: '0765432146', step: 'paid', paidWanted: true })).toBe('kbodata');
    expect(laneOf({ kind: 'kbo-establishment', value: '2134567845', step: 'free' })).toBeUndefined();
    expect(laneOf({ kind: 'rsin', value: '857587973', step: 'free' })).toBe('kvk');
  });
});
