// Display forms of canonical values: the way each register writes its numbers.
import type { IdentifierKind } from './types.ts';

/**
 * Formats a canonical value for display: KBO `0202.239.951`, establishment `2.147.812.701`, VAT compact
 * (`NL805734958B01`, `BE0202239951`), KVK / vestigingsnummer / RSIN as their digits. Values of the wrong shape are
 * returned unchanged.
 */
export function formatIdentifier(kind: IdentifierKind, value: string): string {
  if (kind === 'kbo' && /^\d{10}$/.test(value)) return `${value.slice(0, 4)}.${value.slice(4, 7)}.${value.slice(7)}`;
  if (kind === 'kbo-establishment' && /^\d{10}$/.test(value)) {
    return `${value[0]}.${value.slice(1, 4)}.${value.slice(4, 7)}.${value.slice(7)}`;
  }
  return value;
}
