// findIdentifiers: the scan over one text. Order of work:
//   1. normalise (same offsets) and leave early when the text has no digit;
//   2. IBANs, whose digits are never anything else;
//   3. VAT numbers with a country prefix (they name themselves);
//   4. bare digit runs, which count only when a label names them — except the dotted Belgian form `0123.456.789`
//      with a passing check, which names itself;
//   5. every candidate is judged against its context (context.ts) in text order; results never overlap.
import { kboEstablishmentValid, kboValid, rsinValid } from './checks/national.ts';
import { LabelContext } from './context.ts';
import { badRight, DigitRun, forEachRun, looksLikeDate } from './digit-runs.ts';
import { findIbans } from './iban.ts';
import type { LabelType } from './labels.ts';
import { hasDigit, normaliseText } from './normalise.ts';
import type { Checksum, IdentifierKind, IdentifierMatch } from './types.ts';
import { findVatCandidates, type VatCandidate } from './vat-scan.ts';

const MAX_DIGITS = 12;
const MIN_UNLABELLED_VAT = 6;
const PLAUSIBLE_LENGTHS: ReadonlySet<number> = new Set([8, 9, 10, 12]);
const POSITIVE_FOR_VAT: ReadonlySet<LabelType> = new Set(['vat', 'kbo', 'company']);
const POSITIVE: ReadonlySet<LabelType> = new Set(['kvk', 'branch', 'rsin', 'kbo', 'vat', 'company']);
const check = (ok: boolean): Checksum => (ok ? 'valid' : 'invalid');

/** Reads bare digits as the kind a label names, or null when the label does not fit this many digits. */
function kindFor(label: LabelType | null, digits: string, oldDotted: boolean): IdentifierMatch['kind'] | null {
  const n = digits.length;
  switch (label) {
    case 'kvk':
      return n === 8 ? 'kvk' : null;
    case 'branch':
      return n === 12 ? 'kvk-branch' : n === 10 && /^[2-8]/.test(digits) ? 'kbo-establishment' : null;
    case 'rsin':
      return n === 9 ? 'rsin' : null;
    case 'kbo':
      return (n === 10 && /^[01]/.test(digits)) || n === 9 ? 'kbo' : null;
    case 'vat':
      return (n === 10 && /^[01]/.test(digits)) || (n === 9 && oldDotted) ? 'vat' : null;
    case 'company':
      return n === 8 ? 'kvk' : n === 10 && /^[01]/.test(digits) ? 'kbo' : null;
    default:
      return null;
  }
}

/** The match for `digits` read as `kind` (canonical value and checksum). */
function matchOf(kind: IdentifierKind, digits: string, start: number, end: number): IdentifierMatch {
  switch (kind) {
    case 'kvk':
    case 'kvk-branch':
      return { kind, value: digits, start, end, checksum: 'none' };
    case 'rsin':
      return { kind, value: digits, start, end, checksum: check(rsinValid(digits)) };
    case 'kbo-establishment':
      return { kind, value: digits, start, end, checksum: check(kboEstablishmentValid(digits)) };
    case 'kbo': {
      const value = digits.padStart(10, '0');
      return { kind, value, start, end, checksum: check(kboValid(value)) };
    }
    case 'vat': {
      const value = digits.padStart(10, '0');
      return { kind, value: 'BE' + value, start, end, checksum: check(kboValid(value)) };
    }
  }
}

/** Finds the identifiers in a text: sorted by start, never overlapping (see index.ts for the label contract). */
export function findIdentifiers(text: string): IdentifierMatch[] {
  if (!hasDigit(text)) return [];
  const n = normaliseText(text);
  const ibans = findIbans(n);
  const vats = findVatCandidates(n, ibans);
  const blocked = [...ibans, ...vats].sort((a, b) => a.start - b.start);
  const context = new LabelContext(n);
  const run = new DigitRun();
  const out: IdentifierMatch[] = [];

  // Walk VAT candidates and runs of digit groups together in text order (the label context only moves forward).
  let v = 0;
  forEachRun(n, blocked, (start, end) => {
    while (v < vats.length && vats[v]!.start < start) judgeVat(vats[v++]!, context, out);
    run.reset(n, start, end);
    judgeRun(n, run, context, out);
  });
  while (v < vats.length) judgeVat(vats[v++]!, context, out);
  return out;
}

function judgeVat(vat: VatCandidate, context: LabelContext, out: IdentifierMatch[]): void {
  const { label, blocked } = context.at(vat.start);
  if (blocked) return;
  const labelled = label !== null && POSITIVE_FOR_VAT.has(label.type);
  if (!vat.valid && !labelled) return;
  // Short national parts (Romanian CUIs of 2–5 digits, UK GD/HA codes) fit too much text to count without a label.
  if (!labelled && vat.value.length < 2 + MIN_UNLABELLED_VAT) return;
  if (label) label.used = true;
  out.push({ kind: 'vat', value: vat.value, start: vat.start, end: vat.end, checksum: check(vat.valid) });
}

/** Cuts one run into numbers: from its first group, and again after each number found (after a space). */
function judgeRun(text: string, g: DigitRun, context: LabelContext, out: IdentifierMatch[]): void {
  let i = 0;
  while (g.has(i)) {
    if (i > 0 && g.sep[i] !== SPACE) return;
    if (looksLikeDate(text, g, i)) return;
    const start = g.start[i]!;
    const { label, alt, blocked } = context.at(start);
    if (blocked) return;
    let digits = '';
    let used = label;
    let best: { match: IdentifierMatch; next: number } | null = null;
    let unlabelled: { digits: string; j: number } | null = null; // the longest plausible number, for a label after it
    for (let j = i; g.has(j); j++) {
      digits += text.slice(g.start[j], g.end[j]);
      if (digits.length > MAX_DIGITS) break;
      if (g.has(j + 1) ? g.sep[j + 1] !== SPACE && !isSubFile(g, j, digits) : badRight(text, g.end[j]!)) continue;
      const end = g.end[j]!;
      const oldDotted = isOldDotted(g, i, j);
      const own = kindFor(label?.type ?? null, digits, oldDotted);
      const kind = own ?? kindFor(alt?.type ?? null, digits, oldDotted);
      if (kind) {
        best = { match: matchOf(kind, digits, start, end), next: j + 1 };
        used = own ? label : alt;
      } else if (isCanonicalKbo(g, i, j, digits)) best = { match: matchOf('kbo', digits, start, end), next: j + 1 };
      else if (!label && PLAUSIBLE_LENGTHS.has(digits.length)) unlabelled = { digits, j };
    }
    if (!best && unlabelled) {
      // No label before it: a label right after it in the same sentence ("… onder nummer 33014286 bij de KvK").
      const { digits: d, j } = unlabelled;
      const after = context.after(g.end[j]!);
      const kind = after && POSITIVE.has(after) ? kindFor(after, d, isOldDotted(g, i, j)) : null;
      if (kind) best = { match: matchOf(kind, d, start, g.end[j]!), next: j + 1 };
    }
    if (!best) return;
    // "Company number 01234567 (England and Wales)": a generic label, and a foreign register named right after.
    if (used?.type === 'company' && context.after(best.match.end) === 'foreign') return;
    if (used) used.used = true;
    out.push(best.match);
    i = best.next;
  }
}

const SPACE = 32;
const DOT = 46;
const DASH = 45;

/** `33014286-0000`: a KVK number and the 4-digit sub-file number old pages append (the run ends there). */
function isSubFile(g: DigitRun, j: number, digits: string): boolean {
  return digits.length === 8 && g.sep[j + 1] === DASH && g.length(j + 1) === 4 && !g.has(j + 2);
}

/** `123.456.789`: the old 9-digit Belgian form (groups i..j). */
function isOldDotted(g: DigitRun, i: number, j: number): boolean {
  return (
    j === i + 2 &&
    g.length(i) === 3 &&
    g.length(i + 1) === 3 &&
    g.length(j) === 3 &&
    g.sep[i + 1] === DOT &&
    g.sep[j] === DOT
  );
}

/** `0123.456.789` with dots and a passing check (groups i..j): a Belgian enterprise number that names itself. */
function isCanonicalKbo(g: DigitRun, i: number, j: number, digits: string): boolean {
  return (
    j === i + 2 &&
    g.length(i) === 4 &&
    g.sep[i + 1] === DOT &&
    g.sep[j] === DOT &&
    digits.length === 10 &&
    kboValid(digits)
  );
}
