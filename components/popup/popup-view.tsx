import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { PopupTarget } from '../../utils/popup/popup-hash';
import { CompanyDetails } from './company-details';
import { OnThisPage } from './on-this-page';
import { ReportsSection } from './reports-section';
import type { Screen } from './screens';
import { SearchBox } from './search-box';
import { SearchResults } from './search-results';

/**
 * The popup: a stack of screens — home (search box and "On this page"), name-search results, details. Back (button,
 * Escape or Alt+Left) returns to the previous screen; each new screen moves focus to its heading.
 */
export function PopupView({ start }: { start?: PopupTarget } = {}) {
  const [stack, setStack] = useState<Screen[]>(() => [
    { type: 'home' },
    ...(start?.type === 'details' ? [start] : start ? [{ type: 'results' as const, query: start.query }] : []),
  ]);
  const screen = stack[stack.length - 1]!;
  const heading = useRef<HTMLHeadingElement>(null);
  const [typed, setTyped] = useState('');
  const open = (next: Screen) => setStack((s) => [...s, next]);
  const back = () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));

  useEffect(() => {
    if (screen.type !== 'home') heading.current?.focus();
  }, [screen]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === 'Escape' || (e.altKey && e.key === 'ArrowLeft')) && stack.length > 1) {
        e.preventDefault();
        back();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [stack.length]);

  return (
    <main class="cl-popup">
      <header class="cl-header">
        {stack.length > 1 && (
          <button type="button" class="cl-button cl-small" onClick={back} data-testid="back">
            ← {t('popupBack')}
          </button>
        )}
        <h1 ref={heading} tabIndex={-1}>
          {screen.type === 'details'
            ? t('popupDetailsTitle')
            : screen.type === 'results'
              ? t('popupResultsTitle')
              : t('popupTitle')}
        </h1>
      </header>
      {screen.type === 'home' && (
        <>
          <SearchBox initial={typed} onSubmitText={setTyped} onOpen={open} />
          <OnThisPage onOpen={open} />
          <ReportsSection />
        </>
      )}
      {screen.type === 'results' && start?.type === 'search' && start.reason && screen.query === start.query && (
        <p class="cl-hint" data-testid="not-a-number">
          {t('cardSelectionNotANumber')}
        </p>
      )}
      {screen.type === 'results' && <SearchResults query={screen.query} onOpen={open} />}
      {screen.type === 'details' && (
        <CompanyDetails key={`${screen.kind}:${screen.value}`} kind={screen.kind} value={screen.value} />
      )}
    </main>
  );
}
