// Loads the hover card's UI chunk (entrypoints/card-ui.ts → /card-ui.js) on first use. A dynamic import() from a
// content script runs the module in the content script's isolated world, so the chunk can hand over its factory on a
// global the page cannot see. The file is a web-accessible resource with `use_dynamic_url` (Chrome): pages cannot
// probe a fixed URL to learn that the extension is installed.
import { browser } from 'wxt/browser';
import type { CardControllerLoader } from './set-up-card';

/** The isolated-world global the chunk puts its factory on. */
export const CARD_UI_GLOBAL = '__companyLensCardUi';

/** The chunk's path in the extension. */
export const CARD_UI_PATH = '/card-ui.js';

/** What the chunk hands over. */
export interface CardUi {
  createCardController: CardControllerLoader;
}

/** Imports the card UI chunk (once) and creates the card controller (its shadow root and listeners). */
export const loadCardController: CardControllerLoader = async (ctx, scan, events) => {
  const g = globalThis as Record<string, unknown>;
  if (!g[CARD_UI_GLOBAL]) await import(/* @vite-ignore */ browser.runtime.getURL(CARD_UI_PATH));
  const ui = g[CARD_UI_GLOBAL] as CardUi | undefined;
  if (!ui) throw new Error('the card UI did not load');
  return ui.createCardController(ctx, scan, events);
};
