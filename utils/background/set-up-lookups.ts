// Wires the lookup service into the background: the storage-backed cache and usage meter, the settings as the
// background remembers them, requests through the address guard and the failure diagnosis, and the router that
// answers the extension's messages.
import { PersistentCache } from '../net/cache';
import { createHttp } from '../net/http';
import { PacedQueue } from '../net/paced-queue';
import { localStore } from '../net/store';
import { UsageMeter } from '../net/usage';
import { Fetcher } from '../registry/fetcher';
import { openDataWait } from '../registry/lookup/open-data';
import { LookupService } from '../registry/service';
import {
  credentialsItem,
  limitsItem,
  openDataTestIntervalItem,
  readCredentials,
  readLimits,
  readOpenDataInterval,
} from '../settings/items';
import { rememberSetting } from '../settings/remembered';
import { setUpRouter } from '../messaging/router';
import { setUpNetworkChecks } from './network-checks';
import { openDetails, openHelp, openOptions } from './open-pages';
import { mirrorPreferences } from './storage-access';
import { setUpReports } from './set-up-reports';

/**
 * The credentials and the cap as the background reads them: from storage.local once, then from memory until
 * storage.onChanged reports a change (the options page saves, a migration runs). Saves a storage round trip before each
 * lookup and each request.
 */
function rememberedSettings() {
  return {
    credentials: rememberSetting(readCredentials, (changed) => credentialsItem.watch(changed)),
    limits: rememberSetting(readLimits, (changed) => limitsItem.watch(changed)),
    openDataInterval: rememberSetting(readOpenDataInterval, (changed) => openDataTestIntervalItem.watch(changed)),
  };
}

/** Creates the lookup service with the browser's fetch, storage.local and the background's network checks. */
export function createLookupService(): LookupService {
  const settings = rememberedSettings();
  const now = () => Date.now();
  const cache = new PersistentCache(localStore, { now });
  const usage = new UsageMeter(localStore, now);
  cache.warmUp();
  // KVK's open data: one request at a time, a minute apart, the pace kept in storage across worker restarts.
  const openData = new PacedQueue({
    store: localStore,
    key: 'pace:opendata.kvk.nl',
    intervalMs: settings.openDataInterval,
    waitAfter: openDataWait,
    now,
  });
  const fetcher = new Fetcher({
    cache,
    usage,
    now,
    readCap: async () => (await settings.limits()).monthlyPaidCap,
    pacers: { 'kvk-open': openData },
  });
  return new LookupService({
    http: createHttp((input, init) => fetch(input, init), setUpNetworkChecks(settings.credentials)),
    fetcher,
    cache,
    usage,
    readCredentials: settings.credentials,
    readLimits: settings.limits,
    now,
  });
}

/**
 * Starts answering the extension's messages (lookup, open data, search, details, test-connection, usage, cache, open
 * pages, the reports and what every frame of a tab found, and the preferences for a content script that found no copy
 * of them) and resumes running reports.
 */
export function setUpLookups(service: LookupService = createLookupService()): void {
  const requester = async () => (await readCredentials()).vies.requesterVat || undefined;
  setUpRouter({
    ...setUpReports(service, requester),
    lookup: (r) => service.lookup(r.kind, r.value),
    'open-data': (r) => service.openData(r.kvkNumber, r.mode),
    search: (r) => service.search(r.query),
    details: (r) => service.details(r.kind, r.value),
    'test-connection': (r) => service.testConnection(r.service),
    usage: () => service.usage(),
    'cache-stats': () => service.cacheStats(),
    'clear-cache': () => service.clearCache(),
    'open-details': (r) => openDetails(r.kind, r.value),
    'open-options': () => openOptions(),
    'open-help': (r) => openHelp(r.anchor),
    preferences: () => mirrorPreferences(),
  });
}
