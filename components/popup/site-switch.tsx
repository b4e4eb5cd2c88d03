import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { setSiteDisabled } from '../../utils/popup/site-switch';

/** "Don't run on this site": a switch for the active tab's host; open tabs follow at once. */
export function SiteSwitch({
  host,
  disabled,
  onSwitched,
}: {
  host: string;
  disabled: boolean;
  onSwitched: (disabled: boolean) => void;
}) {
  const [off, setOff] = useState(disabled);
  const [failed, setFailed] = useState(false);
  const toggle = async (event: Event) => {
    const wanted = (event.currentTarget as HTMLInputElement).checked;
    try {
      const now = await setSiteDisabled(host, wanted);
      setOff(now);
      setFailed(false);
      onSwitched(now);
    } catch {
      setFailed(true);
    }
  };
  return (
    <p class="cl-switch">
      <label>
        <input type="checkbox" role="switch" checked={off} onChange={toggle} data-testid="site-switch" />{' '}
        {t('popupSiteSwitch', host)}
      </label>
      {failed && (
        <span class="cl-message" role="alert">
          {' '}
          {t('popupSiteSwitchFailed')}
        </span>
      )}
    </p>
  );
}
