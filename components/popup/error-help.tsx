// The "How to fix this" link under a popup error whose wording points to the help page (KVK's certificate).
import { wordError } from '../../utils/error-messages';
import { t } from '../../utils/i18n';
import type { RegistryError } from '../../utils/registry/errors';
import { helpHref } from '../options/help-href';

/** A link to the help page section for `error`, or nothing when no section explains it. */
export function ErrorHelp(props: { error: RegistryError }) {
  const anchor = wordError(props.error).help;
  if (!anchor) return null;
  return (
    <p>
      <a href={helpHref(anchor)} target="_blank" rel="noopener" data-testid="error-help">
        {t('errorHelpLink')}
      </a>
    </p>
  );
}
