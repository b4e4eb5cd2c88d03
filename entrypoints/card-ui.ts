import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createCardRoot } from '../components/card/card-root';
import { setUpCardUi } from '../utils/card/card-ui';
import { CARD_UI_GLOBAL, type CardUiChunk } from '../utils/card/card-ui-loader';

// Hover tracking and the hover card (its behaviour, Preact, the company components, the card's CSS), loaded by the
// content script once the page has a highlighted number (dynamic import of this extension URL, see
// utils/card/card-ui-loader.ts), so pages without one never pay for it. It only hands its setup function to the
// content script's isolated world.
export default defineUnlistedScript(() => {
  const chunk: CardUiChunk = { setUpCardUi: (ctx, scan) => setUpCardUi(ctx, scan, createCardRoot) };
  (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] = chunk;
});
