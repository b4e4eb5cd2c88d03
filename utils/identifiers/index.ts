// The identifier engine: finds and checks Dutch KVK numbers, vestigingsnummers and RSINs, Belgian enterprise and
// establishment numbers, and EU VAT numbers (27 member states + XI) in text. Pure TypeScript, no browser APIs, no zod:
// the content script, background, popup and plain Node all import it from here.
//
// Contract for callers of findIdentifiers (the page scanner):
// - Pass the text of one block. A label counts for a number when it sits before it in the same sentence, or ends the
//   preceding table cell or line. To give a number the label of its row or term, put that label before the value,
//   separated by a TAB for a preceding cell (`<th>KvK</th><td>33014286</td>` → "KvK\t33014286") and by a NEWLINE for a
//   preceding line, <dt> or <label> ("Ondernemingsnummer\n0202.239.951"). A label further back (across a line or cell
//   holding other words) does not count. A label right after the number in the same sentence counts too ("onder nummer
//   33014286 bij de Kamer van Koophandel"), and one label cluster can name several numbers ("KvK/BTW: 33014286 / NL…").
// - Offsets are UTF-16 offsets into the text as passed (normalisation keeps them: it maps one character to one).
// - Matches come sorted by start and never overlap. A bare run of digits is reported only where a label names it; VAT
//   numbers with their country prefix and a passing check, and Belgian enterprise numbers written `0123.456.789` with a
//   passing check, are reported without a label. A labelled number whose check fails is reported as `invalid`.
// - A number labelled BSN (citizen service number) is never reported.
// - Linear time: texts of megabytes are fine; texts without a digit return at once.
export { IDENTIFIER_KINDS, type Checksum, type IdentifierKind, type IdentifierMatch } from './types.ts';
export { findIdentifiers } from './find.ts';
export { parseIdentifier, type ParseFailure, type ParseResult } from './parse-one.ts';
export { formatIdentifier } from './format.ts';
export { checkIdentifier } from './check-one.ts';
