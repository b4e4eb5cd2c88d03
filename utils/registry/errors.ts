// The one typed error set of the lookup service. Errors are plain values (never thrown classes) from the moment they
// are caught, so they cross the message boundary intact; the UI maps each `code` to words (i18n) and a next step.
// Deliberately zod-free: the card (content script) imports these types and helpers. The zod schema that validates
// cached errors lives in ./errors-schema.ts, and a unit test keeps the two identical.

/** The registries we call. `kvk`: KVK Handelsregister APIs; `vies`: the EU VAT check; `kbodata`: kbodata.app (Belgium). */
export const SERVICES = ['kvk', 'vies', 'kbodata'] as const;
export type Service = (typeof SERVICES)[number];

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
  'malformed-answer',
  'usage-unrecorded',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One failure, with what the UI needs to word it — never a raw body, URL or key.
 * - `no-key`: the service needs credentials the user has not set (KVK key, kbodata user + token).
 * - `key-rejected`: the service refused the credentials (HTTP 401/403).
 * - `plan-ended`: the service's plan expired (kbodata 402) or its monthly quota is used up (kbodata 429).
 * - `paid-cap-reached`: OUR monthly cap on paid queries for this service stopped the request before it was sent.
 * - `not-found`: the service has no record for this number (KVK IPD0005/IPD0007/IPD5200, kbodata 404).
 * - `service-unavailable`: the service (or, for VIES, one member state's system) cannot answer now; `memberState` is
 *   the VIES country code (`EL` for Greece, `XI` for Northern Ireland) when one member state is down; `reason` is the
 *   service's own code (e.g. `MS_UNAVAILABLE`, `IPD1002`, `HTTP 503`) for diagnostics.
 * - `rate-limited`: too many requests; `retryAfterMs` when the service said how long to wait.
 * - `network`: no HTTP answer at all (offline, DNS, reset connection).
 * - `timeout`: the service did not answer in time: no answer, or an answer that stalled, before the request's own
 *   timeout or the lookup's deadline (utils/net/deadline.ts).
 * - `certificate`: the TLS handshake failed on the certificate (api.kvk.nl chains to a private "Staat der Nederlanden"
 *   root, which browsers do not ship). `host` names the host; `inferred` when the browser did not report the
 *   certificate error itself but KVK failed at connection level while a control service answered (utils/net/diagnosis.ts).
 * - `address-not-allowed`: the request was refused before it was sent: its origin is not the one configured for the
 *   service, or the user has not granted the host permission for the organisation's own address (`host`).
 * - `malformed-answer`: the service answered something we could not read (HTML error page, broken JSON, changed shape).
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
  | { code: 'certificate'; service: Service; host: string; inferred?: boolean }
  | { code: 'address-not-allowed'; service: Service; host: string }
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
