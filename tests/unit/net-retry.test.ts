import { describe, expect, it, vi } from 'vitest';
import type { Outcome, RegistryError } from '../../utils/registry/errors';
import { backoffDelay, withRetry, type RetryOptions } from '../../utils/net/retry';

const options = (sleeps: number[], random = () => 1): RetryOptions => ({
  maxTries: 3,
  baseDelayMs: 400,
  maxDelayMs: 4000,
  random,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
});

const fail = (error: RegistryError): Outcome<string> => ({ ok: false, error });

describe('withRetry', () => {
  it('retries temporary failures at most 3 tries with exponential backoff', async () => {
    const sleeps: number[] = [];
    const attempt = vi.fn(async () => fail({ code: 'network', service: 'kvk' }));
    const outcome = await withRetry(attempt, undefined, options(sleeps));
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(sleeps).toEqual([400, 800]);
    expect(outcome).toEqual(fail({ code: 'network', service: 'kvk' }));
  });

  it('stops as soon as a try succeeds', async () => {
    const sleeps: number[] = [];
    const answers = [
      fail({ code: 'service-unavailable', service: 'kvk', reason: 'IPD1002' }),
      { ok: true, value: 'x' },
    ];
    const attempt = vi.fn(async () => answers.shift() as Outcome<string>);
    expect(await withRetry(attempt, undefined, options(sleeps))).toEqual({ ok: true, value: 'x' });
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  it.each<RegistryError>([
    { code: 'key-rejected', service: 'kvk', status: 401 },
    { code: 'plan-ended', service: 'kbodata', reason: 'plan-expired' },
    { code: 'plan-ended', service: 'kbodata', reason: 'quota-used-up' },
    { code: 'key-rejected', service: 'kvk', status: 403 },
    { code: 'not-found', service: 'kvk' },
    { code: 'paid-cap-reached', service: 'kvk', cap: 1, used: 1 },
    { code: 'malformed-answer', service: 'vies', status: 200 },
    { code: 'certificate', service: 'kvk', host: 'api.kvk.nl' },
  ])('never retries $code', async (error) => {
    const attempt = vi.fn(async () => fail(error));
    await withRetry(attempt, undefined, options([]));
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('waits at least Retry-After, and gives up when it is longer than the ceiling', async () => {
    const sleeps: number[] = [];
    await withRetry(
      async () => fail({ code: 'rate-limited', service: 'kvk', retryAfterMs: 2000 }),
      undefined,
      options(sleeps, () => 0),
    );
    expect(sleeps).toEqual([2000, 2000]);
    const attempt = vi.fn(async () => fail({ code: 'rate-limited', service: 'kvk', retryAfterMs: 60_000 }));
    await withRetry(attempt, undefined, options([]));
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('jitters: the delay is random() × the exponential ceiling', () => {
    const o = options([], () => 0.25);
    expect(backoffDelay(2, o)).toBe(100);
    expect(backoffDelay(3, o)).toBe(200);
    expect(backoffDelay(10, { ...o, random: () => 1 })).toBe(4000);
  });
});
