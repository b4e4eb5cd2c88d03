import { useCallback, useEffect, useState } from 'preact/hooks';
import { formatIdentifier } from '../../utils/identifiers/format';
import { t } from '../../utils/i18n';
import { askPageMatches, targetTabId, type PageMatches } from '../../utils/popup/page-tab';
import { siteOf } from '../../utils/popup/site-switch';
import { kindLabel } from '../company/labels';
import { onListKeyDown, type Screen } from './screens';
import { SiteSwitch } from './site-switch';

/** How often and how long to ask again while the page is still being scanned (bounded). */
const POLL_MS = 400;
const MAX_POLLS = 15;

type State = { phase: 'loading' } | { phase: 'unreadable' } | { phase: 'ready'; tabId: number; matches: PageMatches };

/** "On this page": the identifiers the content script found in the active tab, each opening its details. */
export function OnThisPage({ onOpen }: { onOpen: (s: Screen) => void }) {
  const [state, setState] = useState<State>({ phase: 'loading' });

  /** Asks the page, again while it is still scanning or has not yet applied a switch to `expectEnabled`. */
  const load = useCallback(async (isLive: () => boolean, expectEnabled?: boolean) => {
    const tabId = await targetTabId();
    for (let poll = 0; poll < MAX_POLLS && isLive(); poll++) {
      const matches = tabId === undefined ? null : await askPageMatches(tabId);
      if (!isLive()) return;
      if (!matches || tabId === undefined) return setState({ phase: 'unreadable' });
      setState({ phase: 'ready', tabId, matches });
      const settled = expectEnabled === undefined || matches.enabled === expectEnabled;
      if (!matches.scanning && settled) return;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }, []);

  useEffect(() => {
    let live = true;
    void load(() => live);
    return () => {
      live = false;
    };
  }, [load]);

  const reload = (disabled: boolean) => void load(() => true, !disabled);

  return (
    <section class="cl-page" aria-labelledby="cl-page-heading" data-testid="on-this-page">
      <h2 id="cl-page-heading">{t('popupOnThisPage')}</h2>
      {state.phase === 'loading' && <p aria-busy="true">{t('popupPageLoading')}</p>}
      {state.phase === 'unreadable' && <p class="cl-muted">{t('popupPageUnreadable')}</p>}
      {state.phase === 'ready' && <PageList matches={state.matches} onOpen={onOpen} onSwitched={reload} />}
    </section>
  );
}

function PageList({
  matches,
  onOpen,
  onSwitched,
}: {
  matches: PageMatches;
  onOpen: (s: Screen) => void;
  onSwitched: (disabled: boolean) => void;
}) {
  const host = siteOf(matches.url);
  return (
    <>
      {!matches.enabled ? (
        <p class="cl-muted">{t('popupPageDisabled')}</p>
      ) : matches.identifiers.length === 0 ? (
        <p class="cl-muted">{matches.scanning ? t('popupPageScanning') : t('popupPageNone')}</p>
      ) : (
        <ul class="cl-list" onKeyDown={onListKeyDown} data-testid="page-list">
          {matches.identifiers.map((m) => (
            <li key={`${m.kind}:${m.value}`}>
              <button
                type="button"
                class="cl-list-item cl-list-row"
                data-list-item
                onClick={() => onOpen({ type: 'details', kind: m.kind, value: m.value })}
              >
                <span>
                  <span class="cl-kind">{kindLabel(m.kind)}</span> <code>{formatIdentifier(m.kind, m.value)}</code>
                </span>
                <span class={`cl-check-${m.checksum}`}>
                  {m.checksum === 'valid'
                    ? t('popupCheckValidShort')
                    : m.checksum === 'invalid'
                      ? t('popupCheckInvalidShort')
                      : t('popupCheckNoneShort')}
                  {m.count > 1 ? ` · ${t('popupPageCount', String(m.count))}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {host && <SiteSwitch host={host} disabled={!matches.enabled} onSwitched={onSwitched} />}
    </>
  );
}
