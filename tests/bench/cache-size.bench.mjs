// How much storage the answer cache takes (utils/net/cache.ts bounds it to 1000 entries and 4 MB): every catalogue
// company of the fixture registry looked up and its paid details fetched, every catalogue VAT number checked, through
// the real lookup service (esbuild-bundled) on an in-memory store. Prints the entries' JSON sizes (as storage.local
// counts them: key plus JSON) and the index's size per entry.
import { importBundled } from './bundle.mjs';

const ENTRY = `
export { LookupService } from './utils/registry/service';
export { Fetcher } from './utils/registry/fetcher';
export { PersistentCache } from './utils/net/cache';
export { UsageMeter } from './utils/net/usage';
export { memoryStore } from './utils/net/store';
export { createHttp } from './utils/net/http';
export { DEFAULT_CREDENTIALS } from './utils/settings/schema';
export { answerWith } from './tests/fixtures/registry/server';
export { registryHandlers } from './tests/fixtures/registry';
export { NL, BE, VAT } from './tests/fixtures/registry/companies';
export { KVK_PRODUCTION_KEY, KBODATA_TOKENS, KBODATA_USER } from './tests/fixtures/registry/keys';
`;

export async function run() {
  const m = await importBundled(ENTRY);
  // The fixture registry's handlers, in-process, as fetch.
  const fetch = async (input, init = {}) => {
    const url = new URL(input);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const req = { host: url.hostname, method: init.method ?? 'GET', url, headers, body: init.body ?? '' };
    const reply = await m.answerWith(m.registryHandlers, req);
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? '');
    return new Response(body, { status: reply.status ?? 200, headers: reply.headers });
  };
  const store = m.memoryStore();
  const now = () => Date.now();
  const cache = new m.PersistentCache(store, { now });
  const usage = new m.UsageMeter(store, now);
  const credentials = {
    ...m.DEFAULT_CREDENTIALS,
    kvk: { apiKey: m.KVK_PRODUCTION_KEY, useTestEnvironment: false, baseUrl: null },
    kbodata: { username: m.KBODATA_USER, token: m.KBODATA_TOKENS.production, baseUrl: null },
  };
  const service = new m.LookupService({
    http: m.createHttp(fetch),
    fetcher: new m.Fetcher({ cache, usage, now, readCap: async () => 1e6 }),
    cache,
    usage,
    now,
    readCredentials: async () => credentials,
    readLimits: async () => ({ monthlyPaidCap: 1e6 }),
  });
  for (const c of Object.values(m.NL)) {
    await service.lookup('kvk', c.kvkNummer);
    await service.details('kvk', c.kvkNummer);
  }
  for (const c of Object.values(m.BE)) {
    await service.lookup('kbo', c.enterpriseNumber);
    await service.details('kbo', c.enterpriseNumber);
  }
  for (const v of Object.values(m.VAT)) await service.lookup('vat', v.countryCode + v.vatNumber);
  await cache.idle();
  const sizes = [...store.data.entries()]
    .filter(([k]) => k.startsWith('cache:'))
    .map(([k, v]) => k.length + JSON.stringify(v).length)
    .sort((a, b) => a - b);
  const index = JSON.stringify(store.data.get('cache-index')).length;
  const mean = sizes.reduce((n, s) => n + s, 0) / sizes.length;
  console.log(
    `${sizes.length} entries: mean ${Math.round(mean)} B, median ${sizes[Math.floor(sizes.length / 2)]} B, ` +
      `largest ${sizes.at(-1)} B; index ${Math.round(index / sizes.length)} B an entry; ` +
      `1000 entries ≈ ${((1000 * (mean + index / sizes.length)) / 1e6).toFixed(2)} MB`,
  );
}
