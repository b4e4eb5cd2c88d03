// Finds VAT numbers written with their country prefix: `NL805734958B01`, `NL 8225.69.759 b01`, `NL-8197.38.116.B.01`,
// `BE 0202.239.951`, `BE (0)468.561.072`, old `BE 428.759.497`, `DE 136 695 976`, `ATU57210761`, `EL…`, `XI…`.
// Each prefix is followed by at most MAX_BODY alphanumerics (single separators between them), so work per prefix is
// bounded and the scan is linear.
import { padNational, VAT_COUNTRIES } from './checks/vat-eu.ts';
import type { Span } from './iban.ts';
import { VAT_SHAPES } from './vat-shapes.ts';

const MAX_BODY = 14;

// One regex finds every country prefix followed by a national part of that country's shape (vat-shapes.ts), with a
// look-behind that nothing alphanumeric is glued before the prefix. Literal prefixes first let the regex engine skip
// quickly through text; text that merely resembles a VAT number (`NL12345678 B0`) is passed over by the regex alone.
const VAT_RE = new RegExp(
  VAT_SHAPES.map(({ prefix, body }) => `${prefix}(?<![A-Za-z0-9]..)(?=${body})`).join('|'),
  'g',
);

/** A VAT-shaped number: its span, canonical value (`CC` + national part) and whether its check passes. */
export interface VatCandidate {
  start: number;
  end: number;
  value: string;
  valid: boolean;
}

/** 1 for a digit, 2 for an ASCII letter, 0 otherwise. */
function alnum(code: number): number {
  if (code >= 48 && code <= 57) return 1;
  const lower = code | 32;
  return lower >= 97 && lower <= 122 ? 2 : 0;
}
const isSep = (code: number): boolean => code === 32 || code === 46 || code === 45;

/** Every VAT-shaped number in the (normalised) text outside the `skip` spans, in order, whatever its check says. */
export function findVatCandidates(text: string, skip: readonly Span[]): VatCandidate[] {
  const out: VatCandidate[] = [];
  let k = 0;
  VAT_RE.lastIndex = 0;
  for (let m = VAT_RE.exec(text); m; m = VAT_RE.exec(text)) {
    const start = m.index;
    while (k < skip.length && skip[k]!.end <= start) k++;
    if (k < skip.length && skip[k]!.start <= start) continue;
    const prefix = m[0].toUpperCase();
    const found = readVat(text, start, prefix === 'GR' ? 'EL' : prefix);
    if (found) {
      out.push(found);
      VAT_RE.lastIndex = found.end;
    }
  }
  return out;
}

const ends = new Int32Array(MAX_BODY);
const tokenEnd = new Uint8Array(MAX_BODY);
const codes = new Uint16Array(MAX_BODY);

/** Reads the national part after a prefix at `start`; null when no length of it has the country's format. */
function readVat(text: string, start: number, cc: string): VatCandidate | null {
  const rules = VAT_COUNTRIES[cc];
  if (!rules) return null;
  let i = start + 2;
  for (let k = 0; k < 3 && (isSep(text.charCodeAt(i)) || text[i] === ':'); k++) i++;
  let pad = 0; // BE (0)…, old 9-digit BE, 8-digit EL: the national part has an implicit leading 0
  if (cc === 'BE' && text.startsWith('(0)', i)) {
    pad = 1;
    i += 3;
    if (text[i] === ' ') i++;
  }
  // Collect the body: alphanumerics with single separators, remembering where each token ends.
  const max = Math.min(MAX_BODY, rules.max);
  let n = 0;
  for (; i < text.length && n < max; i++) {
    const code = text.charCodeAt(i);
    const kind = alnum(code);
    if (kind) {
      ends[n] = i + 1;
      tokenEnd[n] = alnum(text.charCodeAt(i + 1)) ? 0 : 1;
      codes[n++] = kind === 2 ? code & ~32 : code;
    } else if (n > 0 && isSep(code) && alnum(text.charCodeAt(i + 1))) {
      continue;
    } else break;
  }
  // The longest prefix of the body, ending at a token end, that has the country's format and passes its check; else the
  // longest that has the format ("IE 6323420 C" but not "IE 6323420C Y…").
  let fallback: VatCandidate | null = null;
  for (; n > 0; n--) {
    if (!tokenEnd[n - 1] || n + pad < rules.min || n + pad > rules.max) continue;
    const raw = String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]);
    const national = padNational(cc, pad ? '0' + raw : raw);
    if (!rules.format.test(national)) continue;
    const candidate = { start, end: ends[n - 1]!, value: cc + national, valid: rules.check(national) };
    if (candidate.valid) return candidate;
    fallback ??= candidate;
  }
  return fallback;
}
