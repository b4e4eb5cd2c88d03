// The identifier engine: throughput on corpus-like text, time on the scorer's four adversarial 1 MB inputs (first call
// and warm), the cost of the first call on a page, and the gzipped bytes the engine adds to a bundle.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const CORPUS = '../shared/corpus/detection-public.jsonl';

async function bundle(contents, minify) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    minify,
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0].contents;
}

const ms = (t) => `${t.toFixed(1).padStart(7)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'ids-bench-'));
  const out = join(dir, 'engine.mjs');
  const code = await bundle("export * from './utils/identifiers/index.ts';", false);
  (await import('node:fs')).writeFileSync(out, code);
  const t0 = performance.now();
  const engine = await import(pathToFileURL(out).href);
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  engine.findIdentifiers('KvK 33014286 · BTW NL805734958B01');
  const firstMs = performance.now() - t1;
  console.log(`load ${ms(loadMs)}, first call ${ms(firstMs)} (regex compilation: paid once per page)`);

  // Corpus-like text: the public corpus snippets (or a few footers) between paragraphs of prose without numbers.
  const snippets = existsSync(CORPUS)
    ? readFileSync(CORPUS, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).text)
    : [
        '© 2025 Brouwerij B.V. | KvK 33014286 | BTW NL805734958B01',
        'Tel. +31 (0)20 267 5999',
        'IBAN NL91 ABNA 0417 1643 00',
      ];
  const prose = 'Wij leveren duurzame oplossingen voor bedrijven in heel Nederland en België; neem gerust contact op. ';
  const blocks = [];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    const block = prose.repeat(1 + (i % 3)) + snippets[i % snippets.length];
    blocks.push(block);
    size += block.length;
  }
  const page = blocks.join('\n');
  const timeIt = (f, runs) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      f();
      times.push(performance.now() - s);
    }
    return median(times);
  };
  engine.findIdentifiers(page);
  const whole = timeIt(() => engine.findIdentifiers(page), 7);
  const perBlock = timeIt(() => blocks.forEach((b) => engine.findIdentifiers(b)), 7);
  const found = engine.findIdentifiers(page).length;
  console.log(`corpus-like text, ${(size / 1e6).toFixed(2)} MB, ${found} identifiers:`);
  console.log(
    `  one call on the whole text   ${ms(whole)}  ${(size / 1e6 / (whole / 1000)).toFixed(1).padStart(6)} MB/s`,
  );
  console.log(
    `  one call per block (${blocks.length})  ${ms(perBlock)}  ${(size / 1e6 / (perBlock / 1000)).toFixed(1).padStart(6)} MB/s`,
  );

  const adversarial = {
    'digits 1 MB': '1234567890'.repeat(100_000),
    'digit groups 1 MB': '0123.456.78 '.repeat(87_000),
    'VAT-like 1 MB': 'NL12345678 B0 '.repeat(75_000),
    'labels 1 MB': 'KvK BTW KvK-nummer '.repeat(53_000),
    'labels + digits 1 MB (extra)': 'KvK BTW KvK-nummer 1 '.repeat(50_000),
    'phone numbers 1 MB (extra)': 'Tel 020 123 4567, '.repeat(55_000),
  };
  console.log('adversarial inputs (first call / warm median of 5):');
  for (const [name, text] of Object.entries(adversarial)) {
    const s = performance.now();
    engine.findIdentifiers(text);
    const first = performance.now() - s;
    console.log(`  ${name.padEnd(30)} ${ms(first)} / ${ms(timeIt(() => engine.findIdentifiers(text), 5))}`);
  }

  // Bytes added to a bundle: what the content script imports (findIdentifiers), and the whole public interface.
  for (const [what, entry] of [
    ['findIdentifiers (content script)', "export { findIdentifiers } from './utils/identifiers/index.ts';"],
    ['whole engine (parse, format, check)', "export * from './utils/identifiers/index.ts';"],
    ['EU VAT checks alone (28 countries)', "export { VAT_COUNTRIES } from './utils/identifiers/checks/vat-eu.ts';"],
  ]) {
    const min = await bundle(entry, true);
    console.log(
      `  ${what.padEnd(38)} ${String(min.length).padStart(6)} B minified, ${String(gzipSync(min, { level: 9 }).length).padStart(5)} B gzipped`,
    );
  }
}
