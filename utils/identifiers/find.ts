// findIdentifiers: the scan over one text. Order of work:
//   1. normalise (same offsets) and leave early when the text has no digit;
//   2. IBANs, whose digits are never anything else;
//   3. VAT numbers with a country prefix (they name themselves);
//   4. bare digit runs, which count only when a label names them — except the dotted Belgian form `0123.456.789`
//      with a passing check, which names itself;
//   5. every candidate is judged against its context (context.ts) in text order; results never overlap.
import { kboEstablishmentValid, kboValid, rsinValid } from './checks/national.ts';
import { LabelContext } from './context.ts';
import { badLeft, badRight, digitGroups, looksLikeDate, type DigitGroups } from './digit-runs.ts';
import { findIbans } from './iban.ts';
import type { LabelType } from './labels.ts';
import { hasDigit, normaliseText } from './normalise.ts';
import type { Checksum, IdentifierKind, IdentifierMatch } from './types.ts';
import { findVatCandidates, type VatCandidate } from './vat-scan.ts';

const MAX_DIGITS = 12;
const POSITIVE_FOR_VAT: ReadonlySet<LabelType> = new Set(['vat', 'kbo', 'company']);
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
  const groups = digitGroups(n, blocked);
  const context = new LabelContext(n);
  const out: IdentifierMatch[] = [];

  // Walk VAT candidates and runs of digit groups together in text order (the label context only moves forward).
  let v = 0;
  for (let k = 0; k < groups.count; k++) {
    if (groups.sep[k] !== 0) continue; // inside a run already judged
    while (v < vats.length && vats[v]!.start < groups.start[k]!) judgeVat(vats[v++]!, context, out);
    judgeRun(n, groups, k, context, out);
  }
  while (v < vats.length) judgeVat(vats[v++]!, context, out);
  return out;
}

function judgeVat(vat: VatCandidate, context: LabelContext, out: IdentifierMatch[]): void {
  const { label, blocked } = context.at(vat.start);
  if (blocked) return;
  if (!vat.valid && !(label && POSITIVE_FOR_VAT.has(label.type))) return;
  if (label) label.used = true;
  out.push({ kind: 'vat', value: vat.value, start: vat.start, end: vat.end, checksum: check(vat.valid) });
}

/** Cuts the run starting at group `k0` into numbers: from its first group, and again after each number found. */
function judgeRun(text: string, g: DigitGroups, k0: number, context: LabelContext, out: IdentifierMatch[]): void {
  const inRun = (j: number): boolean => j < g.count && g.sep[j] !== 0;
  let i = k0;
  while (i === k0 || inRun(i)) {
    if (i === k0 ? badLeft(text, g.start[i]!) : g.sep[i] !== SPACE) return;
    if (looksLikeDate(text, g, i)) return;
    const start = g.start[i]!;
    const { label, blocked } = context.at(start);
    if (blocked) return;
    let digits = '';
    let best: { match: IdentifierMatch; next: number } | null = null;
    for (let j = i; j === i || inRun(j); j++) {
      digits += text.slice(g.start[j], g.end[j]);
      if (digits.length > MAX_DIGITS) break;
      if (inRun(j + 1) ? g.sep[j + 1] !== SPACE : badRight(text, g.end[j]!)) continue;
      const end = g.end[j]!;
      const kind = kindFor(label?.type ?? null, digits, isOldDotted(g, i, j));
      if (kind) best = { match: matchOf(kind, digits, start, end), next: j + 1 };
      else if (isCanonicalKbo(g, i, j, digits)) best = { match: matchOf('kbo', digits, start, end), next: j + 1 };
    }
    if (!best) return;
    if (label) label.used = true;
    out.push(best.match);
    i = best.next;
  }
}

const SPACE = 32;
const DOT = 46;
const groupLength = (g: DigitGroups, k: number): number => g.end[k]! - g.start[k]!;

/** `123.456.789`: the old 9-digit Belgian form (groups i..j). */
function isOldDotted(g: DigitGroups, i: number, j: number): boolean {
  return (
    j === i + 2 &&
    groupLength(g, i) === 3 &&
    groupLength(g, i + 1) === 3 &&
    groupLength(g, j) === 3 &&
    g.sep[i + 1] === DOT &&
    g.sep[j] === DOT
  );
}

/** `0123.456.789` with dots and a passing check (groups i..j): a Belgian enterprise number that names itself. */
function isCanonicalKbo(g: DigitGroups, i: number, j: number, digits: string): boolean {
  return (
    j === i + 2 &&
    groupLength(g, i) === 4 &&
    g.sep[i + 1] === DOT &&
    g.sep[j] === DOT &&
    digits.length === 10 &&
    kboValid(digits)
  );
}
