// Wires the page side together for the content script: scanner + match index + settings + the popup's "On this page"
// answer (hover tracking comes with the card UI chunk, utils/card/card-ui.ts). Everything is tied to the content
// script's context (./script-context.ts), so an updated or disabled extension leaves no observer, listener, timer or
// highlight behind.
import { browser } from 'wxt/browser';
import type { ScriptContext } from './script-context';
import { DEFAULT_PREFERENCES, isSiteDisabled, type Preferences } from '../settings/preferences';
import { exposeDebugHook } from './debug-hook';
import { MatchIndex } from './match-index';
import { answerInContentScript } from '../messaging/content-listener';
import {
  FRAME_MATCHES,
  isPageRequest,
  PAGE_MATCHES,
  type FrameMatchesMessage,
  type PageHandlers,
} from '../messaging/page-messages';
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
export function setUpPageScan(ctx: ScriptContext, detect: PageScannerOptions['detect']): PageScan {
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
  exposeDebugHook(scanner, index);
  return {
    index,
    scanner,
    get preferences() {
      return preferences;
    },
  };
}

/** Answers "what is on this page": asked of one frame, or of all frames at once (each sends the background its own). */
function setUpPageMessages(ctx: ScriptContext, index: MatchIndex, scanner: PageScanner): void {
  const answer = (written: boolean) => ({
    url: location.href,
    enabled: scanner.isActive,
    scanning: scanner.isBusy,
    identifiers: scanner.isActive ? index.summary(written) : [],
  });
  const handlers: PageHandlers = {
    [PAGE_MATCHES]: () => answer(false),
    [FRAME_MATCHES]: ({ requestId }) => {
      const message: FrameMatchesMessage = {
        type: 'frame-matches',
        requestId,
        frames: window.frames.length,
        ...answer(true),
      };
      browser.runtime.sendMessage(message).catch(() => undefined); // the background may have stopped waiting
      return { sent: true };
    },
  };
  answerInContentScript(ctx, isPageRequest, handlers);
}
