import { t } from '../../utils/i18n';

/** A form's Save button with its polite "Saved" announcement, as the credential sections use it. */
export function SaveRow({ disabled, saved }: { disabled: boolean; saved: boolean }) {
  return (
    <div class="cl-actions">
      <button type="submit" disabled={disabled}>
        {t('optionsSave')}
      </button>
      <span role="status" aria-live="polite">
        {saved ? t('optionsSaved') : ''}
      </span>
    </div>
  );
}
