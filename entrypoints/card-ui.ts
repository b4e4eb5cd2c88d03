import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createCardController } from '../utils/card/card-controller';
import { CARD_UI_GLOBAL, type CardUi } from '../utils/card/card-ui-loader';

// The hover card (its behaviour, Preact, the company components, the card's CSS), loaded by the content script only on the
// first hover intent (dynamic import of this extension URL, see utils/card/card-ui-loader.ts), so pages where nobody
// hovers a number never pay for it. It only hands its factory to the content script's isolated world.
export default defineUnlistedScript(() => {
  const ui: CardUi = { createCardController };
  (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] = ui;
});
