// The hover card's part in the content script, kept small because every page pays for it: it forwards hover intents
// and the context menu's "open the card" request to the card controller, which lives in the lazily loaded card UI
// chunk with the rest of the card (card-controller.ts). On the first intent it sends the lookup itself while the
// chunk loads, so the first card of a page waits no longer for its answer than later ones.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Checksum, IdentifierKind } from '../identifiers/types';
import { sendMessage } from '../messaging/send';
import type { PageScan } from '../page/set-up-page-scan';
import type { Preferences } from '../settings/preferences';
import type { CardController } from './card-controller';
import { isOpenCardRequest, type OpenCardResponse } from './card-messages';
import type { Box } from './position';

/** What the card records for the benchmark and the e2e tests (on the content script's isolated-world global). */
export interface CardEvent {
  /** `answer`: the lookup's answer reached the content script (before it is rendered). */
  type: 'open' | 'answer' | 'painted' | 'close';
  value?: string;
  state?: string;
  reason?: string;
  at: number;
}

/** Loads the card UI chunk and creates the controller (a function, so the chunk is imported on first use only). */
export type CardControllerLoader = (
  ctx: ContentScriptContext,
  scan: PageScan,
  events: CardEvent[],
) => Promise<CardController>;

/** Whether a card looks a number up as soon as it opens (not for a number whose check fails: no request at all). */
export function looksUpAtOnce(checksum: Checksum, preferences: Preferences): boolean {
  return checksum !== 'invalid' && preferences.lookupTrigger === 'hover';
}

/** Wires hover intents and the context menu to the card, loading the card's chunk on first use. */
export function setUpCard(ctx: ContentScriptContext, scan: PageScan, load: CardControllerLoader): CardEvent[] {
  const events: CardEvent[] = [];
  let loading: Promise<CardController> | undefined;
  let controller: CardController | undefined;

  /** `checksum`: as the scan found it (a context-menu value has none yet: the controller checks it). */
  const open = (kind: IdentifierKind, value: string, at: Box | null, focus: boolean, checksum?: Checksum) => {
    if (controller) return controller.open(kind, value, at, focus);
    const early =
      checksum && looksUpAtOnce(checksum, scan.preferences) ? sendMessage({ type: 'lookup', kind, value }) : undefined;
    early?.catch(() => undefined); // the controller reports a failure; this only keeps it from going unhandled
    loading ??= load(ctx, scan, events).then((c) => (controller = c));
    loading.then(
      (c) => c.open(kind, value, at, focus, early),
      (error: unknown) => {
        loading = undefined; // the next hover tries again
        console.error('Company Lens: the card could not be shown', error);
      },
    );
  };

  scan.hover.onHoverIntent((match, rect) => open(match.kind, match.value, rect, false, match.checksum));

  // The context menu: the background asks this frame to open the card at the selection.
  const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => {
    if (sender.id !== browser.runtime.id || !isOpenCardRequest(message)) return;
    const answer: OpenCardResponse = { opened: scan.scanner.isActive };
    if (answer.opened) open(message.kind, message.value, null, true);
    sendResponse(answer);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  // For the benchmark and the e2e tests, next to the page scan's figures (isolated world: the page cannot see it).
  const hook = (globalThis as Record<string, unknown>).__companyLens as Record<string, unknown> | undefined;
  if (hook) hook.cardEvents = events;
  return events;
}
