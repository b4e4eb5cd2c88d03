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

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Performs one request; `ok: false` only when no HTTP answer arrived (network, timeout, certificate). */
export async function httpRequest(
  fetchFn: FetchFn,
  service: Service,
  url: string,
  init: RequestInit = {},
): Promise<Outcome<HttpAnswer>> {
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
    return { ok: false, error: await diagnose(service, url, error) };
  }
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
