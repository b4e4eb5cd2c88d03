import type { Part, VatCheck } from '../../utils/registry/domain';
import { formatDateTime } from '../../utils/format-display';
import { t, uiLanguage } from '../../utils/i18n';
import { CopyButton } from './copy-button';
import { ErrorMessage } from '../error-message';

/**
 * The VIES verdict: valid, invalid, or "cannot be checked now" (never shown as invalid), with the date of the check
 * and, when the user's own VAT number was sent, the consultation number as proof. `onOpenSettings` adds a button
 * where the settings fix the failure (VIES refused the user's own VAT number).
 */
export function VatVerdict({
  part,
  showConsultationHint = false,
  onOpenSettings,
}: {
  part: Part<VatCheck>;
  showConsultationHint?: boolean;
  onOpenSettings?: () => void;
}) {
  if (!part.ok) {
    return (
      <div class="cl-vat cl-vat-unavailable" data-testid="vat-verdict" data-verdict="error">
        <p>
          <strong>{t('popupVatCannotCheck')}</strong>
        </p>
        <ErrorMessage error={part.error} />
        {part.error.code === 'requester-rejected' && onOpenSettings && (
          <button type="button" class="cl-button cl-small" onClick={onOpenSettings} data-testid="vat-open-options">
            {t('cardOpenSettings')}
          </button>
        )}
      </div>
    );
  }
  const vat = part.value;
  const label =
    vat.verdict === 'valid'
      ? t('popupVatValid')
      : vat.verdict === 'invalid'
        ? t('popupVatInvalid')
        : t('popupVatCannotCheck');
  return (
    <div class={`cl-vat cl-vat-${vat.verdict}`} data-testid="vat-verdict" data-verdict={vat.verdict}>
      <p>
        <strong>{label}</strong>{' '}
        <span class="cl-muted">{t('popupVatCheckedAt', formatDateTime(vat.checkedAt, uiLanguage()))}</span>
      </p>
      {vat.verdict === 'unavailable' && (
        <p class="cl-muted">
          {vat.reason === 'MS_UNAVAILABLE' ? t('popupVatMemberStateDown', vat.memberState) : t('popupVatTryLater')}
        </p>
      )}
      {vat.consultationNumber ? (
        <p data-testid="consultation">
          {t('popupVatConsultation')} <code>{vat.consultationNumber}</code>{' '}
          <CopyButton text={vat.consultationNumber} label={t('popupVatCopyConsultation')} />
        </p>
      ) : (
        showConsultationHint && vat.verdict === 'valid' && <p class="cl-muted">{t('popupVatConsultationHint')}</p>
      )}
    </div>
  );
}
