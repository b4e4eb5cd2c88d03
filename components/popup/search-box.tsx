import { useEffect, useRef, useState } from 'preact/hooks';
import { formatIdentifier } from '../../utils/identifiers/format';
import { t } from '../../utils/i18n';
import { readSearchInput } from '../../utils/popup/search-input';
import { kindLabel } from '../company/labels';
import type { Screen } from './screens';

/**
 * The search box, focused when the popup opens. A number opens its details, a name searches; anything else — or a
 * number whose check fails — is answered here, before any request.
 */
export function SearchBox({
  initial = '',
  onSubmitText,
  onOpen,
}: {
  initial?: string;
  /** Told what was submitted, so the box can show it again on return. */
  onSubmitText?: (text: string) => void;
  onOpen: (screen: Screen) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState('');
  useEffect(() => input.current?.focus(), []);

  const submit = (event: Event) => {
    event.preventDefault();
    const text = input.current?.value ?? '';
    onSubmitText?.(text);
    const intent = readSearchInput(text);
    setMessage('');
    switch (intent.type) {
      case 'identifier':
        return onOpen({ type: 'details', kind: intent.kind, value: intent.value });
      case 'name':
        return onOpen({ type: 'results', query: intent.query });
      case 'checksum':
        return setMessage(
          t('popupSearchChecksum', [kindLabel(intent.kind), formatIdentifier(intent.kind, intent.value)]),
        );
      case 'bsn':
        return setMessage(t('popupSearchBsn'));
      case 'unsupported-country':
        return setMessage(t('popupSearchCountry', intent.country));
      case 'unknown':
        return setMessage(t('popupSearchUnknown'));
      case 'empty':
        return setMessage(t('popupSearchEmpty'));
    }
  };

  return (
    <form class="cl-search" role="search" onSubmit={submit}>
      <label for="cl-search-input">{t('popupSearchLabel')}</label>
      <div class="cl-search-row">
        <input
          id="cl-search-input"
          ref={input}
          type="search"
          defaultValue={initial}
          placeholder={t('popupSearchPlaceholder')}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="cl-search-message"
          maxLength={300}
        />
        <button type="submit" class="cl-button cl-primary">
          {t('popupSearchButton')}
        </button>
      </div>
      <p id="cl-search-message" class="cl-message" role="alert" data-testid="search-message">
        {message}
      </p>
    </form>
  );
}
