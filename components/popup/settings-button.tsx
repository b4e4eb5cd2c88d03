import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import type { RegistryError } from '../../utils/registry/errors';

/** Opens the options page (keys, own VAT number, monthly cap). */
export function SettingsButton() {
  return (
    <button type="button" class="cl-button" onClick={() => void browser.runtime.openOptionsPage()}>
      {t('popupOpenSettings')}
    </button>
  );
}

/**
 * True when the user can fix the error in the settings (keys, monthly cap, the own VAT number, the organisation's own
 * address — one remedy for a refused KVK or kbodata.app certificate).
 */
export const isSettingsError = (error: RegistryError): boolean =>
  error.code === 'no-key' ||
  error.code === 'key-rejected' ||
  error.code === 'paid-cap-reached' ||
  error.code === 'address-not-allowed' ||
  error.code === 'requester-rejected' ||
  (error.code === 'certificate' && error.service !== 'vies');
