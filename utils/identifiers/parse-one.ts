// Parses one typed or pasted value (the popup search box). The search box itself is the label: "33014286" typed alone is
// a KVK number, 9 digits passing the 11-proef an RSIN, 10 digits starting 0/1 a Belgian enterprise number, and so on.
// A label typed along with the value ("KvK 33014286", "BTW BE0202239951") decides where the digits allow it.
import { kboEstablishmentValid, kboValid, rsinValid } from './checks/national.ts';
import { isVatCountry, padNational, vatCheck } from './checks/vat-eu.ts';
import { labelsIn } from './labels.ts';
import { compactValue, normaliseText } from './normalise.ts';
import type { IdentifierKind } from './types.ts';

/** Why a typed value is not an identifier the extension can look up. */
export type ParseFailure =
  | 'empty'
  /** Not the shape of any supported number. */
  | 'unknown-format'
  /** The right shape for `kind`, but its check fails. */
  | 'checksum'
  /** A country prefix that is not an EU member state (or XI). */
  | 'unsupported-country'
  /** Labelled as a BSN (citizen service number): private, never looked up. */
  | 'bsn';

/** The outcome of parsing one value. */
export type ParseResult =
  | { ok: true; kind: IdentifierKind; value: string }
  | { ok: false; reason: ParseFailure; kind?: IdentifierKind; value?: string };

const MAX_INPUT = 200;

/** Parses one typed or pasted value into a kind and canonical value, or a reason why it is not one. */
export function parseIdentifier(input: string): ParseResult {
  const text = normaliseText(input.normalize('NFKC')).trim().slice(0, MAX_INPUT);
  if (!text) return { ok: false, reason: 'empty' };
  const labels = labelsIn(text);
  const labelTypes = new Set(labels.map((l) => l.type));
  if (labelTypes.has('bsn')) return { ok: false, reason: 'bsn' };
  // The value is what follows the last label (or the whole text).
  const last = labels[labels.length - 1];
  const raw = last ? text.slice(last.end) : text;
  const value = compactValue(raw).replace(/^[#°º]+/, '');
  if (!value) return { ok: false, reason: 'empty' };
  const type = last?.type;

  if (/^[A-Z]{2}/.test(value)) return parseVat(value);
  if (/^\d{9}B\d{2}$/.test(value)) return parseVat('NL' + value);
  if (!/^\d+$/.test(value)) return { ok: false, reason: 'unknown-format' };

  const fail = (kind: IdentifierKind, v: string): ParseResult => ({ ok: false, reason: 'checksum', kind, value: v });
  switch (value.length) {
    case 8:
      return { ok: true, kind: 'kvk', value };
    case 12:
      return { ok: true, kind: 'kvk-branch', value };
    case 9: {
      if (type === 'kbo' || type === 'vat') return parseKbo('0' + value, type === 'vat');
      if (rsinValid(value)) return { ok: true, kind: 'rsin', value };
      if (kboValid('0' + value)) return { ok: true, kind: 'kbo', value: '0' + value };
      return fail('rsin', value);
    }
    case 10: {
      if (/^[01]/.test(value)) return parseKbo(value, type === 'vat');
      if (/^[2-8]/.test(value)) {
        return kboEstablishmentValid(value)
          ? { ok: true, kind: 'kbo-establishment', value }
          : fail('kbo-establishment', value);
      }
      return { ok: false, reason: 'unknown-format' };
    }
    default:
      return { ok: false, reason: 'unknown-format' };
  }
}

function parseKbo(value: string, asVat: boolean): ParseResult {
  if (asVat) return parseVat('BE' + value);
  return kboValid(value) ? { ok: true, kind: 'kbo', value } : { ok: false, reason: 'checksum', kind: 'kbo', value };
}

function parseVat(compact: string): ParseResult {
  let value = compact.startsWith('GR') ? 'EL' + compact.slice(2) : compact;
  const cc = value.slice(0, 2);
  if (!isVatCountry(cc))
    return { ok: false, reason: /^[A-Z]{2}[0-9]/.test(value) ? 'unsupported-country' : 'unknown-format' };
  value = cc + padNational(cc, value.slice(2));
  const ok = vatCheck(value);
  if (ok === null) return { ok: false, reason: 'unknown-format' };
  return ok ? { ok: true, kind: 'vat', value } : { ok: false, reason: 'checksum', kind: 'vat', value };
}
