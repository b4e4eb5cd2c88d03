// The identifier engine's public types. Pure TypeScript: no DOM, no browser APIs, no zod (the content script uses it).

/** The kinds of identifier the engine recognises. */
export const IDENTIFIER_KINDS = ['kvk', 'kvk-branch', 'rsin', 'kbo', 'kbo-establishment', 'vat'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** What a number's own check says: `none` where the kind has no check (KVK number, vestigingsnummer). */
export type Checksum = 'valid' | 'invalid' | 'none';

/** One identifier found in a text. */
export interface IdentifierMatch {
  kind: IdentifierKind;
  /** Canonical form (see ../shared/corpus/README.md): digits for national numbers, `NL805734958B01` for VAT. */
  value: string;
  /** UTF-16 offsets of the number as written (separators included, label excluded). */
  start: number;
  end: number;
  checksum: Checksum;
}
