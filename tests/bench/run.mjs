#!/usr/bin/env node
// `npm run bench`: runs every tests/bench/*.bench.mjs in name order (or only those whose name contains an argument),
// each printing its own figures. Benchmarks measure; they do not pass or fail.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
for (const file of benches) {
  console.log(`\n## ${file.replace('.bench.mjs', '')}`);
  const { run } = await import(pathToFileURL(join(here, file)).href);
  await run();
}
