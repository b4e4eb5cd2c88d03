// A lookup error in the user's language: what went wrong and what to do next (see utils/error-messages.ts), with a
// link to the help page where one explains more. Shared by the options page, the popup and the card.
import type { RegistryError } from '../utils/registry/errors';
import { memberStateName, wordError, type Wording } from '../utils/error-messages';
import { t, uiLanguage } from '../utils/i18n';

/** Renders a Wording through t(). */
export const say = (w: Wording): string => t(w.key, w.params);

/** One error, worded; `helpHref` builds the help page address for an anchor (omit where pages cannot link to it). */
export function ErrorMessage(props: { error: RegistryError; helpHref?: (anchor: string) => string }) {
  const { error } = props;
  const member =
    error.code === 'service-unavailable' && error.memberState
      ? memberStateName(error.memberState, uiLanguage(), t('errorNorthernIreland'))
      : undefined;
  const wording = wordError(error, member);
  return (
    <div class="cl-error" data-error-code={error.code}>
      <p class="cl-error-message">{say(wording.message)}</p>
      <p class="cl-error-next">
        {say(wording.next)}
        {wording.help && props.helpHref && (
          <>
            {' '}
            <a href={props.helpHref(wording.help)} target="_blank" rel="noopener">
              {t('errorHelpLink')}
            </a>
          </>
        )}
      </p>
    </div>
  );
}
