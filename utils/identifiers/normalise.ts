// Text normalisation that keeps UTF-16 offsets: every character maps to exactly one character, so an offset in the
// normalised text is the same offset in the page's text. Covers what NFKC and typography do to numbers and labels:
// non-breaking and other Unicode spaces, Unicode dashes, full-width digits and letters, curly apostrophes, line separators.

// One character class of everything that gets mapped (kept as a single regex so texts without any are not copied).
const SPECIAL =
  /[\u00a0\u00ad\u1680\u2000-\u200d\u2010-\u2015\u2018\u2019\u201b\u2028\u2029\u202f\u205f\u2060\u2212\u3000\ufe58\ufe63\ufeff\uff01-\uff5e\u02bc\r\v\f]/g;

function mapChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0); // full-width ASCII
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe58 || code === 0xfe63) return '-';
  if (code === 0x2018 || code === 0x2019 || code === 0x201b || code === 0x02bc) return "'";
  if (code === 0x2028 || code === 0x2029 || c === '\r' || c === '\v' || c === '\f') return '\n';
  return ' '; // spaces, zero-width characters, soft hyphen
}

/** The text with the characters above mapped one-to-one (same length, same offsets). */
export function normaliseText(text: string): string {
  return text.replace(SPECIAL, mapChar);
}

/** True when the text holds any digit (ASCII or full-width): texts without one cannot hold an identifier. */
export const hasDigit = (text: string): boolean => /[0-9\uff10-\uff19]/.test(text);

/** A typed or pasted value without spaces, dots, dashes and slashes, in upper case (for parsing one value). */
export function compactValue(value: string): string {
  return normaliseText(value.normalize('NFKC'))
    .replace(/[\s.\-/:,_()]+/g, '')
    .toUpperCase();
}
