// Wires the page side together for the content script: scanner + match index + settings + the popup's "On this page"
// answer (hover tracking comes with the card UI chunk, utils/card/card-ui.ts). Everything is tied to WXT's ContentScriptContext, so an updated or disabled extension
// leaves no observer, listener, timer or highlight behind.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_PREFERENCES, isSiteDisabled, type Preferences } from '../settings/preferences';
import { MatchIndex } from './match-index';
import { answerInContentScript } from '../messaging/content-listener';
import { isPageRequest, PAGE_MATCHES, type PageHandlers } from '../messaging/page-messages';
import { PageScanner, type PageScannerOptions } from './page-scanner';
import { siteHostname, watchPreferences } from './page-settings';

/** What the rest of the content script (the card) gets from the page side. */
export interface PageScan {
  index: MatchIndex;
  scanner: PageScanner;
  /** The preferences as last read (defaults until storage answers); the one watcher of the content script. */
  readonly preferences: Preferences;
}

/** Starts scanning this frame's document (unless the site is disabled) and follows settings changes. */
export function setUpPageScan(ctx: ContentScriptContext, detect: PageScannerOptions['detect']): PageScan {
  const index = new MatchIndex(window);
  const scanner = new PageScanner(document, {
    detect,
    index,
    isValid: () => ctx.isValid,
    setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
  });
  ctx.onInvalidated(() => scanner.stop());

  let preferences = DEFAULT_PREFERENCES;
  watchPreferences(ctx, (prefs) => {
    preferences = prefs;
    index.setEnabled((kind) => prefs.detect[kind]);
    if (isSiteDisabled(siteHostname(), prefs.disabledSites)) scanner.stop();
    else if (!scanner.isActive) scanner.start();
    else index.commit();
  });

  setUpPageMessages(ctx, index, scanner);
  exposeDebugHook(index, scanner);
  return {
    index,
    scanner,
    get preferences() {
      return preferences;
    },
  };
}

/** Answers the popup's "what is on this page" request. */
function setUpPageMessages(ctx: ContentScriptContext, index: MatchIndex, scanner: PageScanner): void {
  const handlers: PageHandlers = {
    [PAGE_MATCHES]: () => ({
      url: location.href,
      enabled: scanner.isActive,
      scanning: scanner.isBusy,
      identifiers: scanner.isActive ? index.summary() : [],
    }),
  };
  answerInContentScript(ctx, isPageRequest, handlers);
}

/**
 * For the benchmark and the e2e tests: figures and events on a global of the content script's isolated world
 * (`globalThis.__companyLens`), which the page's own scripts cannot see. It holds no data the page does not have.
 */
function exposeDebugHook(index: MatchIndex, scanner: PageScanner): void {
  // The benchmark and the tests read the scan's figures and matches through these, and drive full rescans; the card UI
  // chunk records its hover and card events in the two lists (card-ui.ts).
  (globalThis as Record<string, unknown>).__companyLens = { scanner, index, hoverEvents: [], cardEvents: [] };
}
