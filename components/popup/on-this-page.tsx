import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatIdentifier } from '../../utils/identifiers/format';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging/send';
import { REPORT_MAX_ROWS } from '../../utils/report/schema';
import { askPageMatches, targetTabId, type PageMatches } from '../../utils/popup/page-tab';
import { siteOf } from '../../utils/popup/site-switch';
import { kindLabel } from '../company/labels';
import { onListKeyDown, type Screen } from './screens';
import { SiteSwitch } from './site-switch';

/** How often and how long to ask again while the page is still being scanned (bounded). */
const POLL_MS = 400;
const MAX_POLLS = 15;
/** Asks of a tab without an answer before it counts as unreadable. */
const UNREADABLE_POLLS = 3;

type State = { phase: 'loading' } | { phase: 'unreadable' } | { phase: 'ready'; tabId: number; matches: PageMatches };

/** "On this page": the identifiers found in every frame of the active tab, each opening its details; "Check all". */
export function OnThisPage({ onOpen }: { onOpen: (s: Screen) => void }) {
  const [state, setState] = useState<State>({ phase: 'loading' });

  /**
   * Asks the page, again while it is still scanning, some of its frames have not answered yet, or it has not yet
   * applied a switch to `expectEnabled`; a tab without an answer is asked a few times (its content script may still
   * be starting) before it counts as unreadable.
   */
  const load = useCallback(async (isLive: () => boolean, expectEnabled?: boolean) => {
    const tabId = await targetTabId();
    for (let poll = 0; poll < MAX_POLLS && isLive(); poll++) {
      const matches = tabId === undefined ? null : await askPageMatches(tabId);
      if (!isLive()) return;
      if (!matches || tabId === undefined) {
        if (tabId === undefined || poll >= UNREADABLE_POLLS) return setState({ phase: 'unreadable' });
      } else {
        setState({ phase: 'ready', tabId, matches });
        const settled = expectEnabled === undefined || matches.enabled === expectEnabled;
        if (!matches.scanning && matches.frames >= matches.framesAnnounced && settled) return;
      }
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
        <>
          <CheckAll matches={matches} />
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
        </>
      )}
      {host && <SiteSwitch host={host} disabled={!matches.enabled} onSwitched={onSwitched} />}
    </>
  );
}

/** "Check all (N)": a verification report of every number on the page (all frames), opened in its own tab. */
function CheckAll({ matches }: { matches: PageMatches }) {
  const [failed, setFailed] = useState(false);
  const check = async () => {
    try {
      const { id } = await sendMessage({
        type: 'report-create',
        source: { type: 'page', url: matches.url.slice(0, 2048) },
        items: matches.identifiers.slice(0, REPORT_MAX_ROWS).map(({ kind, value, written }) => ({
          kind,
          value,
          ...(written ? { written } : {}),
        })),
      });
      await browser.tabs.create({ url: browser.runtime.getURL(`/report.html#${id}`) });
    } catch {
      setFailed(true);
    }
  };
  return (
    <p class="cl-check-all">
      <button type="button" class="cl-button" onClick={() => void check()} data-testid="check-all">
        {t('popupCheckAll', String(matches.identifiers.length))}
      </button>
      {matches.identifiers.length > REPORT_MAX_ROWS && (
        <span class="cl-hint"> {t('popupCheckAllTooMany', String(REPORT_MAX_ROWS))}</span>
      )}
      {failed && (
        <span class="cl-message" role="alert">
          {' '}
          {t('reportCreateFailed')}
        </span>
      )}
    </p>
  );
}
