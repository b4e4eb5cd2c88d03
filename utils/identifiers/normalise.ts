// Text normalisation that keeps UTF-16 offsets: every character maps to exactly one character, so an offset in the
// normalised text is the same offset in the page's text. Covers what NFKC and typography do to numbers and labels:
// non-breaking and other Unicode spaces, Unicode dashes, full-width digits and letters, curly apostrophes, line separators.

// One pass per target character with a plain string replacement (native, no callback per character); each pass runs
// only when its test finds something to map, so ordinary text is not copied at all.
const PASSES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u00a0\u00ad\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]/g, ' '], // spaces, zero-width, soft hyphen
  [/[\u2010-\u2015\u2212\ufe58\ufe63]/g, '-'], // Unicode dashes and minus
  [/[\u2018\u2019\u201b\u02bc]/g, "'"], // curly apostrophes
  [/[\u2028\u2029\r\v\f]/g, '\n'], // line and paragraph separators
];
const FULL_WIDTH = /[\uff01-\uff5e]/g; // full-width ASCII (digits, letters, punctuation)

/** The text with the characters above mapped one-to-one (same length, same offsets). */
export function normaliseText(text: string): string {
  for (const [re, to] of PASSES) {
    re.lastIndex = 0;
    if (re.test(text)) text = text.replace(re, to);
  }
  FULL_WIDTH.lastIndex = 0;
  if (FULL_WIDTH.test(text)) text = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return text;
}

/** True when the text holds any digit (ASCII or full-width): texts without one cannot hold an identifier. */
export const hasDigit = (text: string): boolean => /[0-9\uff10-\uff19]/.test(text);

/** A typed or pasted value without spaces, dots, dashes and slashes, in upper case (for parsing one value). */
export function compactValue(value: string): string {
  return normaliseText(value.normalize('NFKC'))
    .replace(/[\s.\-/:,_()]+/g, '')
    .toUpperCase();
}
