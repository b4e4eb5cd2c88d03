// Words for a typed lookup error. A small local mapping for the popup and the card; the options page's shared
// error-wording module replaces it once it lands (same inputs: RegistryError → one sentence).
import type { RegistryError } from '../../utils/registry/errors';
import { t } from '../../utils/i18n';
import { SERVICE_NAMES } from './labels';

/** One sentence saying what went wrong and what to do. */
export function errorText(error: RegistryError): string {
  const service = SERVICE_NAMES[error.service];
  switch (error.code) {
    case 'no-key':
      return t('popupErrorNoKey', service);
    case 'key-rejected':
      return t('popupErrorKeyRejected', service);
    case 'plan-ended':
      return t(error.reason === 'plan-expired' ? 'popupErrorPlanExpired' : 'popupErrorQuotaUsedUp', service);
    case 'paid-cap-reached':
      return t('popupErrorCapReached', [service, String(error.used), String(error.cap)]);
    case 'not-found':
      return t('popupErrorNotFound', service);
    case 'service-unavailable':
      return error.memberState
        ? t('popupErrorMemberStateDown', error.memberState)
        : t('popupErrorServiceDown', service);
    case 'rate-limited':
      return t('popupErrorRateLimited', service);
    case 'network':
      return t('popupErrorNetwork', service);
    case 'certificate':
      // Inferred (KVK alone unreachable while VIES answers): said as "most likely", not as a fact.
      return error.inferred
        ? t('errorCertificateInferred', [service, error.host])
        : t('popupErrorCertificate', [service, error.host]);
    case 'address-not-allowed':
      return t('popupErrorAddressNotAllowed', [service, error.host]);
    case 'malformed-answer':
      return t('popupErrorMalformed', service);
  }
}

/** True when the user can fix the error in the settings (keys, own VAT number, an organisation's own address). */
export const isSettingsError = (error: RegistryError): boolean =>
  error.code === 'no-key' ||
  error.code === 'key-rejected' ||
  error.code === 'paid-cap-reached' ||
  error.code === 'address-not-allowed' ||
  (error.code === 'certificate' && error.service !== 'vies');
