// Wires the lookup service into the background: storage-backed cache and usage meter, settings readers, the router.
import { openDetails, openOptions } from '../card/open-pages';
import { setUpRouter } from '../messaging/router';
import { PersistentCache } from '../net/cache';
import { localStore } from '../net/store';
import { UsageMeter } from '../net/usage';
import { readCredentials, readLimits } from '../settings/items';
import { Fetcher } from './fetcher';
import { LookupService } from './service';

/** Creates the lookup service with the browser's fetch and storage.local. */
export function createLookupService(): LookupService {
  const now = () => Date.now();
  const cache = new PersistentCache(localStore, { now });
  const usage = new UsageMeter(localStore, now);
  const fetcher = new Fetcher({ cache, usage, now, readCap: async () => (await readLimits()).monthlyPaidCap });
  return new LookupService({
    fetch: (input, init) => fetch(input, init),
    fetcher,
    cache,
    usage,
    readCredentials,
    readLimits,
    now,
  });
}

/** Starts answering the extension's messages (lookup, search, details, test-connection, usage, cache). */
export function setUpLookups(service: LookupService = createLookupService()): void {
  setUpRouter({
    lookup: (r) => service.lookup(r.kind, r.value),
    search: (r) => service.search(r.query),
    details: (r) => service.details(r.kind, r.value),
    'test-connection': (r) => service.testConnection(r.service),
    usage: () => service.usage(),
    'cache-stats': () => service.cacheStats(),
    'clear-cache': () => service.clearCache(),
    'open-details': (r) => openDetails(r.kind, r.value),
    'open-options': () => openOptions(),
  });
}
