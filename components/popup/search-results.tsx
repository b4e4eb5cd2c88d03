import { useEffect, useState } from 'preact/hooks';
import type { SearchResponse } from '../../utils/messaging/background-messages';
import type { Part, SearchResult } from '../../utils/registry/domain';
import { formatIdentifier } from '../../utils/identifiers/format';
import { sendMessage } from '../../utils/messaging/send';
import { t } from '../../utils/i18n';
import { kindLabel, SERVICE_NAMES } from '../company/labels';
import { onListKeyDown, type Screen } from './screens';
import { PopupError } from './popup-error';
import { SettingsButton } from './settings-button';

function ResultPart({ part, onOpen }: { part: Part<SearchResult[]>; onOpen: (s: Screen) => void }) {
  if (!part.ok) return <PopupError error={part.error} />;
  if (part.value.length === 0) {
    return (
      <p class="cl-muted">
        {t('popupResultsNone', SERVICE_NAMES[part.source])}
        {part.source === 'kvk' ? ` ${t('popupResultsKvkHint')}` : ''}
      </p>
    );
  }
  return (
    <ul class="cl-list" onKeyDown={onListKeyDown} data-testid={`results-${part.source}`}>
      {part.value.map((r) => (
        <li key={`${r.kind}:${r.number}`}>
          <button
            type="button"
            class="cl-list-item"
            data-list-item
            onClick={() => onOpen({ type: 'details', kind: r.kind, value: r.number })}
          >
            <strong>
              <bdi>{r.name}</bdi>
            </strong>
            <span class="cl-muted">
              {kindLabel(r.kind)} {formatIdentifier(r.kind, r.number)}
              {r.city && (
                <>
                  {' · '}
                  <bdi>{r.city}</bdi>
                </>
              )}
              {r.active === false ? ` · ${t('popupStatusInactive')}` : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Name search: KVK Zoeken and kbodata's denominations, each as its own list (or what stopped it). */
export function SearchResults({ query, onOpen }: { query: string; onOpen: (s: Screen) => void }) {
  const [answer, setAnswer] = useState<SearchResponse | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    setAnswer(null);
    sendMessage({ type: 'search', query }).then(
      (a) => live && setAnswer(a),
      () => live && setAnswer('failed'),
    );
    return () => {
      live = false;
    };
  }, [query]);

  if (answer === null) return <p aria-busy="true">{t('popupSearching', query)}</p>;
  if (answer === 'failed') return <p class="cl-message">{t('popupNoAnswer')}</p>;
  const parts = [answer.kvk, answer.kbodata].filter((p): p is Part<SearchResult[]> => p !== undefined);
  if (parts.length === 0) {
    return (
      <div>
        <p class="cl-message">{t('popupResultsNoService')}</p>
        <SettingsButton />
      </div>
    );
  }
  return (
    <div data-testid="results">
      <p>{t('popupResultsFor', query)}</p>
      {parts.map((p) => (
        <section key={p.source} aria-label={SERVICE_NAMES[p.source]}>
          <h3>{SERVICE_NAMES[p.source]}</h3>
          <ResultPart part={p} onOpen={onOpen} />
        </section>
      ))}
    </div>
  );
}
