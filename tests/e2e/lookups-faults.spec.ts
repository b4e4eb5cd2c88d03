import type { Page } from '@playwright/test';
import type { RegistryError } from '../../utils/registry/errors';
import { expect, test } from './fixtures';
import { BE_ESTABLISHMENTS, NL, NL_ERROR_NUMBERS, VAT } from '../fixtures/registry/companies';
import {
  htmlErrorPage,
  httpStatus,
  malformedJson,
  noKeepAlive,
  resetConnection,
  viesUserError,
} from '../fixtures/registry/faults';
import { KBODATA_TOKENS, KBODATA_USER, KVK_PRODUCTION_KEY } from '../fixtures/registry/keys';
import type { RegistryServer } from '../fixtures/registry/server';
import { openExtensionPage, send, setCredentials } from './support/extension-page';

// Each fault the fixture registry can produce reaches the caller as its own typed error, with the request count the
// retry policy allows: temporary failures 3 tries, final ones 1, our own cap 0.

async function kvkLookup(page: Page, value: string = NL.bv.kvkNummer) {
  await send(page, { type: 'clear-cache' });
  const answer = await send(page, { type: 'lookup', kind: 'kvk', value });
  return answer.company;
}

async function kvkDetails(page: Page, value: string) {
  await send(page, { type: 'clear-cache' });
  return send(page, { type: 'details', kind: 'kvk', value });
}

function count(registry: RegistryServer, host: string) {
  return registry.requestsTo(host).length;
}

test('KVK faults each give their own typed error, retried only when temporary', async ({
  context,
  extensionId,
  registry,
}) => {
  const page = await openExtensionPage(context, extensionId);
  await setCredentials(page, { kvk: { apiKey: KVK_PRODUCTION_KEY } });
  // 5xx answers go to Basisprofiel paths of their own: after a few 5xx answers Chromium holds back the extension's
  // requests to that URL path (query ignored) for a while (net::ERR_TEMPORARILY_THROTTLED, seen as a network
  // failure), which would hit every later Zoeken request of this test.
  const cases: [string, () => void, string, RegistryError, number][] = [
    // First, while no kept-alive connection exists: Chromium silently re-sends a request once when a reused
    // connection is reset, which would blur the count.
    [
      'reset connection',
      () => (registry.use(resetConnection({ host: 'api.kvk.nl' })), registry.use(noKeepAlive())),
      NL.bv.kvkNummer,
      { code: 'network', service: 'kvk' },
      3,
    ],
    ['unknown number', () => {}, '12345678', { code: 'not-found', service: 'kvk' }, 1],
    [
      'IPD1002 temporarily unavailable',
      () => {},
      NL_ERROR_NUMBERS.temporary,
      { code: 'service-unavailable', service: 'kvk', reason: 'IPD1002' },
      3,
    ],
    [
      'IPD9999 technical error (Basisprofiel)',
      () => {},
      NL_ERROR_NUMBERS.technical,
      { code: 'service-unavailable', service: 'kvk', reason: 'IPD9999' },
      3,
    ],
    [
      '429 with Retry-After',
      () => registry.use(httpStatus(429, { host: 'api.kvk.nl', headers: { 'retry-after': '30' } })),
      NL.bv.kvkNummer,
      { code: 'rate-limited', service: 'kvk', retryAfterMs: 30_000 },
      1,
    ],
    [
      'malformed JSON',
      () => registry.use(malformedJson({ host: 'api.kvk.nl' })),
      NL.bv.kvkNummer,
      { code: 'malformed-answer', service: 'kvk', status: 200 },
      1,
    ],
    [
      'HTML error page (Basisprofiel)',
      () => registry.use(htmlErrorPage(502, { host: 'api.kvk.nl' })),
      NL.nv.kvkNummer,
      { code: 'service-unavailable', service: 'kvk', reason: 'HTTP 502' },
      3,
    ],
  ];
  const seen: string[] = [];
  for (const [name, arrange, number, error, requests] of cases) {
    registry.reset();
    arrange();
    const part = name.includes('Basisprofiel') ? await kvkDetails(page, number) : await kvkLookup(page, number);
    expect(part, name).toMatchObject({ ok: false, source: 'kvk', error });
    expect(count(registry, 'api.kvk.nl'), name).toBe(requests);
    seen.push(`${name}: ${requests}`);
  }
  registry.reset();
  await setCredentials(page, { kvk: { apiKey: 'not-a-valid-key' } });
  expect(await kvkLookup(page)).toMatchObject({
    ok: false,
    error: { code: 'key-rejected', service: 'kvk', status: 401 },
  });
  expect(count(registry, 'api.kvk.nl')).toBe(1);
  console.log(`[figures] KVK requests per fault: ${seen.join('; ')}; key-rejected: 1`);
});

test('the monthly cap stops paid queries with its own error, before any request', async ({
  context,
  extensionId,
  registry,
}) => {
  const page = await openExtensionPage(context, extensionId);
  await setCredentials(page, { kvk: { apiKey: KVK_PRODUCTION_KEY } });
  await page.evaluate(() => chrome.storage.local.set({ limits: { monthlyPaidCap: 1 } }));
  expect(await send(page, { type: 'details', kind: 'kvk', value: NL.bv.kvkNummer })).toMatchObject({
    ok: true,
    value: { company: { name: NL.bv.naam } },
  });
  const capped = await send(page, { type: 'details', kind: 'kvk', value: NL.nv.kvkNummer });
  expect(capped).toMatchObject({ ok: false, error: { code: 'paid-cap-reached', service: 'kvk', cap: 1, used: 1 } });
  expect(registry.requestsTo('api.kvk.nl').map((r) => r.path)).toEqual([`/api/v1/basisprofielen/${NL.bv.kvkNummer}`]);
  expect(await send(page, { type: 'usage' })).toMatchObject({
    cap: 1,
    services: { kvk: { paidQueries: 1, estimatedCostEur: 0.02 } },
  });
  // The free Zoeken card lookup is not stopped by the cap.
  expect((await send(page, { type: 'lookup', kind: 'kvk', value: NL.nv.kvkNummer })).company).toMatchObject({
    ok: true,
  });
});

test('VIES: only INVALID is invalid; outages are "cannot be checked now"; broken answers are typed errors', async ({
  context,
  extensionId,
  registry,
}) => {
  const page = await openExtensionPage(context, extensionId);
  const check = async (vat: string) => {
    await send(page, { type: 'clear-cache' });
    return (await send(page, { type: 'lookup', kind: 'vat', value: vat })).vat;
  };
  const de = `DE${VAT.de.vatNumber}`;

  expect(await check(`NL${VAT.nlInactive.vatNumber}`)).toMatchObject({ ok: true, value: { verdict: 'invalid' } });
  expect(count(registry, 'ec.europa.eu')).toBe(1);

  registry.reset();
  registry.use(viesUserError('DE', 'MS_UNAVAILABLE'));
  expect(await check(de)).toMatchObject({
    ok: true,
    value: { verdict: 'unavailable', memberState: 'DE', reason: 'MS_UNAVAILABLE' },
  });
  expect(count(registry, 'ec.europa.eu')).toBe(3);

  registry.reset();
  registry.use(viesUserError('DE', 'MS_MAX_CONCURRENT_REQ', { times: 1 }));
  expect(await check(de)).toMatchObject({ ok: true, value: { verdict: 'valid' } });
  expect(count(registry, 'ec.europa.eu')).toBe(2);

  registry.reset();
  registry.use(malformedJson({ host: 'ec.europa.eu' }));
  expect(await check(de)).toMatchObject({ ok: false, error: { code: 'malformed-answer', service: 'vies' } });

  // Last: after repeated 503s Chromium itself holds back extension requests to that URL for a while
  // (net::ERR_TEMPORARILY_THROTTLED, which fetch reports as a network failure).
  registry.reset();
  registry.use(htmlErrorPage(503, { host: 'ec.europa.eu' }));
  expect(await check(de)).toMatchObject({
    ok: false,
    error: { code: 'service-unavailable', service: 'vies', memberState: 'DE', reason: 'HTTP 503' },
  });
});

test('kbodata.app: rejected token, ended plan, used-up quota and unknown numbers are told apart', async ({
  context,
  extensionId,
  registry,
}) => {
  const page = await openExtensionPage(context, extensionId);
  const establishment = BE_ESTABLISHMENTS.brewery.establishmentNumber;
  const lookup = async (token: string, value = establishment) => {
    await setCredentials(page, { kbodata: { username: KBODATA_USER, token } });
    await send(page, { type: 'clear-cache' });
    registry.reset();
    return (await send(page, { type: 'lookup', kind: 'kbo-establishment', value })).company;
  };
  expect(await lookup(KBODATA_TOKENS.production)).toMatchObject({
    ok: true,
    source: 'kbodata',
    value: { establishmentNumber: establishment },
  });
  expect(await lookup('wrong-token')).toMatchObject({
    ok: false,
    error: { code: 'key-rejected', service: 'kbodata', status: 401 },
  });
  expect(await lookup(KBODATA_TOKENS.expired)).toMatchObject({
    ok: false,
    error: { code: 'plan-ended', reason: 'plan-expired' },
  });
  expect(await lookup(KBODATA_TOKENS.quotaUsedUp)).toMatchObject({
    ok: false,
    error: { code: 'plan-ended', reason: 'quota-used-up' },
  });
  expect(count(registry, 'api.kbodata.app')).toBe(1); // 429 is a used-up monthly quota here: never retried
  expect(await lookup(KBODATA_TOKENS.production, '2111111166')).toMatchObject({
    ok: false,
    error: { code: 'not-found' },
  });
  expect(await send(page, { type: 'test-connection', service: 'kbodata' })).toMatchObject({
    ok: true,
    info: { service: 'kbodata', username: KBODATA_USER },
  });
});

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };
