// Bundles TypeScript modules of the repository for a benchmark (esbuild, Node ESM) and imports the bundle.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `entry` (export statements, paths from the repository root) bundled and imported; the bundle is removed after. */
export async function importBundled(entry) {
  const dir = mkdtempSync(join(tmpdir(), 'cl-bench-'));
  try {
    const out = join(dir, 'bundle.mjs');
    await build({
      stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: out,
      logLevel: 'error',
    });
    return await import(pathToFileURL(out).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
