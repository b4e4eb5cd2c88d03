// The page's hover UI, in the lazily loaded card chunk (entrypoints/card-ui.ts): the content script loads it once the
// page has a highlighted number (or the context menu asks for a card), so pages without one never track the pointer
// nor pay for this code. It tracks hover (utils/card/hover.ts) and opens the card on a hover intent. The card's shadow
// root is created on the first card only (the page gets no element of ours before): meanwhile the first lookup is
// sent at once, so the first card of a page waits no longer for its answer than later ones.
import type { ScriptContext } from '../page/script-context';
import type { Checksum, IdentifierKind } from '../identifiers/types';
import { sendMessage } from '../messaging/send';
import { setUpHover, type HoverEvents } from './hover';
import type { PageScan } from '../page/set-up-page-scan';
import { createCardController, looksUpAtOnce, type CardController } from './card-controller';
import type { CardRootFactory } from './card-model';
import { debugEvents, type CardEvent } from '../page/debug-hook';
import type { Box } from './position';

/** What the chunk gives the content script: the card for the context menu (hover intents it handles itself). */
export interface CardUi {
  /** Opens the card for a number at the page's selection, focused (the context menu's "open the card"). */
  openAtSelection(kind: IdentifierKind, value: string, checksum: Checksum): void;
}

/** Creates the card controller (its shadow root and listeners); injected so tests can pass a fake. */
export type CardControllerFactory = (
  ctx: ScriptContext,
  scan: PageScan,
  hover: HoverEvents,
  events: CardEvent[],
) => Promise<CardController>;

/**
 * Starts hover tracking on the page and wires it to the card (the chunk's entry point). `createRoot` makes the card's
 * view (components/card/card-root.ts, passed in by entrypoints/card-ui.ts).
 */
export function setUpCardUi(ctx: ScriptContext, scan: PageScan, createRoot: CardRootFactory): CardUi {
  const hover = setUpHover(ctx, document, scan.index, scan.scanner.shadowRoots);
  return wireCard(ctx, scan, hover, (...args) => createCardController(...args, createRoot));
}

/** Opens the card on every hover intent, creating the controller on first use (and again after a failure). */
export function wireCard(
  ctx: ScriptContext,
  scan: PageScan,
  hover: HoverEvents,
  create: CardControllerFactory,
): CardUi {
  const { hoverEvents, cardEvents } = debugEvents();
  let creating: Promise<CardController> | undefined;
  let controller: CardController | undefined;

  /** `checksum`: as the scan (or, for the context menu, the background's parser) found it. */
  const open = (kind: IdentifierKind, value: string, checksum: Checksum, at: Box | null, focus: boolean) => {
    if (controller) return controller.open(kind, value, checksum, at, focus);
    const early = looksUpAtOnce(checksum, scan.preferences) ? sendMessage({ type: 'lookup', kind, value }) : undefined;
    early?.catch(() => undefined); // the controller reports a failure; this only keeps it from going unhandled
    creating ??= create(ctx, scan, hover, cardEvents).then((c) => (controller = c));
    creating.then(
      (c) => c.open(kind, value, checksum, at, focus, early),
      (error: unknown) => {
        creating = undefined; // the next hover tries again
        console.error('Company Lens: the card could not be shown', error);
      },
    );
  };

  hover.onHoverIntent((match, rect) => {
    hoverEvents.push({ type: 'intent', value: match.value, at: performance.now() });
    open(match.kind, match.value, match.checksum, rect, false);
  });
  hover.onLeave(() => hoverEvents.push({ type: 'leave', at: performance.now() }));
  return { openAtSelection: (kind, value, checksum) => open(kind, value, checksum, null, true) };
}
