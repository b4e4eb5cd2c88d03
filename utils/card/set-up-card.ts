// The card's part in the content script, kept small because every page pays for it: once the page has a highlighted
// number (or the context menu asks for a card), it loads the card UI chunk, which tracks hover and shows the card
// (card-ui.ts). Pages without a number never load it and never track the pointer.
import type { ScriptContext } from '../page/script-context';
import type { PageScan } from '../page/set-up-page-scan';
import { isCardRequest, OPEN_CARD, type CardHandlers } from '../messaging/card-messages';
import { answerInContentScript } from '../messaging/content-listener';
import type { CardUi } from './card-ui';

/** Loads the card UI chunk and sets it up on the page (a function, so the chunk is imported on first use only). */
export type CardUiLoader = (ctx: ScriptContext, scan: PageScan) => Promise<CardUi>;

/** Loads the card UI once the page has a match or the context menu asks; a failed load is reported and retried. */
export function setUpCard(ctx: ScriptContext, scan: PageScan, load: CardUiLoader): void {
  let ui: Promise<CardUi> | undefined;
  const loaded = () =>
    (ui ??= load(ctx, scan).then(
      (u) => {
        off(); // loaded: later batches have nothing to do here
        return u;
      },
      (error: unknown) => {
        ui = undefined; // the next batch with a match, or the next request, tries again
        console.error('Company Lens: the card could not be shown', error);
        throw error;
      },
    ));
  const off = scan.scanner.onBatch(() => {
    if (!scan.index.isEmpty && ctx.isValid) loaded().catch(() => undefined);
  });

  // The context menu: the background asks this frame to open the card at the selection.
  const handlers: CardHandlers = {
    [OPEN_CARD]: ({ kind, value, checksum }) => {
      const opened = scan.scanner.isActive;
      if (opened)
        loaded().then(
          (u) => u.openAtSelection(kind, value, checksum),
          () => undefined,
        );
      return { opened };
    },
  };
  answerInContentScript(ctx, isCardRequest, handlers);
}
