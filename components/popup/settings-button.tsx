import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';

/** Opens the options page (keys, own VAT number, monthly cap). */
export function SettingsButton() {
  return (
    <button type="button" class="cl-button" onClick={() => void browser.runtime.openOptionsPage()}>
      {t('popupOpenSettings')}
    </button>
  );
}
