import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { findIdentifiers } from '../utils/identifiers';
import { ENGINE_GLOBAL, type EngineChunk } from '../utils/page/engine-loader';

// The identifier engine (findIdentifiers with its labels, digit runs and checksums), loaded by the content script the
// first time a block of the page is worth reading (utils/page/engine-loader.ts): pages where the screen finds nothing
// never load it. It only hands the engine to the content script's isolated world.
export default defineUnlistedScript(() => {
  const chunk: EngineChunk = { findIdentifiers };
  (globalThis as Record<string, unknown>)[ENGINE_GLOBAL] = chunk;
});
