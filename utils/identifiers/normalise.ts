// Text normalisation that keeps UTF-16 offsets: every character maps to exactly one character, so an offset in the
// normalised text is the same offset in the page's text. Covers what NFKC and typography do to numbers and labels:
// non-breaking and other Unicode spaces, Unicode dashes, full-width digits and letters, curly apostrophes, line separators.

// One pass per target character with a plain string replacement (native, no callback per character); each pass runs
// only when its test finds something to map, so ordinary text is not copied at all.
/** The passes (exported for the test that MAY_NEED_NORMALISING covers them). */
export const PASSES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u00a0\u00ad\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]/g, ' '], // spaces, zero-width, soft hyphen
  [/[\u2010-\u2015\u2212\ufe58\ufe63]/g, '-'], // Unicode dashes and minus
  [/[\u2018\u2019\u201b\u02bc]/g, "'"], // curly apostrophes
  [/[\u2028\u2029\r\v\f]/g, '\n'], // line and paragraph separators
];
/** Full-width ASCII (exported for the same test). */
export const FULL_WIDTH = /[\uff01-\uff5e]/g; // full-width ASCII (digits, letters, punctuation)

/**
 * A quick test for text that may need a pass: a superset of the characters above in few ranges (a class of many ranges
 * costs several nanoseconds a character on text with any non-Latin-1 character, such as `€`). Most text fails it.
 */
export const MAY_NEED_NORMALISING = /[\u00a0\u00ad\u02bc\u1680\u2000-\u20ab\u20ad-\u3000\ufe58-\uff5e\r\v\f]/;

/** The text with the characters above mapped one-to-one (same length, same offsets). */
export function normaliseText(text: string): string {
  if (!MAY_NEED_NORMALISING.test(text)) return text;
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
