// One HTTP exchange with a registry: fetch with a timeout (and the lookup's deadline) covering the body too, the body
// read as JSON when it is JSON, and every failure to get an answer classified as a typed error. Keys travel in headers
// only, never in URLs, and are never logged.
import type { Outcome, RegistryError, Service } from '../registry/errors';
import type { Deadline } from './deadline';

/** The fetch function (injected in unit tests). */
export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** What a client sees of an answer: status, the parsed JSON body (undefined when not JSON), Retry-After in ms. */
export interface HttpAnswer {
  status: number;
  json: unknown;
  retryAfterMs?: number;
}

/** Timeout of one request, its body included; a lookup's deadline (utils/net/deadline.ts) may end it sooner. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** A request's options: fetch's, and the deadline of the lookup it belongs to. */
export type HttpInit = Omit<RequestInit, 'signal'> & { deadline?: Deadline };

/**
 * Classifies a fetch that got no HTTP answer. Browsers report a TLS certificate failure as the same bare TypeError as
 * any network failure, so the background plugs in a diagnosis that asks the browser what happened
 * (utils/net/diagnosis.ts). Without one: `network`.
 */
export type FailureDiagnosis = (
  service: Service,
  url: string,
  error: unknown,
) => RegistryError | Promise<RegistryError>;

/**
 * Decides, before anything is sent, whether a request may go out: null to send, or the error to answer instead (the
 * background allows only the origin configured for the service, and that only with the host permission:
 * utils/registry/address-guard.ts). Without one: everything is sent.
 */
export type RequestGuard = (service: Service, url: string) => RegistryError | null | Promise<RegistryError | null>;

/** What every request passes through besides fetch itself. */
export interface HttpOptions {
  guard?: RequestGuard;
  diagnose?: FailureDiagnosis;
}

/** Sends one request to a registry; `ok: false` only when no HTTP answer arrived (see createHttp). */
export type Http = (service: Service, url: string, init?: HttpInit) => Promise<Outcome<HttpAnswer>>;

/** `http` with every request bounded by `deadline` as well (the clients of one lookup send with this). */
export function withDeadline(http: Http, deadline: Deadline): Http {
  return (service, url, init) => http(service, url, { ...init, deadline });
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
 * (net::ERR_TEMPORARILY_THROTTLED, which fetch reports as a bare network failure, after 3 answers 500 or 503 in a row).
 * So a fetch failure on a path whose last answer was a 5xx is reported as the service being unavailable, not as the
 * user's network (createHttp keeps, per path, the time of its last 5xx answer).
 */
const BROWSER_BACKOFF_WINDOW_MS = 15 * 60_000;

function pathKey(url: string): string {
  const u = new URL(url);
  return u.origin + u.pathname;
}

/**
 * Makes the function every registry client sends its requests with: the guard first, then fetch with a timeout, the
 * body read as JSON when it is JSON; `ok: false` only when no whole HTTP answer arrived (network, timeout, certificate,
 * refused by the guard). The timeout and the deadline cover the body: a server that sends its headers and then
 * stalls is a `timeout`.
 */
export function createHttp(fetchFn: FetchFn, options: HttpOptions = {}): Http {
  const guard = options.guard ?? (() => null);
  const diagnose: FailureDiagnosis = options.diagnose ?? ((service) => ({ code: 'network', service }));
  const recentServerErrors = new Map<string, number>();
  return (service, url, init = {}) => request(fetchFn, guard, diagnose, recentServerErrors, service, url, init);
}

async function request(
  fetchFn: FetchFn,
  guard: RequestGuard,
  diagnose: FailureDiagnosis,
  recentServerErrors: Map<string, number>,
  service: Service,
  url: string,
  { deadline, ...init }: HttpInit,
): Promise<Outcome<HttpAnswer>> {
  const refused = await guard(service, url);
  if (refused) return { ok: false, error: refused };
  const timedOut = { ok: false as const, error: { code: 'timeout' as const, service } };
  if (deadline?.signal.aborted) return timedOut;
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = deadline ? AbortSignal.any([timeout, deadline.signal]) : timeout;
  let response: Response;
  try {
    response = await fetchFn(url, { ...init, credentials: 'omit', cache: 'no-store', redirect: 'error', signal });
  } catch (error) {
    if (signal.aborted) return timedOut;
    const last5xx = recentServerErrors.get(pathKey(url));
    if (last5xx !== undefined && Date.now() - last5xx < BROWSER_BACKOFF_WINDOW_MS) {
      return { ok: false, error: { code: 'service-unavailable', service, reason: 'BROWSER_BACKOFF' } };
    }
    return { ok: false, error: await diagnose(service, url, error) };
  }
  if (response.status >= 500) recentServerErrors.set(pathKey(url), Date.now());
  else recentServerErrors.delete(pathKey(url));
  let text: string;
  try {
    text = await response.text();
  } catch {
    return signal.aborted ? timedOut : { ok: false, error: { code: 'network', service } };
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
