// Loads the card UI chunk (entrypoints/card-ui.ts → /card-ui.js) on first use (utils/chunk-import.ts).
import { importChunk } from '../chunk-import';
import type { CardUi } from './card-ui';
import type { CardUiLoader } from './set-up-card';

/** The isolated-world global the chunk puts its setup function on. */
export const CARD_UI_GLOBAL = '__companyLensCardUi';

/** What the chunk hands over. */
export interface CardUiChunk {
  setUpCardUi(...args: Parameters<CardUiLoader>): CardUi;
}

/** Imports the card UI chunk (once) and sets it up on the page (hover tracking; the card on first use). */
export const loadCardUi: CardUiLoader = async (ctx, scan) =>
  (await importChunk<CardUiChunk>('/card-ui.js', CARD_UI_GLOBAL)).setUpCardUi(ctx, scan);
