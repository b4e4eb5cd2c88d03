// The lookup's deadline: a server that sends its headers and then stalls ends with the `timeout` error by the
// deadline (the body read is bounded too), no try starts after it, and a timeout is retried only within it.
import { describe, expect, it, vi } from 'vitest';
import { deadlineAfter, type Deadline } from '../../utils/net/deadline';
import { createHttp, withDeadline, type FetchFn } from '../../utils/net/http';
import { PersistentCache } from '../../utils/net/cache';
import { withRetry, type RetryOptions } from '../../utils/net/retry';
import { memoryStore } from '../../utils/net/store';
import { UsageMeter } from '../../utils/net/usage';
import type { Outcome } from '../../utils/registry/errors';
import { Fetcher } from '../../utils/registry/fetcher';
import { LookupService } from '../../utils/registry/service';
import { DEFAULT_CREDENTIALS } from '../../utils/settings/schema';
import { fakeFetch } from './support/fake-fetch';

/** A fetch whose answer has its headers and the start of a body, then nothing: the body ends only on abort. */
function stallingFetch(): FetchFn & { calls: number } {
  const fn = async (_url: string, init: RequestInit = {}) => {
    fn.calls++;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"resultaten":[{"kvkNum'));
        init.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  fn.calls = 0;
  return fn;
}

/** A deadline already passed. */
const passed: Deadline = { signal: AbortSignal.abort(new DOMException('late', 'TimeoutError')), remaining: () => 0 };

describe('createHttp with a deadline', () => {
  it('ends a body that stalls after its headers with `timeout` when the deadline passes', async () => {
    const fetchFn = stallingFetch();
    const http = withDeadline(createHttp(fetchFn), deadlineAfter(40));
    const started = Date.now();
    expect(await http('kvk', 'https://api.kvk.nl/api/v2/zoeken?kvkNummer=68750110')).toEqual({
      ok: false,
      error: { code: 'timeout', service: 'kvk' },
    });
    expect(Date.now() - started).toBeLessThan(5000); // the deadline ended it, not the 10 s request timeout
    expect(fetchFn.calls).toBe(1);
  });

  it('sends nothing once the deadline has passed', async () => {
    const fetchFn = vi.fn(stallingFetch());
    const http = withDeadline(createHttp(fetchFn), passed);
    expect(await http('vies', 'https://ec.europa.eu/x')).toEqual({
      ok: false,
      error: { code: 'timeout', service: 'vies' },
    });
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('a fetch the deadline aborts is a timeout, never handed to the certificate diagnosis', async () => {
    const diagnose = vi.fn(() => ({ code: 'certificate' as const, service: 'kvk' as const, host: 'api.kvk.nl' }));
    const hanging: FetchFn = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const http = withDeadline(createHttp(hanging, { diagnose }), deadlineAfter(20));
    expect(await http('kvk', 'https://api.kvk.nl/x')).toEqual({
      ok: false,
      error: { code: 'timeout', service: 'kvk' },
    });
    expect(diagnose).not.toHaveBeenCalled();
  });
});

describe('withRetry within a deadline', () => {
  const sleeps: number[] = [];
  const options: RetryOptions = {
    maxTries: 3,
    baseDelayMs: 400,
    maxDelayMs: 4000,
    random: () => 1,
    sleep: async (ms) => void sleeps.push(ms),
  };
  const timeout: Outcome<string> = { ok: false, error: { code: 'timeout', service: 'kvk' } };

  it('retries a timeout while the backoff fits in what is left, then stops', async () => {
    sleeps.length = 0;
    let left = 1000;
    const deadline: Deadline = { signal: new AbortController().signal, remaining: () => left };
    const attempt = vi.fn(async () => {
      left -= 300;
      return timeout;
    });
    expect(await withRetry(attempt, undefined, options, deadline)).toEqual(timeout);
    // Try 1 leaves 700 ms: a 400 ms backoff fits. Try 2 leaves 400 ms: an 800 ms backoff does not.
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(sleeps).toEqual([400]);
  });

  it('makes no retry after the deadline', async () => {
    const attempt = vi.fn(async () => timeout);
    await withRetry(attempt, undefined, options, passed);
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});

describe('a lookup with a stalling service', () => {
  it('answers by its deadline: the stalled part a timeout, nothing sent after it, the other part as usual', async () => {
    const stalling = stallingFetch();
    const kbodata = fakeFetch(() => ({
      body: { success: 1, data: { enterpriseNumber: '0403170701', denominations: [{ value: 'Fictief NV', type: 1 }] } },
    }));
    const fetchFn: FetchFn = (url, init) => (new URL(url).host === 'ec.europa.eu' ? stalling : kbodata)(url, init);
    const store = memoryStore();
    const now = () => Date.now();
    const cache = new PersistentCache(store, { now });
    const usage = new UsageMeter(store, now);
    const retry = { maxTries: 3, baseDelayMs: 0, maxDelayMs: 10, random: () => 0, sleep: async () => {} };
    const service = new LookupService({
      http: createHttp(fetchFn),
      fetcher: new Fetcher({ cache, usage, now, readCap: async () => 500, retry }),
      cache,
      usage,
      now,
      deadlineMs: 60,
      readCredentials: async () => ({
        ...DEFAULT_CREDENTIALS,
        kbodata: { username: 'me@example.com', token: 'kbo-token', baseUrl: null },
      }),
      readLimits: async () => ({ monthlyPaidCap: 500 }),
    });
    const result = await service.lookup('kbo', '0403170701');
    expect(result.vat).toMatchObject({ ok: false, error: { code: 'timeout', service: 'vies' } });
    expect(result.company).toMatchObject({ ok: true, source: 'kbodata' });
    // The first try stalled until the deadline; the retries after it were never sent.
    expect(stalling.calls).toBe(1);
  });
});
