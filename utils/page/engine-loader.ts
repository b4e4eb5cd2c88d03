// Loads the identifier engine chunk (entrypoints/engine.ts → /engine.js) the first time a block of the page is worth
// reading (utils/chunk-import.ts): the content script carries only the screen (utils/identifiers/screen.ts), so pages
// where no number has a label, a VAT prefix or the dotted Belgian form near it never load the engine.
import { importChunk } from '../chunk-import';
import type { Detector } from './block-scanner';

/** The isolated-world global the chunk puts the engine on. */
export const ENGINE_GLOBAL = '__companyLensEngine';

/** What the chunk hands over. */
export interface EngineChunk {
  findIdentifiers: Detector;
}

/** Imports the engine chunk (once) and returns findIdentifiers. */
export const loadEngine = async (): Promise<Detector> =>
  (await importChunk<EngineChunk>('/engine.js', ENGINE_GLOBAL)).findIdentifiers;
