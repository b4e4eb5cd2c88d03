// Check-digit building blocks shared by the national and EU VAT checks. Inputs are ASCII digit strings (callers check the
// format first); every function is a single pass over at most a few dozen characters.

/** Digit value of the character at `i` ('0' → 0). */
export const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 48;

/** Sum of digit × weight, left to right (weights may be shorter than the string; extra digits are ignored). */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length && i < digits.length; i++) sum += digitAt(digits, i) * (weights[i] ?? 0);
  return sum;
}

/** Non-negative remainder, also for negative sums. */
export const mod = (n: number, m: number): number => ((n % m) + m) % m;

/** The Luhn sum mod 10 (0 for a number whose last digit is a valid Luhn check digit). */
export function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    const d = digitAt(digits, i) * (double ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return sum % 10;
}

/** True when the last digit is the Luhn check digit of the others. */
export const luhnValid = (digits: string): boolean => luhnSum(digits) === 0;

/** The Luhn check digit to append to `digits`. */
export const luhnCheckDigit = (digits: string): number => (10 - luhnSum(digits + '0')) % 10;

/** ISO 7064 MOD 11,10 (German VAT, Croatian OIB): true when the last digit checks the others. */
export function iso7064Mod11_10Valid(digits: string): boolean {
  let check = 5;
  for (let i = 0; i < digits.length; i++) check = ((((check || 10) * 2) % 11) + digitAt(digits, i)) % 10;
  return check === 1;
}

/** Remainder mod 97 of a digit/letter string, letters counted as two digits (A=10 … Z=35), as ISO 7064 MOD 97-10. */
export function mod97(s: string): number {
  let r = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) r = (r * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) r = (r * 100 + (c - 55)) % 97;
    else return -1;
  }
  return r;
}

/** Dutch 9-digit 11-proef (elf9): weights 9..2 and −1, sum mod 11 = 0, not all zeros. Used by RSIN, BSN and old NL VAT. */
export function elf9(digits: string): boolean {
  if (digits.length !== 9 || /^0+$/.test(digits)) return false;
  return mod(weightedSum(digits, [9, 8, 7, 6, 5, 4, 3, 2, -1]), 11) === 0;
}

/** True when a yymmdd-style date is plausible (month 1–12, day 1–31 and within the month). */
export function plausibleDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return day <= (days[month - 1] ?? 0);
}
