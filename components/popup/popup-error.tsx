import { browser } from 'wxt/browser';
import type { RegistryError } from '../../utils/registry/errors';
import { ErrorMessage } from '../error-message';
import { isSettingsError, SettingsButton } from './settings-button';

/** The help page's address for an anchor (`help.html#certificate`). */
const helpHref = (anchor: string) => `${browser.runtime.getURL('/help.html')}#${anchor}`;

/** A lookup error in the popup: the shared wording, a help link where one explains more, the settings where they fix it. */
export function PopupError({ error }: { error: RegistryError }) {
  return (
    <div class="cl-message" role="alert" data-testid="error">
      <ErrorMessage error={error} helpHref={helpHref} />
      {isSettingsError(error) && <SettingsButton />}
    </div>
  );
}
