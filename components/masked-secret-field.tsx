// A field for a secret (API key, token). The stored secret is never put back into the page: only its mask (last four
// characters) is shown, with a button to remove it. Typing a new value replaces it on save; "show" reveals what is
// being typed, never the stored secret (a toggle
// button: its name stays, aria-pressed tells the state).
import { useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { maskSecret } from '../utils/options-input';

/** A labelled secret input with the stored secret's mask and a remove button. */
export function MaskedSecretField(props: {
  id: string;
  label: string;
  /** The stored secret (only its mask is rendered). */
  stored: string;
  value: string;
  onInput: (value: string) => void;
  onRemove: () => void;
}) {
  const [revealed, setRevealed] = useState(false);
  const maskId = `${props.id}-stored`;
  return (
    <div class="cl-field">
      <label for={props.id}>{props.label}</label>
      <div class="cl-inline">
        <input
          id={props.id}
          type={revealed ? 'text' : 'password'}
          autocomplete="off"
          spellcheck={false}
          value={props.value}
          placeholder={props.stored ? t('optionsSecretReplacePlaceholder') : ''}
          aria-describedby={props.stored ? maskId : undefined}
          onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
        />
        <button
          type="button"
          class="cl-secondary"
          aria-pressed={revealed}
          aria-controls={props.id}
          aria-label={t('optionsSecretShowNamed', props.label)}
          onClick={() => setRevealed(!revealed)}
        >
          {t('optionsSecretShow')}
        </button>
      </div>
      {props.stored ? (
        <p class="cl-stored" id={maskId}>
          <span>{t('optionsSecretStored')}</span>{' '}
          <code data-testid={`${props.id}-mask`}>{maskSecret(props.stored)}</code>{' '}
          <button type="button" class="cl-link" onClick={props.onRemove}>
            {t('optionsSecretRemove')}
          </button>
        </p>
      ) : (
        <p class="cl-stored cl-hint" id={maskId}>
          {t('optionsSecretNone')}
        </p>
      )}
    </div>
  );
}
