// Loads the card UI chunk (entrypoints/card-ui.ts → /card-ui.js) on first use. A dynamic import() from a content script
// runs the module in the content script's isolated world, so the chunk can hand over its setup function on a global the
// page cannot see. The file is a web-accessible resource with `use_dynamic_url` (Chrome): pages cannot probe a fixed
// URL to learn that the extension is installed.
import { browser } from 'wxt/browser';
import type { setUpCardUi } from './card-ui';
import type { CardUiLoader } from './set-up-card';

/** The isolated-world global the chunk puts its setup function on. */
export const CARD_UI_GLOBAL = '__companyLensCardUi';

/** The chunk's path in the extension. */
export const CARD_UI_PATH = '/card-ui.js';

/** What the chunk hands over. */
export interface CardUiChunk {
  setUpCardUi: typeof setUpCardUi;
}

/** Imports the card UI chunk (once) and sets it up on the page (hover tracking; the card on first use). */
export const loadCardUi: CardUiLoader = async (ctx, scan) => {
  const g = globalThis as Record<string, unknown>;
  if (!g[CARD_UI_GLOBAL]) await import(/* @vite-ignore */ browser.runtime.getURL(CARD_UI_PATH));
  const chunk = g[CARD_UI_GLOBAL] as CardUiChunk | undefined;
  if (!chunk) throw new Error('the card UI did not load');
  return chunk.setUpCardUi(ctx, scan);
};
