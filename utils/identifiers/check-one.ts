// Checks one canonical value of a known kind (the card and popup show the offline check).
import { kboEstablishmentValid, kboValid, rsinValid } from './checks/national.ts';
import { vatCheck } from './checks/vat-eu.ts';
import type { Checksum, IdentifierKind } from './types.ts';

/**
 * What the number's own check says about a canonical value of `kind`: `none` for kinds without a check (KVK number,
 * vestigingsnummer) when the shape is right, `invalid` for a wrong shape or a failing check.
 */
export function checkIdentifier(kind: IdentifierKind, value: string): Checksum {
  switch (kind) {
    case 'kvk':
      return /^\d{8}$/.test(value) ? 'none' : 'invalid';
    case 'kvk-branch':
      return /^\d{12}$/.test(value) ? 'none' : 'invalid';
    case 'rsin':
      return rsinValid(value) ? 'valid' : 'invalid';
    case 'kbo':
      return kboValid(value) ? 'valid' : 'invalid';
    case 'kbo-establishment':
      return kboEstablishmentValid(value) ? 'valid' : 'invalid';
    case 'vat':
      return vatCheck(value) ? 'valid' : 'invalid';
  }
}
