// Checks of the Dutch and Belgian national numbers (rules in ../shared/reference/identifiers.md).
import { elf9, mod97 } from './common.ts';

/** RSIN: 9 digits passing the 11-proef. (The BSN passes the same check; callers keep BSNs out by their label.) */
export const rsinValid = (digits: string): boolean => elf9(digits);

/** The Belgian mod-97 check shared by enterprise and establishment numbers: 97 − (first 8 mod 97) = last 2. */
function belgianMod97(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  return 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8));
}

/** Belgian enterprise number (KBO/BCE): 10 digits, first 0 or 1, mod-97 check. */
export const kboValid = (digits: string): boolean => /^[01]/.test(digits) && belgianMod97(digits);

/** Belgian establishment unit number: 10 digits, first 2–8, mod-97 check. */
export const kboEstablishmentValid = (digits: string): boolean => /^[2-8]/.test(digits) && belgianMod97(digits);

/**
 * Dutch VAT body `#########B##` (without `NL`): suffix not 00, and either the 11-proef on the 9 digits (old form) or
 * ISO 7064 mod 97-10 over `NL#########B##` (sole traders since 2020).
 */
export function nlVatValid(body: string): boolean {
  if (!/^\d{9}B\d{2}$/.test(body) || body.endsWith('00')) return false;
  return elf9(body.slice(0, 9)) || mod97('NL' + body) === 1;
}
