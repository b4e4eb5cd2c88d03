// The one typed error set of the lookup service. Errors are plain values (never thrown classes) from the moment they
// are caught, so they cross the message boundary intact; the UI maps each `code` to words (i18n) and a next step.
// Deliberately zod-free: the card (content script) imports these types and helpers. The zod schema that validates
// cached errors lives in ./errors-schema.ts, and a unit test keeps the two identical.

/**
 * The registries we call. `kvk`: KVK Handelsregister APIs; `vies`: the EU VAT check; `kbodata`: kbodata.app (Belgium);
 * `kvk-open`: KVK's free open datasets (opendata.kvk.nl, no key, about one request a minute).
 */
export const SERVICES = ['kvk', 'vies', 'kbodata', 'kvk-open'] as const;
export type Service = (typeof SERVICES)[number];

/** The services the options page tests a connection to (the open data has no credentials, and a test costs a minute). */
export const TESTED_SERVICES = ['kvk', 'vies', 'kbodata'] as const satisfies readonly Service[];
export type TestedService = (typeof TESTED_SERVICES)[number];

/** The error codes, one per thing a user can do something about. */
export const ERROR_CODES = [
  'no-key',
  'key-rejected',
  'plan-ended',
  'paid-cap-reached',
  'not-found',
  'service-unavailable',
  'rate-limited',
  'network',
  'timeout',
  'certificate',
  'address-not-allowed',
  'request-rejected',
  'requester-rejected',
  'malformed-answer',
  'usage-unrecorded',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One failure, with what the UI needs to word it — never a raw body, URL or key.
 * - `no-key`: the service needs credentials the user has not set (KVK key, kbodata user + token).
 * - `key-rejected`: the service refused the credentials (HTTP 401/403); for `kvk-open`, which is called without a key,
 *   it means KVK now asks for one.
 * - `plan-ended`: the service's plan expired (kbodata 402) or its monthly quota is used up (kbodata 429).
 * - `paid-cap-reached`: OUR monthly cap on paid queries for this service stopped the request before it was sent.
 * - `not-found`: the service has no record for this number (KVK IPD0001, IPD0004–IPD0007, IPD0010, IPD5200, and a 404
 *   with a JSON body but no code; kbodata 404); for `kvk-open`: not in the open dataset (BVs and NVs only), which does
 *   not mean the number does not exist.
 * - `service-unavailable`: the service (or, for VIES, one member state's system) cannot answer now; `memberState` is
 *   the VIES country code (`EL` for Greece, `XI` for Northern Ireland) when one member state is down; `reason` is the
 *   service's own code (e.g. `MS_UNAVAILABLE`, `IPD1002`, `IPD9999`, `HTTP 503`) for diagnostics.
 * - `rate-limited`: too many requests; `retryAfterMs` when the service said how long to wait.
 * - `network`: no HTTP answer at all (offline, DNS, reset connection).
 * - `timeout`: the service did not answer in time: no answer, or an answer that stalled, before the request's own
 *   timeout or the lookup's deadline (utils/net/deadline.ts).
 * - `certificate`: the TLS handshake failed on the certificate. Every registry serves a public certificate browsers
 *   trust, so this means something between the user and `host` does not present it (a proxy or antivirus that
 *   inspects HTTPS, a wrong clock, an outdated system). `detail` is the browser's own error when it reported one
 *   (`net::ERR_CERT_AUTHORITY_INVALID`); `inferred` when the browser reported nothing but KVK failed at connection
 *   level while a control service answered (utils/net/diagnosis.ts).
 * - `address-not-allowed`: the request was refused before it was sent: its origin is not the one configured for the
 *   service, or the user has not granted the host permission for the organisation's own address (`host`).
 * - `request-rejected`: the service refused the request itself with a code we know (KVK IPD1998, IPD1999, IPD5203: a
 *   parameter it does not accept); `reason` is that code. A fault of ours or of a gateway, not of the number.
 * - `requester-rejected`: VIES refused the user's own VAT number, sent as requester (INVALID_REQUESTER_INFO): fixed
 *   in the settings.
 * - `malformed-answer`: the service answered something we could not read (HTML error page, broken JSON, changed shape,
 *   an error status without a code we know).
 * - `usage-unrecorded`: a paid query was not sent because the usage meter could not record it (storage full or
 *   broken): the monthly cap only holds if every paid query is counted.
 */
export type RegistryError =
  | { code: 'no-key'; service: Service }
  | { code: 'key-rejected'; service: Service; status: number }
  | { code: 'plan-ended'; service: Service; reason: 'plan-expired' | 'quota-used-up' }
  | { code: 'paid-cap-reached'; service: Service; cap: number; used: number }
  | { code: 'not-found'; service: Service }
  | { code: 'service-unavailable'; service: Service; memberState?: string; reason?: string; retryAfterMs?: number }
  | { code: 'rate-limited'; service: Service; retryAfterMs?: number }
  | { code: 'network'; service: Service }
  | { code: 'timeout'; service: Service }
  | { code: 'certificate'; service: Service; host: string; detail?: string; inferred?: boolean }
  | { code: 'address-not-allowed'; service: Service; host: string }
  | { code: 'request-rejected'; service: Service; reason: string }
  | { code: 'requester-rejected'; service: Service }
  | { code: 'malformed-answer'; service: Service; status?: number }
  | { code: 'usage-unrecorded'; service: Service };

/** The result of every client call: a value or one typed error. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: RegistryError };

/** Wraps a value as a successful outcome. */
export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });

/** Wraps an error as a failed outcome. */
export const failure = <T = never>(error: RegistryError): Outcome<T> => ({ ok: false, error });

/**
 * True for errors that may go away by themselves: retried (see utils/net/retry.ts; a timeout only within the lookup's
 * deadline) and cached at most a minute.
 */
export function isTemporaryError(error: RegistryError): boolean {
  return (
    error.code === 'service-unavailable' ||
    error.code === 'rate-limited' ||
    error.code === 'network' ||
    error.code === 'timeout'
  );
}
