// One HTTP exchange with a registry: fetch with a timeout, the body read as JSON when it is JSON, and every failure to
// get an answer classified as a typed error. Keys travel in headers only, never in URLs, and are never logged.
import type { Outcome, RegistryError, Service } from '../registry/errors';

/** The fetch function (injected in unit tests). */
export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** What a client sees of an answer: status, the parsed JSON body (undefined when not JSON), Retry-After in ms. */
export interface HttpAnswer {
  status: number;
  json: unknown;
  retryAfterMs?: number;
}

/** Timeout of one request. */
export const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Turns a fetch rejection into a typed error. Browsers report a TLS certificate failure as the same bare TypeError
 * as any network failure; issue 9 plugs the precise diagnosis in here (`setFetchFailureDiagnosis`).
 */
let diagnose: (service: Service, url: string, error: unknown) => RegistryError | Promise<RegistryError> = (
  service,
) => ({
  code: 'network',
  service,
});

/** Replaces how a failed fetch is classified (issue 9: certificate diagnosis). */
export function setFetchFailureDiagnosis(fn: typeof diagnose): void {
  diagnose = fn;
}

/**
 * Decides, before anything is sent, whether a request may go out: null to send, or the error to answer instead
 * (issue 9: only the origin configured for the service, and only with the host permission). Default: allow.
 */
let guard: (service: Service, url: string) => RegistryError | null | Promise<RegistryError | null> = () => null;

/** Installs the check every request passes before it is sent (see utils/registry/address-guard.ts). */
export function setRequestGuard(fn: typeof guard): void {
  guard = fn;
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Chromium holds back an extension's requests to a URL path (query ignored) after a few 5xx answers from it
 * (net::ERR_TEMPORARILY_THROTTLED, which fetch reports as a bare network failure; measured: after 3 answers 500 or 503
 * in a row). So a fetch failure on a path whose last answer was a 5xx is reported as the service being unavailable,
 * not as the user's network. Path → time of its last 5xx answer.
 */
const recentServerErrors = new Map<string, number>();
const BROWSER_BACKOFF_WINDOW_MS = 15 * 60_000;

function pathKey(url: string): string {
  const u = new URL(url);
  return u.origin + u.pathname;
}

/** Performs one request; `ok: false` only when no HTTP answer arrived (network, timeout, certificate). */
export async function httpRequest(
  fetchFn: FetchFn,
  service: Service,
  url: string,
  init: RequestInit = {},
): Promise<Outcome<HttpAnswer>> {
  const refused = await guard(service, url);
  if (refused) return { ok: false, error: refused };
  let response: Response;
  try {
    response = await fetchFn(url, {
      ...init,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    const last5xx = recentServerErrors.get(pathKey(url));
    if (last5xx !== undefined && Date.now() - last5xx < BROWSER_BACKOFF_WINDOW_MS) {
      return { ok: false, error: { code: 'service-unavailable', service, reason: 'BROWSER_BACKOFF' } };
    }
    return { ok: false, error: await diagnose(service, url, error) };
  }
  if (response.status >= 500) recentServerErrors.set(pathKey(url), Date.now());
  else recentServerErrors.delete(pathKey(url));
  let text = '';
  try {
    text = await response.text();
  } catch {
    return { ok: false, error: { code: 'network', service } };
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  return {
    ok: true,
    value: { status: response.status, json, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
  };
}
