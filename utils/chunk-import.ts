// Loads one of the extension's lazily loaded chunks (an unlisted script: the identifier engine, the card UI) into the
// content script's isolated world. A dynamic import() from a content script runs the module in that world, so the chunk
// hands over what it exports on a global the page cannot see. The files are web-accessible resources with
// `use_dynamic_url` (Chrome): pages cannot probe a fixed URL to learn that the extension is installed.
import { browser, type PublicPath } from 'wxt/browser';

/** A chunk's path in the extension (`/card-ui.js`, `/engine.js`). */
export type ChunkPath = Extract<PublicPath, `${string}.js`>;

/** Imports the chunk at `path` once and returns what it put on the isolated world's global `name`. */
export async function importChunk<T>(path: ChunkPath, name: string): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  if (!g[name]) await import(/* @vite-ignore */ browser.runtime.getURL(path));
  const chunk = g[name] as T | undefined;
  if (!chunk) throw new Error(`${path} did not load`);
  return chunk;
}
