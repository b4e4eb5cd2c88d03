// Words for the lookup service's typed errors: maps each RegistryError to a message key, its substitutions and a next
// step the user can take. Pure and zod-free (type imports only), so the card in the content script, the popup and the
// options page all word errors the same way; the UI passes the keys through t().
import { REGISTRY_ORIGINS } from './hosts';
import type { MessageKey } from './i18n';
import type { RegistryError, Service } from './registry/errors';

/** One message: a catalogue key and its `$1`… substitutions. */
export interface Wording {
  key: MessageKey;
  params: string[];
}

/** The help page's sections an error can point to (`help.html#certificate`). */
export const HELP_ANCHORS = ['certificate'] as const;
export type HelpAnchor = (typeof HELP_ANCHORS)[number];

/** An error in words: what went wrong, what to do next, and a help page anchor where one explains more. */
export interface ErrorWording {
  message: Wording;
  next: Wording;
  /** `help.html#…` anchor with the full explanation (a refused certificate: causes and remedies). */
  help?: HelpAnchor;
}

/** The services' names as users know them (brand names: the same in every language). */
export const SERVICE_NAMES: Record<Service, string> = {
  kvk: 'KVK',
  vies: 'VIES',
  kbodata: 'kbodata.app',
  'kvk-open': 'KVK open data',
};

const w = (key: MessageKey, ...params: (string | number)[]): Wording => ({ key, params: params.map(String) });

/** VIES member-state codes that differ from the ISO region code Intl knows (Greece is EL in VIES). */
const VIES_TO_REGION: Record<string, string> = { EL: 'GR' };

/**
 * A member state's name in `lang` for a VIES country code (`EL` → Greece); Northern Ireland (`XI`) has no ISO region,
 * so `xiName` (the translated name) is used. Falls back to the code itself.
 */
export function memberStateName(code: string, lang: string, xiName: string): string {
  if (code === 'XI') return xiName;
  try {
    const names = new Intl.DisplayNames([lang], { type: 'region' });
    return names.of(VIES_TO_REGION[code] ?? code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Words one error. `memberState` is the already-resolved name of the VIES member state (see memberStateName), when the
 * error names one. Every code has a message and a next step; a temporary failure is never worded as "invalid".
 */
export function wordError(error: RegistryError, memberState?: string): ErrorWording {
  const name = SERVICE_NAMES[error.service];
  switch (error.code) {
    case 'no-key':
      return error.service === 'kbodata'
        ? { message: w('errorNoKeyKbodata'), next: w('errorNoKeyKbodataNext') }
        : { message: w('errorNoKeyKvk'), next: w('errorNoKeyKvkNext') };
    case 'key-rejected':
      if (error.service === 'kvk-open')
        return { message: w('errorOpenDataKeyRequired', error.status), next: w('errorOpenDataKeyRequiredNext') };
      return error.service === 'kbodata'
        ? { message: w('errorKeyRejectedKbodata', error.status), next: w('errorKeyRejectedKbodataNext') }
        : { message: w('errorKeyRejected', name, error.status), next: w('errorKeyRejectedNext', name) };
    case 'plan-ended':
      return error.reason === 'plan-expired'
        ? { message: w('errorPlanExpired', name), next: w('errorPlanExpiredNext', name) }
        : { message: w('errorQuotaUsedUp', name), next: w('errorQuotaUsedUpNext', name) };
    case 'paid-cap-reached':
      return { message: w('errorPaidCapReached', error.cap, name, error.used), next: w('errorPaidCapReachedNext') };
    case 'not-found':
      // The open data holds BVs and NVs only: absent there is not "no such number".
      if (error.service === 'kvk-open')
        return { message: w('errorOpenDataNotInSet'), next: w('errorOpenDataNotInSetNext') };
      return { message: w('errorNotFound', name), next: w('errorNotFoundNext') };
    case 'service-unavailable':
      return memberState || error.memberState
        ? {
            message: w('errorMemberStateUnavailable', memberState ?? error.memberState ?? ''),
            next: w('errorServiceUnavailableNext'),
          }
        : { message: w('errorServiceUnavailable', name), next: w('errorServiceUnavailableNext') };
    case 'rate-limited':
      if (error.service === 'kvk-open')
        return {
          message: w('errorOpenDataRateLimited'),
          next: w('errorOpenDataRateLimitedNext', Math.max(1, Math.ceil((error.retryAfterMs ?? 60_000) / 1000))),
        };
      return error.retryAfterMs !== undefined && error.retryAfterMs > 0
        ? {
            message: w('errorRateLimited', name),
            next: w('errorRateLimitedNextSeconds', Math.ceil(error.retryAfterMs / 1000)),
          }
        : { message: w('errorRateLimited', name), next: w('errorRateLimitedNext') };
    case 'network':
      return { message: w('errorNetwork', name), next: w('errorNetworkNext') };
    case 'timeout':
      return { message: w('errorTimeout', name), next: w('errorTimeoutNext') };
    case 'certificate':
      return { message: certificateMessage(error), next: certificateNext(error), help: 'certificate' };
    case 'address-not-allowed':
      return { message: w('errorAddressNotAllowed', name, error.host), next: w('errorAddressNotAllowedNext') };
    case 'request-rejected':
      return { message: w('errorRequestRejected', name, error.reason), next: w('errorRequestRejectedNext') };
    case 'requester-rejected':
      return { message: w('errorRequesterRejected'), next: w('errorRequesterRejectedNext') };
    case 'malformed-answer':
      return { message: w('errorMalformedAnswer', name), next: w('errorMalformedAnswerNext') };
    case 'usage-unrecorded':
      return { message: w('errorUsageUnrecorded', name), next: w('errorUsageUnrecordedNext') };
  }
}

type CertificateError = Extract<RegistryError, { code: 'certificate' }>;

/** What failed: the browser's own error when it reported one; "most likely" when the diagnosis inferred it. */
function certificateMessage(error: CertificateError): Wording {
  const name = SERVICE_NAMES[error.service];
  if (error.inferred) return w('errorCertificateInferred', name, error.host);
  return error.detail
    ? w('errorCertificateDetail', name, error.host, error.detail)
    : w('errorCertificate', name, error.host);
}

/**
 * What to do: the registry's own host serves a public certificate, so something in between is the cause (clock, IT,
 * or the organisation's own API address where the service has that setting: KVK and kbodata.app); an organisation's
 * own address has its own certificate, which its IT looks after.
 */
function certificateNext(error: CertificateError): Wording {
  const name = SERVICE_NAMES[error.service];
  if (`https://${error.host}` !== REGISTRY_ORIGINS[error.service]) return w('errorCertificateGatewayNext', error.host);
  return error.service === 'vies' ? w('errorCertificateViesNext', name) : w('errorCertificateNext', name);
}
