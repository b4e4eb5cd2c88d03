// The page side's boundaries, followed through every runtime import from each of its entry points (type-only imports
// are left out: they vanish in the build). The linter checks each file's own imports; this checks what they reach.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** The runtime imports of one file (with `types`, its type-only imports too): relative ones resolved to files, bare
 * ones as package names. */
function runtimeImports(file: string, types = false): { files: string[]; packages: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings)
          ? clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)
          : false);
      if (types || !typeOnly) specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && (types || !node.isTypeOnly)) {
      specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  const files: string[] = [];
  const packages: string[] = [];
  for (const spec of specifiers) {
    if (!spec.startsWith('.')) {
      packages.push(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      continue;
    }
    const base = resolve(dirname(file), spec.replace(/\?.*$/, ''));
    const found = ['', '.ts', '.tsx', '/index.ts'].map((e) => base + e).find((p) => existsSync(p) && /\.tsx?$/.test(p));
    if (found) files.push(found);
  }
  return { files, packages };
}

/** Every file and package an entry point reaches at runtime. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const found = runtimeImports(file);
    found.packages.forEach((p) => packages.add(p));
    queue.push(...found.files);
  }
  return { files: new Set([...files].map((f) => relative(ROOT, f))), packages };
}

/** Modules whose runtime import drags zod (or background-only code) into a page. */
const BACKGROUND_ONLY =
  /^utils\/(registry|net|background)\/|^utils\/settings\/(schema|items|update|migrations)\.ts$|^utils\/messaging\/(background-messages|router)\.ts$/;

describe('what runs in pages', () => {
  for (const entry of ['entrypoints/content/index.ts', 'entrypoints/engine.ts', 'entrypoints/card-ui.ts']) {
    it(`${entry} reaches neither zod nor background code`, () => {
      const { files, packages } = reach(entry);
      expect([...packages]).not.toContain('zod');
      expect([...files].filter((f) => BACKGROUND_ONLY.test(f))).toEqual([]);
    });
  }

  it('the content script leaves the engine and the card to their chunks', () => {
    const { files, packages } = reach('entrypoints/content/index.ts');
    const chunkOnly = [...files].filter(
      (f) =>
        f.startsWith('components/') ||
        /^utils\/card\/(card-ui|card-controller|hover|position)\.ts$/.test(f) ||
        /^utils\/identifiers\/(find|index|digit-runs|iban|check-one|parse-one)\.ts$/.test(f) ||
        f === 'utils/identifiers/checks/vat-eu.ts',
    );
    expect(chunkOnly).toEqual([]);
    expect([...packages]).not.toContain('preact');
  });

  it('the card chunk carries no checks of its own (the scan gives it each number\u2019s check)', () => {
    const { files } = reach('entrypoints/card-ui.ts');
    expect([...files].filter((f) => f.startsWith('utils/identifiers/checks/'))).toEqual([]);
  });
});

describe('the module graph', () => {
  it('has no import cycle, type imports included (each layer depends one way)', () => {
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'utils', 'components', 'entrypoints'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => resolve(ROOT, f));
    const edges = new Map(files.map((f) => [f, runtimeImports(f, true).files]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(ROOT, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      path.push(file);
      for (const next of edges.get(file) ?? []) visit(next);
      path.pop();
      state.set(file, 'done');
    };
    files.forEach(visit);
    expect(cycles).toEqual([]);
  });
});
