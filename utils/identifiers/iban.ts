// IBANs hold long digit runs (`NL91ABNA0417164300`, `BE68 5390 0754 7034`) that must not be read as KVK, enterprise or
// VAT numbers: find them first (country length + ISO 7064 mod 97 check) and keep their spans out of the other scans.
import { mod97 } from './checks/common.ts';

// IBAN length per country (SEPA and neighbours).
const LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TN: 24,
  TR: 26,
  UA: 29,
  XK: 20,
};

// Country and check digits, then the rest either unbroken or in groups of four with single spaces (bounded: linear).
const IBAN_RE =
  /(?<![A-Za-z0-9])[A-Z]{2}\d\d(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)(?![A-Za-z0-9])/g;

/** A span of the text (UTF-16 offsets, end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** The spans of valid IBANs in the (normalised) text, in order. */
export function findIbans(text: string): Span[] {
  const spans: Span[] = [];
  IBAN_RE.lastIndex = 0;
  for (let m = IBAN_RE.exec(text); m; m = IBAN_RE.exec(text)) {
    const length = LENGTHS[m[0].slice(0, 2)];
    const compact = m[0].replace(/ /g, '');
    if (compact.length !== length) continue;
    if (mod97(compact.slice(4) + compact.slice(0, 4)) !== 1) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
