import { expect, test } from './fixtures';
import { BE, NL, VAT } from '../fixtures/registry/companies';
import { KBODATA_TOKENS, KBODATA_USER, KVK_PRODUCTION_KEY, KVK_TEST_KEY } from '../fixtures/registry/keys';
import { openExtensionPage, send, sendRaw, setCredentials, stopServiceWorkers } from './support/extension-page';

const KEYS = {
  kvk: { apiKey: KVK_PRODUCTION_KEY },
  kbodata: { username: KBODATA_USER, token: KBODATA_TOKENS.production },
};

test('a KVK number, a Belgian number and a VAT number each resolve to the right company', async ({
  context,
  extensionId,
  registry,
}) => {
  const page = await openExtensionPage(context, extensionId);
  await setCredentials(page, KEYS);

  const nl = await send(page, { type: 'lookup', kind: 'kvk', value: NL.bv.kvkNummer });
  expect(nl.company).toMatchObject({
    ok: true,
    source: 'kvk',
    cached: false,
    value: { name: NL.bv.naam, kvkNumber: NL.bv.kvkNummer },
  });
  expect(nl.links[0]!.url).toContain(NL.bv.kvkNummer);

  const be = await send(page, { type: 'lookup', kind: 'kbo', value: BE.nv.enterpriseNumber });
  expect(be.company).toMatchObject({
    ok: true,
    source: 'kbodata',
    value: { name: 'Brouwerijen Fictief', kboNumber: BE.nv.enterpriseNumber, status: 'active' },
  });
  expect(be.vat).toMatchObject({
    ok: true,
    source: 'vies',
    value: { verdict: 'valid', memberState: 'BE', name: VAT.beNv.name },
  });

  const vat = await send(page, { type: 'lookup', kind: 'vat', value: `NL${VAT.nlBv.vatNumber}` });
  expect(vat.vat).toMatchObject({
    ok: true,
    value: { verdict: 'valid', memberState: 'NL', number: VAT.nlBv.vatNumber },
  });
  // A Dutch VAT number holds its company's RSIN: with a KVK key, KVK says who it is (VIES's name is the fallback).
  expect(vat.company).toMatchObject({
    ok: true,
    source: 'kvk',
    value: { name: NL.bv.naam, kvkNumber: NL.bv.kvkNummer },
  });

  const de = await send(page, { type: 'lookup', kind: 'vat', value: `DE${VAT.de.vatNumber}` });
  expect(de.vat).toMatchObject({ ok: true, value: { verdict: 'valid', name: null, address: null } });
  expect(de.company).toBeUndefined();

  // KVK: the KVK number, then the RSIN inside the Dutch VAT number (free Zoeken both).
  expect(registry.requestsTo('api.kvk.nl').map((r) => new URL(r.path, 'https://x').searchParams.toString())).toEqual([
    `kvkNummer=${NL.bv.kvkNummer}&inclusiefInactieveRegistraties=true`,
    `rsin=${NL.bv.rsin}&inclusiefInactieveRegistraties=true`,
  ]);
  expect(registry.requestsTo('api.kbodata.app')).toHaveLength(1);
  expect(registry.requestsTo('ec.europa.eu')).toHaveLength(3);
});

test('status, name search and the paid details come back in our own types', async ({
  context,
  extensionId,
  registry,
}) => {
  const page = await openExtensionPage(context, extensionId);
  await setCredentials(page, KEYS);

  const inactive = await send(page, { type: 'lookup', kind: 'kvk', value: NL.inactive.kvkNummer });
  expect(inactive.company).toMatchObject({ ok: true, value: { name: NL.inactive.naam, status: 'inactive' } });
  const stopped = await send(page, { type: 'lookup', kind: 'kbo', value: BE.stopped.enterpriseNumber });
  expect(stopped.company).toMatchObject({ ok: true, source: 'kbodata', value: { status: 'inactive' } });

  const search = await send(page, { type: 'search', query: NL.bv.naam });
  expect(search.kvk).toMatchObject({ ok: true });
  // KVK lists a company with a branch by its branches (no legal-person result): the main branch here.
  expect(search.kvk?.ok && search.kvk.value.map((r) => [r.kind, r.number])).toContainEqual([
    'kvk-branch',
    NL.bv.branches[0]!.vestigingsnummer,
  ]);
  expect(search.kbodata).toMatchObject({ ok: true });

  const nl = await send(page, { type: 'details', kind: 'kvk', value: NL.bv.kvkNummer });
  expect(nl).toMatchObject({ ok: true, source: 'kvk', value: { company: { name: NL.bv.naam, rsin: NL.bv.rsin } } });
  expect(nl.ok && nl.value.activities.length).toBeGreaterThan(0);
  const be = await send(page, { type: 'details', kind: 'kbo', value: BE.nv.enterpriseNumber });
  expect(be).toMatchObject({ ok: true, source: 'kbodata', value: { company: { kboNumber: BE.nv.enterpriseNumber } } });
  expect(be.ok && be.value.activities.some((a) => a.main && a.scheme === 'nace')).toBe(true);
  // Paid: one Basisprofiel; every kbodata request (2 enterprises, 1 search, 1 activity list) counts against the plan.
  const kboRequests = registry.requestsTo('api.kbodata.app').length;
  expect(kboRequests).toBe(4);
  expect(await send(page, { type: 'usage' })).toMatchObject({
    services: { kvk: { paidQueries: 1, estimatedCostEur: 0.02 }, kbodata: { paidQueries: kboRequests } },
  });
});

test('without any key: VIES answers for a Belgian number, KVK says no key, the test environment is a demo', async ({
  context,
  extensionId,
  registry,
}) => {
  const page = await openExtensionPage(context, extensionId);
  const be = await send(page, { type: 'lookup', kind: 'kbo', value: BE.bv.enterpriseNumber });
  expect(be.company).toMatchObject({ ok: true, source: 'vies', value: { name: VAT.beBv.name, status: 'unknown' } });
  const nl = await send(page, { type: 'lookup', kind: 'kvk', value: NL.bv.kvkNummer });
  expect(nl.company).toMatchObject({ ok: false, error: { code: 'no-key', service: 'kvk' } });
  expect(registry.requestsTo('api.kvk.nl')).toHaveLength(0);

  await setCredentials(page, { kvk: { useTestEnvironment: true } });
  const demo = await send(page, { type: 'lookup', kind: 'kvk', value: NL.bv.kvkNummer });
  expect(demo.company).toMatchObject({ ok: true, demo: true, value: { name: NL.bv.naam } });
  expect(registry.requestsTo('api.kvk.nl')).toEqual([
    expect.objectContaining({
      path: expect.stringMatching(/^\/test\/api\/v2\/zoeken\?/),
      credentials: { apikey: KVK_TEST_KEY },
    }),
  ]);
});

test('50 lookups of one number cause 1 request; repeats are cache hits', async ({ context, extensionId, registry }) => {
  const page = await openExtensionPage(context, extensionId);
  await setCredentials(page, KEYS);
  const answers = await page.evaluate(
    (value) =>
      Promise.all(Array.from({ length: 50 }, () => chrome.runtime.sendMessage({ type: 'lookup', kind: 'kvk', value }))),
    NL.eenmanszaak.kvkNummer,
  );
  expect(answers).toHaveLength(50);
  for (const a of answers as { company: { ok: boolean; value: { name: string } } }[])
    expect(a.company.value.name).toBe(NL.eenmanszaak.naam);
  expect(registry.requestsTo('api.kvk.nl')).toHaveLength(1);

  for (let i = 0; i < 50; i++) await send(page, { type: 'lookup', kind: 'kvk', value: NL.eenmanszaak.kvkNummer });
  expect(registry.requestsTo('api.kvk.nl')).toHaveLength(1);
  const stats = await send(page, { type: 'cache-stats' });
  expect(stats).toMatchObject({ entries: 1, hits: 50, misses: 1 });
  console.log(
    `[figures] 50 concurrent + 50 sequential lookups of one number: ${registry.requestsTo('api.kvk.nl').length} request; cache ${JSON.stringify(stats)}`,
  );
});

test('after the service worker is stopped, a cached number causes 0 requests', async ({
  context,
  extensionId,
  registry,
  serviceWorker,
}) => {
  const page = await openExtensionPage(context, extensionId);
  await setCredentials(page, KEYS);
  await send(page, { type: 'lookup', kind: 'kvk', value: NL.nv.kvkNummer });
  await send(page, { type: 'lookup', kind: 'kbo', value: BE.nv.enterpriseNumber });
  const before = registry.requests.length;
  expect(before).toBe(3);
  const firstWorker = await serviceWorker.evaluate(() => performance.timeOrigin);

  await stopServiceWorkers(context, page);
  const nl = await send(page, { type: 'lookup', kind: 'kvk', value: NL.nv.kvkNummer });
  const be = await send(page, { type: 'lookup', kind: 'kbo', value: BE.nv.enterpriseNumber });
  const worker = context.serviceWorkers().at(-1)!;
  expect(await worker.evaluate(() => performance.timeOrigin)).not.toBe(firstWorker);
  expect(nl.company).toMatchObject({ ok: true, cached: true, value: { name: NL.nv.naam } });
  expect(be.company).toMatchObject({ ok: true, cached: true });
  expect(be.vat).toMatchObject({ ok: true, cached: true, value: { verdict: 'valid' } });
  expect(registry.requests.length - before).toBe(0);
  const stats = await send(page, { type: 'cache-stats' });
  expect(stats).toMatchObject({ hits: 3, misses: 0 });
  console.log(
    `[figures] after stopping the worker: ${registry.requests.length - before} requests for 2 cached lookups; cache ${JSON.stringify(stats)}`,
  );
});

test('no key ever reaches another host', async ({ context, extensionId, registry }) => {
  const page = await openExtensionPage(context, extensionId);
  await setCredentials(page, { ...KEYS, vies: { requesterVat: `NL${VAT.nlBv.vatNumber}` } });
  await send(page, { type: 'lookup', kind: 'kvk', value: NL.bv.kvkNummer });
  await send(page, { type: 'lookup', kind: 'kbo', value: BE.nv.enterpriseNumber });
  await send(page, { type: 'lookup', kind: 'vat', value: `DE${VAT.de.vatNumber}` });
  await send(page, { type: 'details', kind: 'kvk', value: NL.bv.kvkNummer });
  await send(page, { type: 'details', kind: 'kbo', value: BE.nv.enterpriseNumber });
  await send(page, { type: 'search', query: NL.bv.naam });
  for (const service of ['kvk', 'vies', 'kbodata'] as const) await send(page, { type: 'test-connection', service });

  const hosts = new Set(registry.requests.map((r) => r.host));
  expect([...hosts].sort()).toEqual(['api.kbodata.app', 'api.kvk.nl', 'ec.europa.eu']);
  const secrets = [
    KVK_PRODUCTION_KEY,
    KBODATA_TOKENS.production,
    Buffer.from(`${KBODATA_USER}:${KBODATA_TOKENS.production}`).toString('base64'),
  ];
  for (const r of registry.requests) {
    if (r.host !== 'api.kvk.nl') expect(r.credentials.apikey).toBeUndefined();
    if (r.host !== 'api.kbodata.app') expect(r.credentials.authorization).toBeUndefined();
    for (const secret of secrets) {
      expect(r.path).not.toContain(secret);
      if (r.host === 'ec.europa.eu') expect(r.body).not.toContain(secret);
    }
  }
  expect(registry.requestsTo('api.kvk.nl').every((r) => r.credentials.apikey === KVK_PRODUCTION_KEY)).toBe(true);
  console.log(
    `[figures] key check over ${registry.requests.length} requests: ${JSON.stringify(Object.fromEntries([...hosts].map((h) => [h, registry.requestsTo(h).length])))}`,
  );
});

test('a message with a bad shape, or a settings request from a content script, is refused', async ({
  context,
  extensionId,
  pages,
}) => {
  const page = await openExtensionPage(context, extensionId);
  for (const bad of [
    { type: 'nope' },
    { type: 'lookup', kind: 'kvk' },
    { type: 'lookup', kind: 'kvk', value: '<b>' },
    'lookup',
    null,
  ]) {
    expect(await sendRaw(page, bad)).toEqual({ answered: false });
  }
  expect(await sendRaw(page, { type: 'usage' })).toMatchObject({ answered: true });

  // The content script's isolated world on an ordinary page: it may look up, never read usage or clear the cache.
  const web = await context.newPage();
  const cdp = await context.newCDPSession(web);
  const contexts: { id: number; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push({ id: e.context.id, origin: e.context.origin }));
  await cdp.send('Runtime.enable');
  await web.goto(pages.url('/hello.html'));
  await expect.poll(() => contexts.find((c) => c.origin === `chrome-extension://${extensionId}`)).toBeTruthy();
  const contentScript = contexts.find((c) => c.origin === `chrome-extension://${extensionId}`)!.id;
  const fromContent = async (message: unknown) =>
    (
      await cdp.send('Runtime.evaluate', {
        contextId: contentScript,
        awaitPromise: true,
        returnByValue: true,
        expression: `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((a) => a === undefined ? 'dropped' : 'answered', () => 'dropped')`,
      })
    ).result.value;
  expect(await fromContent({ type: 'usage' })).toBe('dropped');
  expect(await fromContent({ type: 'clear-cache' })).toBe('dropped');
  expect(await fromContent({ type: 'test-connection', service: 'kvk' })).toBe('dropped');
  expect(await fromContent({ type: 'lookup', kind: 'kbo', value: BE.nv.enterpriseNumber })).toBe('answered');
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
