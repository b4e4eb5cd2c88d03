// What every registry request passes besides fetch in the background: the address guard (keys only to the configured
// origin, an organisation's own origin only while its host permission is granted) and the diagnosis of a fetch that
// got no answer (the browser's own error name from webRequest, falling back to a VIES probe), which names the
// browser's own error on a certificate failure.
import { browser } from 'wxt/browser';
import { cachedProbe, diagnoseFetchFailure, NetErrorLog } from '../net/diagnosis';
import type { HttpOptions } from '../net/http';
import { originPattern } from '../settings/base-url';
import type { Credentials } from '../settings/schema';
import { checkRequestAddress } from '../registry/address-guard';
import type { RegistryError } from '../registry/errors';
import { DEFAULT_BASE_URLS } from '../registry/endpoints';

/**
 * Starts listening for the extension's own failed requests and returns the guard and the diagnosis for createHttp.
 * The browser's error names come from webRequest.onErrorOccurred, which reports a service worker's fetch (tabId -1)
 * just after fetch rejects (hence the diagnosis waits a little for it); where webRequest is missing, the diagnosis
 * probes VIES instead.
 */
export function setUpNetworkChecks(readCredentials: () => Promise<Credentials>): HttpOptions {
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
  return {
    guard: async (service, url) =>
      checkRequestAddress(await readCredentials(), service, url, (origin) =>
        browser.permissions.contains({ origins: [originPattern(origin)] }),
      ),
    diagnose: async (service, url, error) => {
      let reported: string | undefined;
      const observed = async (u: string) => (reported = events ? await log.take(u) : undefined);
      return withBrowserError(await diagnoseFetchFailure({ observed, probe }, service, url, error), reported);
    },
  };
}

/** The longest browser error kept on a certificate error (Chromium's names are short; other browsers send sentences). */
const MAX_DETAIL = 200;

/** A certificate error the browser itself reported, with the browser's own words for it (`detail`). */
export function withBrowserError(error: RegistryError, reported: string | undefined): RegistryError {
  if (error.code !== 'certificate' || error.inferred || !reported?.trim()) return error;
  return { ...error, detail: reported.trim().slice(0, MAX_DETAIL) };
}
