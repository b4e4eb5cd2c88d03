import { formatIdentifier } from '../../utils/identifiers/format';
import type { Checksum, IdentifierKind } from '../../utils/identifiers/types';
import { t } from '../../utils/i18n';
import { CopyButton } from './copy-button';
import { kindLabel } from './labels';

/**
 * Kind and formatted number with a copy button, and what the number's own check says (`check`: as the scan or the
 * search box found it; the card's chunk carries no checks of its own).
 */
export function IdentifierHeading({ kind, value, check }: { kind: IdentifierKind; value: string; check: Checksum }) {
  const formatted = formatIdentifier(kind, value);
  return (
    <div class="cl-identifier">
      <p>
        <span class="cl-kind">{kindLabel(kind)}</span> <code data-testid="identifier">{formatted}</code>{' '}
        <CopyButton text={formatted} label={t('popupCopyNumber', kindLabel(kind))} />
      </p>
      <p class={`cl-check cl-check-${check}`} data-testid="offline-check">
        {check === 'valid' ? t('popupCheckValid') : check === 'invalid' ? t('popupCheckInvalid') : t('popupCheckNone')}
      </p>
    </div>
  );
}
