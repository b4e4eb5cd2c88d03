// EU VAT numbers of the 27 member states plus Northern Ireland (XI): the shape of each national part (`format`, tested on
// the compact upper-case body after the country prefix) and its own check (`check`, only called on a body that has the
// format). Algorithms as described by python-stdnum's per-country modules, written here rather than bundling a port of
// stdnum: the engine chunk (entrypoints/engine.ts) carries them, and the background and the popup parse with them.
import {
  digitAt,
  iso7064Mod11_10Valid,
  luhnCheckDigit,
  luhnSum,
  luhnValid,
  mod,
  plausibleDate,
  weightedSum,
} from './common.ts';
import { kboValid, nlVatValid } from './national.ts';
import { VAT_FORMATS } from './vat-formats.ts';

/** One member state's VAT number rules. */
export interface VatCountry {
  /** The shape of the national part (compact, upper case). */
  format: RegExp;
  /** The national check, on a body that has the format. */
  check: (body: string) => boolean;
  /** Shortest and longest national part (characters), for a quick length test before the format. */
  min: number;
  max: number;
}

const num = Number;
const nonZeroStart = (b: string): boolean => b[0] !== '0';

// Bulgaria: 9 digits (legal entities) or 10 (persons: EGN, foreigners: PNF, others).
function bg(b: string): boolean {
  if (b.length === 9) {
    let s = weightedSum(b, [1, 2, 3, 4, 5, 6, 7, 8]) % 11;
    if (s === 10) s = weightedSum(b, [3, 4, 5, 6, 7, 8, 9, 10]) % 11;
    return s % 10 === digitAt(b, 8);
  }
  const last = digitAt(b, 9);
  const month = num(b.slice(2, 4));
  const year = num(b.slice(0, 2)) + (month > 40 ? 2000 : month > 20 ? 1800 : 1900);
  const egn =
    plausibleDate(year, month % 20, num(b.slice(4, 6))) &&
    (weightedSum(b, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11) % 10 === last;
  const pnf = weightedSum(b, [21, 19, 17, 13, 11, 9, 7, 3, 1]) % 10 === last;
  const other = ((11 - (weightedSum(b, [4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11)) % 11) % 10 === last;
  return egn || pnf || other;
}

// Cyprus: 8 digits and a check letter.
function cy(b: string): boolean {
  const odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
  let s = 0;
  for (let i = 0; i < 8; i++) s += i % 2 === 0 ? (odd[digitAt(b, i)] ?? 0) : digitAt(b, i);
  return String.fromCharCode(65 + (s % 26)) === b[8];
}

// Czechia: 8 digits (legal entities), 9 starting with 6 (special), else a birth number (rodné číslo).
function cz(b: string): boolean {
  const w = [8, 7, 6, 5, 4, 3, 2];
  if (b.length === 8) {
    const c = (11 - (weightedSum(b, w) % 11)) % 11;
    return b[0] !== '9' && (c === 0 ? 1 : c % 10) === digitAt(b, 7);
  }
  if (b.length === 9 && b[0] === '6') {
    const s = weightedSum(b.slice(1), w) % 11;
    return 9 - ((11 - s) % 10) === digitAt(b, 8);
  }
  let year = num(b.slice(0, 2)) + 1900;
  if (b.length === 9) {
    if (year > 1980) year -= 100;
    if (year > 1953) return false;
  } else if (year < 1954) year += 100;
  if (!plausibleDate(year, (num(b.slice(2, 4)) % 50) % 20, num(b.slice(4, 6)))) return false;
  if (b.length === 9) return true;
  const c = (num(b.slice(0, 9)) % 11) % (year < 1985 ? 10 : 11);
  return c === digitAt(b, 9);
}

// Spain: DNI (8 digits + letter), NIE (X/Y/Z + 7 digits + letter), K/L/M + 7 digits + letter, or CIF (entity letter).
function es(b: string): boolean {
  const dniLetter = (n: string): string => 'TRWAGMYFPDXBNJZSQVHLCKE'[num(n) % 23] ?? '';
  const first = b[0] ?? '';
  const last = b[8] ?? '';
  if (/\d/.test(first)) return /^\d{8}$/.test(b.slice(0, 8)) && dniLetter(b.slice(0, 8)) === last;
  if ('XYZ'.includes(first)) return dniLetter('XYZ'.indexOf(first) + b.slice(1, 8)) === last;
  if ('KLM'.includes(first)) return dniLetter(b.slice(1, 8)) === last;
  if (!'ABCDEFGHJNPQRSUVW'.includes(first)) return false;
  const c = luhnCheckDigit(b.slice(1, 8));
  return last === String(c) || last === 'JABCDEFGHI'[c];
}

// France: 2 check characters (digits, or letters without I and O) + the 9-digit SIREN.
function fr(b: string): boolean {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const siren = b.slice(2);
  if (siren.slice(0, 3) !== '000' && !luhnValid(siren)) return false; // Monaco numbers are not SIRENs
  if (/^\d\d/.test(b)) return num(b.slice(0, 2)) === (num(siren) * 100 + 12) % 97;
  const c0 = alphabet.indexOf(b[0] ?? '');
  const c1 = alphabet.indexOf(b[1] ?? '');
  if (c0 < 0 || c1 < 0) return false;
  const c = c0 < 10 ? c0 * 24 + c1 - 10 : c0 * 34 + c1 - 100;
  return (num(siren) + 1 + Math.floor(c / 11)) % 11 === c % 11;
}

// Ireland: 7 digits + check letter (+ optional letter), or the old form with a letter or symbol second.
function ie(b: string): boolean {
  const alphabet = 'WABCDEFGHIJKLMNOPQRSTUV';
  const check = (n: string, extra: string): string =>
    alphabet[
      (weightedSum(n.padStart(7, '0'), [8, 7, 6, 5, 4, 3, 2]) + 9 * Math.max(0, alphabet.indexOf(extra))) % 23
    ] ?? '';
  if (b.length === 9 && !alphabet.includes(b[8] ?? '')) return false;
  if (/^\d{7}/.test(b)) return b[7] === check(b.slice(0, 7), b[8] ?? '');
  if (/^\d[A-Z+*]\d{5}[A-W]$/.test(b)) return b[7] === check(b.slice(2, 7) + b[0], '');
  return false;
}

// Italy: 11 digits, a valid province office code (digits 8–10), Luhn.
function it(b: string): boolean {
  const office = num(b.slice(7, 10));
  const officeOk = (office >= 1 && office <= 100) || [120, 121, 888, 999].includes(office);
  return !/^0{7}/.test(b) && officeOk && luhnValid(b);
}

// Lithuania: 9 digits (8th is 1) or 12 (11th is 1); weights 1..9 repeating, retried shifted by 2 on a remainder of 10.
function lt(b: string): boolean {
  if (b[b.length - 2] !== '1') return false;
  const front = b.slice(0, -1);
  const sum = (shift: number): number => {
    let s = 0;
    for (let i = 0; i < front.length; i++) s += (1 + ((i + shift) % 9)) * digitAt(front, i);
    return s % 11;
  };
  let c = sum(0);
  if (c === 10) c = sum(2);
  return c % 10 === digitAt(b, b.length - 1);
}

// Latvia: legal entities (first digit > 3) by weighted sum; persons by birth date and check digit.
function lv(b: string): boolean {
  if (b[0]! > '3') return weightedSum(b, [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1]) % 11 === 3;
  if (b.startsWith('32')) return true; // personal codes without a birth date (since 2017)
  const year = 1800 + digitAt(b, 6) * 100 + num(b.slice(4, 6));
  if (!plausibleDate(year, num(b.slice(2, 4)), num(b.slice(0, 2)))) return false;
  return ((1 + weightedSum(b, [10, 5, 8, 4, 2, 1, 6, 3, 7, 9])) % 11) % 10 === digitAt(b, 10);
}

// Romania: CUI of 2–10 digits (padded to 10), or a 13-digit personal CNP.
function ro(b: string): boolean {
  if (b.length === 13) {
    const c = weightedSum(b, [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
    return b[0] !== '0' && (c === 10 ? 1 : c) === digitAt(b, 12);
  }
  const p = b.padStart(10, '0');
  return b[0] !== '0' && ((10 * weightedSum(p, [7, 5, 3, 2, 1, 7, 5, 3, 2])) % 11) % 10 === digitAt(p, 9);
}

// Slovenia: 8 digits, first not 0; 11 − weighted sum mod 11 (10 → 0, 11 → invalid).
function si(b: string): boolean {
  const c = 11 - (weightedSum(b, [8, 7, 6, 5, 4, 3, 2]) % 11);
  return nonZeroStart(b) && c !== 11 && c % 10 === digitAt(b, 7);
}

// Northern Ireland (UK VAT rules): 9 or 12 digits by weighted sum mod 97, or government departments / health authorities.
function xi(b: string): boolean {
  if (b.startsWith('GD')) return num(b.slice(2)) < 500;
  if (b.startsWith('HA')) return num(b.slice(2)) >= 500;
  const s = weightedSum(b, [8, 7, 6, 5, 4, 3, 2, 10, 1]) % 97;
  return num(b.slice(0, 3)) >= 100 ? s === 0 || s === 42 || s === 55 : s === 0;
}

/** The VAT rules per country prefix (Greece as EL, Northern Ireland as XI). */
export const VAT_COUNTRIES: Readonly<Record<string, VatCountry>> = {
  AT: { min: 9, max: 9, format: VAT_FORMATS.AT, check: (b) => (16 - luhnSum(b.slice(1, 8))) % 10 === digitAt(b, 8) },
  BE: { min: 9, max: 10, format: VAT_FORMATS.BE, check: kboValid },
  BG: { min: 9, max: 10, format: VAT_FORMATS.BG, check: bg },
  CY: { min: 9, max: 9, format: VAT_FORMATS.CY, check: cy },
  CZ: { min: 8, max: 10, format: VAT_FORMATS.CZ, check: cz },
  DE: { min: 9, max: 9, format: VAT_FORMATS.DE, check: (b) => nonZeroStart(b) && iso7064Mod11_10Valid(b) },
  DK: {
    min: 8,
    max: 8,
    format: VAT_FORMATS.DK,
    check: (b) => nonZeroStart(b) && weightedSum(b, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0,
  },
  EE: { min: 9, max: 9, format: VAT_FORMATS.EE, check: (b) => weightedSum(b, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0 },
  EL: {
    min: 8,
    max: 9,
    format: VAT_FORMATS.EL,
    check: (b) => (weightedSum(b, [256, 128, 64, 32, 16, 8, 4, 2]) % 11) % 10 === digitAt(b, 8),
  },
  ES: { min: 9, max: 9, format: VAT_FORMATS.ES, check: es },
  FI: { min: 8, max: 8, format: VAT_FORMATS.FI, check: (b) => weightedSum(b, [7, 9, 10, 5, 8, 4, 2, 1]) % 11 === 0 },
  FR: { min: 11, max: 11, format: VAT_FORMATS.FR, check: fr },
  HR: { min: 11, max: 11, format: VAT_FORMATS.HR, check: iso7064Mod11_10Valid },
  HU: { min: 8, max: 8, format: VAT_FORMATS.HU, check: (b) => weightedSum(b, [9, 7, 3, 1, 9, 7, 3, 1]) % 10 === 0 },
  IE: { min: 8, max: 9, format: VAT_FORMATS.IE, check: ie },
  IT: { min: 11, max: 11, format: VAT_FORMATS.IT, check: it },
  LT: { min: 9, max: 12, format: VAT_FORMATS.LT, check: lt },
  LU: { min: 8, max: 8, format: VAT_FORMATS.LU, check: (b) => num(b.slice(0, 6)) % 89 === num(b.slice(6)) },
  LV: { min: 11, max: 11, format: VAT_FORMATS.LV, check: lv },
  MT: {
    min: 8,
    max: 8,
    format: VAT_FORMATS.MT,
    check: (b) => nonZeroStart(b) && weightedSum(b, [3, 4, 6, 7, 8, 9, 10, 1]) % 37 === 0,
  },
  NL: { min: 10, max: 12, format: VAT_FORMATS.NL, check: nlVatValid },
  PL: {
    min: 10,
    max: 10,
    format: VAT_FORMATS.PL,
    check: (b) => mod(weightedSum(b, [6, 5, 7, 2, 3, 4, 5, 6, 7, -1]), 11) === 0,
  },
  PT: {
    min: 9,
    max: 9,
    format: VAT_FORMATS.PT,
    check: (b) =>
      nonZeroStart(b) && ((11 - (weightedSum(b, [9, 8, 7, 6, 5, 4, 3, 2]) % 11)) % 11) % 10 === digitAt(b, 8),
  },
  RO: { min: 2, max: 13, format: VAT_FORMATS.RO, check: ro },
  SE: { min: 12, max: 12, format: VAT_FORMATS.SE, check: (b) => luhnValid(b.slice(0, 10)) },
  SI: { min: 8, max: 8, format: VAT_FORMATS.SI, check: si },
  SK: {
    min: 10,
    max: 10,
    format: VAT_FORMATS.SK,
    check: (b) => nonZeroStart(b) && '2346789'.includes(b[2] ?? '') && num(b) % 11 === 0,
  },
  XI: { min: 5, max: 12, format: VAT_FORMATS.XI, check: xi },
};

/**
 * The national part in its full length where a country's numbers are also written without leading zeros: Belgian
 * 9-digit numbers (`BE 428.759.497`), Greek 8-digit numbers, Dutch numbers with 7 or 8 digits before the `B`.
 */
export function padNational(cc: string, national: string): string {
  if (cc === 'BE' && /^\d{9}$/.test(national)) return '0' + national;
  if (cc === 'EL' && /^\d{8}$/.test(national)) return '0' + national;
  if (cc === 'NL' && /^\d{7,8}B\d\d$/.test(national)) return national.padStart(12, '0');
  return national;
}

/** True when `cc` is a VAT country prefix the engine knows (EL for Greece, XI for Northern Ireland). */
export const isVatCountry = (cc: string): boolean => Object.prototype.hasOwnProperty.call(VAT_COUNTRIES, cc);

/** Checks a compact VAT number `CC…` (upper case, no separators): null when its shape is not that country's. */
export function vatCheck(value: string): boolean | null {
  const rules = VAT_COUNTRIES[value.slice(0, 2)];
  const body = value.slice(2);
  if (!rules || !rules.format.test(body)) return null;
  return rules.check(body);
}
