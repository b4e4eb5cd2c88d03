// Bare numbers: runs of digit groups joined by single separators (`33014286`, `3301 4286`, `33.01.42.86`,
// `0202.239.951`, `2.147.812.701`). This module finds the groups (in flat typed arrays: no object per group, so a
// megabyte of digits costs no garbage) and knows the shapes around them that never name a company (glued letters,
// phone prefixes, currency, decimals, dates). Cutting runs into numbers is find.ts's job.
import type { Span } from './iban.ts';

/** The digit groups of a text: group k spans [start[k], end[k]); sep[k] is the separator char code joining it to group k−1 (0 = starts a run). */
export interface DigitGroups {
  count: number;
  start: Int32Array;
  end: Int32Array;
  sep: Uint8Array;
}

const SPACE = 32;
const DOT = 46;
const DASH = 45;
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiAlnum = (c: number): boolean => isDigitCode(c) || ((c | 32) >= 97 && (c | 32) <= 122);

/** The digit groups of the (normalised) text outside the `blocked` spans (sorted, non-overlapping). */
export function digitGroups(text: string, blocked: readonly Span[]): DigitGroups {
  let cap = 1024;
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let sep = new Uint8Array(cap);
  let count = 0;
  let lastEnd = -2;
  let b = 0;
  const len = text.length;
  for (let i = 0; i < len;) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < len && isDigitCode(text.charCodeAt(j))) j++;
    while (b < blocked.length && blocked[b]!.end <= i) b++;
    if (b < blocked.length && blocked[b]!.start < j) {
      lastEnd = -2; // a blocked group ends the run
      i = j;
      continue;
    }
    if (count === cap) {
      cap *= 2;
      const s = new Int32Array(cap);
      s.set(start);
      start = s;
      const e = new Int32Array(cap);
      e.set(end);
      end = e;
      const p = new Uint8Array(cap);
      p.set(sep);
      sep = p;
    }
    const c = text.charCodeAt(i - 1);
    start[count] = i;
    end[count] = j;
    sep[count] = i === lastEnd + 1 && (c === SPACE || c === DOT || c === DASH) ? c : 0;
    count++;
    lastEnd = j;
    i = j;
  }
  return { count, start, end, sep };
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
export function looksLikeDate(text: string, g: DigitGroups, k: number): boolean {
  if (k + 2 >= g.count || g.sep[k + 1] === 0 || g.sep[k + 1] !== g.sep[k + 2] || g.sep[k + 1] === SPACE) return false;
  const len = (x: number): number => g.end[x]! - g.start[x]!;
  const val = (x: number): number => Number(text.slice(g.start[x], g.end[x]));
  const month = val(k + 1);
  if (month < 1 || month > 12 || len(k + 1) > 2) return false;
  if (len(k) === 4 && len(k + 2) === 2) return true;
  return len(k) <= 2 && val(k) >= 1 && val(k) <= 31 && (len(k + 2) === 2 || len(k + 2) === 4);
}
