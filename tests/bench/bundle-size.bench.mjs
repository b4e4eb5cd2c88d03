// Bundle sizes of the production build: what each entry point costs to load, raw and gzipped.
// The content script runs on every page, so its gzipped size is the figure to watch (goal: <= 15 KB with the card).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = '.output/chrome-mv3';

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export async function run() {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const rows = files(OUT)
    .filter((f) => /\.(js|css|html)$/.test(f))
    .map((f) => {
      const bytes = readFileSync(f);
      return { file: relative(OUT, f), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const kb = (n) => (n / 1024).toFixed(2).padStart(8);
  console.log(`${'file'.padEnd(48)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)}`);
  for (const r of rows) console.log(`${r.file.padEnd(48)} ${kb(r.raw)} ${kb(r.gzip)}`);
  const content = rows.filter((r) => r.file.startsWith('content-scripts/'));
  const sum = (list, k) => list.reduce((n, r) => n + r[k], 0);
  console.log(`content script total: ${kb(sum(content, 'raw'))} KB raw, ${kb(sum(content, 'gzip'))} KB gzipped`);
  console.log(`whole extension:      ${kb(sum(rows, 'raw'))} KB raw, ${kb(sum(rows, 'gzip'))} KB gzipped`);
}
