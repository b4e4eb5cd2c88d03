// What the popup's search box was given: an identifier to open, a company name to search, or input to refuse with a
// reason — decided before any request is sent. Pure (no browser APIs): the identifier engine does the parsing.
import { parseIdentifier } from '../identifiers/parse-one.ts';
import type { IdentifierKind } from '../identifiers/types.ts';

/** The outcome of reading the search box. */
export type SearchIntent =
  | { type: 'empty' }
  /** A number of a supported kind whose check passes (or that has no check): open its details. */
  | { type: 'identifier'; kind: IdentifierKind; value: string }
  /** A company name: search KVK Zoeken and kbodata by name. */
  | { type: 'name'; query: string }
  /** The shape of `kind`, but its check digits are wrong: nothing is sent. */
  | { type: 'checksum'; kind: IdentifierKind; value: string }
  /** A citizen service number (BSN): private, never looked up. */
  | { type: 'bsn' }
  /** A VAT-like prefix of a country outside the EU (and XI). */
  | { type: 'unsupported-country'; country: string }
  /** Neither a supported number nor a name: say what is expected. */
  | { type: 'unknown' };

/** The longest name query the background accepts. */
export const MAX_NAME_QUERY = 200;

/**
 * True when the input reads like an attempt at a number rather than a name: once spaces, dots and dashes are gone it
 * starts with a digit or a short prefix (country code, "KvK") followed by digits, and digits make up at least half.
 * "3D Hubs B.V." is a name; "NL 1234" and "0202.239" are (incomplete) numbers.
 */
function looksLikeNumber(input: string): boolean {
  const compact = input.replace(/[\s.\-/:,_()#]+/g, '');
  if (!/^[\p{L}]{0,3}\d/u.test(compact)) return false;
  const digits = compact.replace(/\D/g, '').length;
  return digits * 2 >= compact.length;
}

/** Reads what was typed or pasted into the search box. */
export function readSearchInput(input: string): SearchIntent {
  const text = input.replace(/\s+/g, ' ').trim();
  if (!text) return { type: 'empty' };
  const parsed = parseIdentifier(text);
  if (parsed.ok) return { type: 'identifier', kind: parsed.kind, value: parsed.value };
  switch (parsed.reason) {
    case 'empty':
      return { type: 'empty' };
    case 'bsn':
      return { type: 'bsn' };
    case 'checksum':
      return { type: 'checksum', kind: parsed.kind!, value: parsed.value! };
    case 'unsupported-country':
      return {
        type: 'unsupported-country',
        country: text
          .replace(/[^A-Za-z]/g, '')
          .slice(0, 2)
          .toUpperCase(),
      };
    case 'unknown-format':
      break;
  }
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (looksLikeNumber(text) || letters < 2) return { type: 'unknown' };
  return { type: 'name', query: text.slice(0, MAX_NAME_QUERY) };
}
