// Bare numbers: runs of digit groups joined by single separators (`33014286`, `3301 4286`, `33.01.42.86`,
// `0202.239.951`, `2.147.812.701`). This module finds the runs (with regexes: a megabyte of digits is one native pass)
// and reads their groups lazily, and knows the shapes around them that never name a company (glued letters, phone
// prefixes, currency, decimals, dates). Cutting runs into numbers is find.ts's job.
import type { Span } from './iban.ts';

const SPACE = 32;
const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);

/**
 * The groups of one run of digits (`3301 4286`, `0202.239.951 0417.497.106`), parsed only as far as they are asked for:
 * a run of a megabyte costs one regex pass to find its end, not one step per group. Group k spans
 * [start[k], end[k]); sep[k] is the char code joining it to group k−1.
 */
export class DigitRun {
  start: number[] = [];
  end: number[] = [];
  sep: number[] = [];
  count = 0;
  #pos = 0;
  #limit = 0;
  #text = '';

  /** Starts reading the run [runStart, runEnd) of `text`. */
  reset(text: string, runStart: number, runEnd: number): void {
    this.#text = text;
    this.#pos = runStart;
    this.#limit = runEnd;
    this.count = 0;
  }

  /** True when the run has a group k (parsing up to it). */
  has(k: number): boolean {
    while (this.count <= k && this.#pos < this.#limit) {
      const i = this.#pos;
      NEXT_NON_DIGIT.lastIndex = i;
      const j = Math.min(
        this.#limit,
        NEXT_NON_DIGIT.test(this.#text) ? NEXT_NON_DIGIT.lastIndex - 1 : this.#text.length,
      );
      this.start[this.count] = i;
      this.end[this.count] = j;
      this.sep[this.count] = this.count === 0 ? 0 : this.#text.charCodeAt(i - 1);
      this.count++;
      this.#pos = j + 1;
    }
    return k < this.count;
  }

  /** Digits in group k. */
  length(k: number): number {
    return this.end[k]! - this.start[k]!;
  }
}

const NEXT_NON_DIGIT = /\D/g;
// The next digit that is not glued to a letter or digit before it ("HRB323875", "NL12345678" are skipped natively).
const NEXT_DIGIT = /(?<![A-Za-z0-9])\d/g;
// A run: digit groups joined by exactly one space, dot or dash (each repetition needs a separator: linear).
const RUN_END = /\d+(?:[ .\-]\d+)*/y;

/**
 * Calls `visit(start, end)` for every run of digit groups in the (normalised) text, in order, skipping runs that start
 * inside a `blocked` span (IBANs, VAT numbers; sorted, non-overlapping) and runs glued to a word ("HRB323875").
 */
export function forEachRun(text: string, blocked: readonly Span[], visit: (start: number, end: number) => void): void {
  let b = 0;
  NEXT_DIGIT.lastIndex = 0;
  while (NEXT_DIGIT.test(text)) {
    const start = NEXT_DIGIT.lastIndex - 1;
    RUN_END.lastIndex = start;
    RUN_END.test(text);
    const end = RUN_END.lastIndex;
    while (b < blocked.length && blocked[b]!.end <= start) b++;
    if (b < blocked.length && blocked[b]!.start <= start) {
      NEXT_DIGIT.lastIndex = blocked[b]!.end; // digits after the span start new runs
      continue;
    }
    if (!badLeft(text, start)) visit(start, end);
    NEXT_DIGIT.lastIndex = end;
  }
}

/** True when the character before a run rules out a company number (letter or digit glued on, `+` of a phone, currency). */
export function badLeft(text: string, start: number): boolean {
  const code = text.charCodeAt(start - 1);
  if (code === 32 || code === 58 || code === 40 || Number.isNaN(code))
    return code === 32 && text.endsWith('(0) ', start); // ' ', ':', '(', start
  const c = text[start - 1] ?? '';
  if (/[\p{L}\p{N}+€$£@_=&/\\]/u.test(c)) return true;
  if (c === ',' && /\d/.test(text[start - 2] ?? '')) return true; // decimals
  if (/[.\-]/.test(c) && /[\p{L}\p{N}]/u.test(text[start - 2] ?? '')) return true; // "ABC-12345678", "v1.2"
  return text.endsWith('(0)', start) || text.endsWith('(0) ', start); // "+31 (0)20 …"
}

/** True when the character after a number rules it out (glued letter or digit, decimals, percent, a path). */
export function badRight(text: string, end: number): boolean {
  const code = text.charCodeAt(end);
  if (code === 32 || code === 41 || Number.isNaN(code)) return false; // ' ', ')', end of text
  if (isAsciiAlnum(code)) return true;
  const c = text[end] ?? '';
  if (/[\p{L}\p{N}%€@_=&/\\]/u.test(c)) return true;
  return /[,.]/.test(c) && /\d/.test(text[end + 1] ?? '');
}

/** True when the three groups from k look like a date: 15-01-2024, 15.01.24, 2024-01-15 (same separator twice). */
export function looksLikeDate(text: string, g: DigitRun, k: number): boolean {
  if (!g.has(k + 2) || g.sep[k + 1] !== g.sep[k + 2] || g.sep[k + 1] === SPACE) return false;
  const val = (x: number): number => Number(text.slice(g.start[x], g.end[x]));
  const month = val(k + 1);
  if (month < 1 || month > 12 || g.length(k + 1) > 2) return false;
  if (g.length(k) === 4 && g.length(k + 2) === 2) return true;
  return g.length(k) <= 2 && val(k) >= 1 && val(k) <= 31 && (g.length(k + 2) === 2 || g.length(k + 2) === 4);
}
