// Wires the lookup service into the background: storage-backed cache and usage meter, settings readers, the router,
// the address guard (issue 9: keys only to the configured origin, custom origins only with permission) and the
// certificate diagnosis (webRequest's error names, falling back to a VIES probe).
import { browser } from 'wxt/browser';
import { openDetails, openHelp, openOptions } from './open-pages';
import { setUpRouter } from '../messaging/router';
import { PersistentCache } from '../net/cache';
import { cachedProbe, diagnoseFetchFailure, NetErrorLog } from '../net/diagnosis';
import { setFetchFailureDiagnosis, setRequestGuard } from '../net/http';
import { localStore } from '../net/store';
import { UsageMeter } from '../net/usage';
import { originPattern } from '../settings/base-url';
import { credentialsItem, limitsItem, readCredentials, readLimits } from '../settings/items';
import { rememberSetting } from '../settings/remembered';
import type { Credentials, Limits } from '../settings/schema';
import { checkRequestAddress } from '../registry/address-guard';
import { DEFAULT_BASE_URLS } from '../registry/endpoints';
import { Fetcher } from '../registry/fetcher';
import { LookupService } from '../registry/service';

/**
 * The credentials and the cap as the background reads them: from storage.local once, then from memory until
 * storage.onChanged reports a change (the options page saves, a migration runs). Saves a storage round trip before each
 * lookup and each request.
 */
let remembered: { credentials: () => Promise<Credentials>; limits: () => Promise<Limits> } | undefined;
const settings = () =>
  (remembered ??= {
    credentials: rememberSetting(readCredentials, (changed) => credentialsItem.watch(changed)),
    limits: rememberSetting(readLimits, (changed) => limitsItem.watch(changed)),
  });

/** Creates the lookup service with the browser's fetch and storage.local. */
export function createLookupService(): LookupService {
  const now = () => Date.now();
  const cache = new PersistentCache(localStore, { now });
  const usage = new UsageMeter(localStore, now);
  cache.warmUp();
  const fetcher = new Fetcher({ cache, usage, now, readCap: async () => (await settings().limits()).monthlyPaidCap });
  return new LookupService({
    fetch: (input, init) => fetch(input, init),
    fetcher,
    cache,
    usage,
    readCredentials: settings().credentials,
    readLimits: settings().limits,
    now,
  });
}

/**
 * Installs the request guard and the fetch-failure diagnosis. The browser's own error names come from
 * webRequest.onErrorOccurred (measured in Chromium 156: it reports the service worker's fetches, tabId -1, about
 * 0.4–1.3 ms after fetch rejects, hence a short wait); where webRequest is missing, the diagnosis falls back to probing VIES.
 */
export function setUpNetworkChecks(): void {
  setRequestGuard(async (service, url) =>
    checkRequestAddress(await settings().credentials(), service, url, (origin) =>
      browser.permissions.contains({ origins: [originPattern(origin)] }),
    ),
  );
  const log = new NetErrorLog();
  const events = browser.webRequest?.onErrorOccurred;
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  events?.addListener(
    (details) => {
      // Chromium names the initiator, Firefox the originUrl.
      const from = details as unknown as { initiator?: string; originUrl?: string };
      const initiator = from.initiator ?? from.originUrl;
      if (details.tabId === -1 && (!initiator || initiator.startsWith(ownOrigin)))
        log.record(details.url, details.error);
    },
    { urls: ['<all_urls>'], types: ['xmlhttprequest'] },
  );
  const probe = cachedProbe(async () => {
    try {
      await fetch(`${DEFAULT_BASE_URLS.vies}/check-status`, {
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(5_000),
      });
      return true;
    } catch {
      return false;
    }
  });
  setFetchFailureDiagnosis((service, url, error) =>
    diagnoseFetchFailure(
      { observed: (u) => (events ? log.take(u) : Promise.resolve(undefined)), probe },
      service,
      url,
      error,
    ),
  );
}

/** Starts answering the extension's messages (lookup, search, details, test-connection, usage, cache). */
export function setUpLookups(service: LookupService = createLookupService()): void {
  setUpNetworkChecks();
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
    'open-help': (r) => openHelp(r.anchor),
  });
}
