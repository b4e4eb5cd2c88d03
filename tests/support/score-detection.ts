// Scores a detector on the labelled corpus (tests/fixtures/detection/README.md): a detection matches an expected
// identifier when it is the same entity (a Belgian VAT number and its enterprise number are one) and the spans overlap;
// detections inside a "don't care" span count for nothing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IdentifierMatch } from '../../utils/identifiers/types';

interface Span {
  start: number;
  end: number;
}

/** One labelled snippet. */
export interface CorpusCase {
  id: string;
  text: string;
  expect: (Span & { kind: string; value: string; checksum: string })[];
  dontcare?: Span[];
}

/** The corpus, one case a line. */
export function readCorpus(path = resolve(__dirname, '../fixtures/detection/corpus.jsonl')): CorpusCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CorpusCase);
}

/** The score, and each miss, false positive and disagreeing check in words. */
export interface DetectionScore {
  precision: number;
  recall: number;
  checksumsAsked: number;
  checksumsAgreeing: number;
  problems: string[];
}

function entityKey(kind: string, value: string): string {
  const v = value.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (kind === 'kbo') return `be:${v.replace(/^BE/, '')}`;
  if (kind === 'vat') return v.startsWith('BE') ? `be:${v.slice(2)}` : `vat:${v}`;
  return `${kind}:${v}`;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Runs `detect` on every case and scores it. A detector that throws on a case scores that case as all missed. */
export function scoreDetection(cases: CorpusCase[], detect: (text: string) => IdentifierMatch[]): DetectionScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let asked = 0;
  let agreeing = 0;
  const problems: string[] = [];
  const around = (c: CorpusCase, s: Span) => JSON.stringify(c.text.slice(Math.max(0, s.start - 30), s.end + 10));
  for (const c of cases) {
    let found: IdentifierMatch[] = [];
    try {
      found = detect(c.text);
    } catch (error) {
      problems.push(`${c.id}: threw ${String(error)}`);
    }
    const used = new Set<number>();
    for (const d of found) {
      if ((c.dontcare ?? []).some((s) => overlaps(s, d))) continue;
      const key = entityKey(d.kind, d.value);
      const i = c.expect.findIndex((e, j) => !used.has(j) && entityKey(e.kind, e.value) === key && overlaps(e, d));
      if (i < 0) {
        fp++;
        problems.push(`${c.id}: false positive ${d.kind} ${d.value} in ${around(c, d)}`);
        continue;
      }
      used.add(i);
      tp++;
      const expected = c.expect[i]!;
      if (expected.checksum === 'none') continue;
      asked++;
      if (d.checksum === expected.checksum) agreeing++;
      else problems.push(`${c.id}: check of ${d.value} said ${d.checksum}, expected ${expected.checksum}`);
    }
    c.expect.forEach((e, j) => {
      if (used.has(j)) return;
      fn++;
      problems.push(`${c.id}: missed ${e.kind} ${e.value} in ${around(c, e)}`);
    });
  }
  return {
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    checksumsAsked: asked,
    checksumsAgreeing: agreeing,
    problems,
  };
}
