// Every check algorithm of the identifier engine, with the valid and invalid numbers of ../shared/reference/identifiers.md.
import { describe, expect, it } from 'vitest';
import { elf9, iso7064Mod11_10Valid, luhnValid, mod97 } from '../../utils/identifiers/checks/common';
import { kboEstablishmentValid, kboValid, nlVatValid, rsinValid } from '../../utils/identifiers/checks/national';
import { checkIdentifier } from '../../utils/identifiers/index';

describe('KVK number', () => {
  it('has no checksum: numbers failing the old 11-proef are not rejected', () => {
    for (const kvk of ['33014286', '30046259', '33031431', '31047344', '09163645']) {
      expect(checkIdentifier('kvk', kvk)).toBe('none');
    }
  });
  it('must be 8 digits', () => {
    expect(checkIdentifier('kvk', '3301428')).toBe('invalid');
    expect(checkIdentifier('kvk', '3301428X')).toBe('invalid');
    expect(checkIdentifier('kvk-branch', '000019531656')).toBe('none');
    expect(checkIdentifier('kvk-branch', '00001953165')).toBe('invalid');
  });
});

describe('elf9 (RSIN, BSN, old NL VAT)', () => {
  it('accepts numbers whose weighted sum is divisible by 11', () => {
    for (const n of ['805734958', '004983269', '820646660', '002230884', '810433941', '228771158', '496153559']) {
      expect(elf9(n)).toBe(true);
      expect(rsinValid(n)).toBe(true);
      expect(checkIdentifier('rsin', n)).toBe('valid');
    }
  });
  it('rejects swapped digits, all zeros, remainder 10 and wrong lengths', () => {
    for (const n of ['805734985', '000000000', '100000060', '80573495', '8057349580']) expect(elf9(n)).toBe(false);
    expect(checkIdentifier('rsin', '805734985')).toBe('invalid');
  });
});

describe('Dutch VAT number', () => {
  it('is valid by the 11-proef (old form) or mod 97 (since 2020)', () => {
    for (const v of ['805734958B01', '004983269B01', '820646660B01', '002230884B01', '810433941B01'])
      expect(nlVatValid(v)).toBe(true);
    // mod 97-10 form: fails the 11-proef, passes ISO 7064 over NL…B…
    for (const v of ['002455799B11', '000099998B57', '123456789B13']) {
      expect(elf9(v.slice(0, 9))).toBe(false);
      expect(mod97('NL' + v)).toBe(1);
      expect(nlVatValid(v)).toBe(true);
    }
  });
  it('rejects swapped digits, remainder 10, suffix 00, all zeros and a failing mod 97', () => {
    for (const v of ['NL805734985B01', 'NL100000060B01', 'NL805734958B00', 'NL000000000B01', 'NL123456789B90']) {
      expect(nlVatValid(v.slice(2))).toBe(false);
      expect(checkIdentifier('vat', v)).toBe('invalid');
    }
  });
});

describe('Belgian enterprise number (mod 97)', () => {
  const valid = [
    '0202239951',
    '0417497106',
    '0403227515',
    '0400378485',
    '0214596464',
    '0403091220',
    '1001686633',
    '1006023325',
    '1000003682',
  ];
  it('accepts the numbers of identifiers.md, including the 1-series', () => {
    for (const n of valid) {
      expect(kboValid(n)).toBe(true);
      expect(checkIdentifier('kbo', n)).toBe('valid');
      expect(checkIdentifier('vat', 'BE' + n)).toBe('valid');
    }
  });
  it('rejects wrong check digits, transpositions and a first digit other than 0 or 1', () => {
    for (const n of ['0417497107', '0417479106', '0203430226']) expect(kboValid(n)).toBe(false);
    expect(kboValid('2147812701')).toBe(false); // an establishment number, not an enterprise number
  });
});

describe('Belgian establishment number', () => {
  it('uses the same mod 97 with a first digit 2–8', () => {
    expect(kboEstablishmentValid('2147812701')).toBe(true);
    expect(checkIdentifier('kbo-establishment', '2147812701')).toBe('valid');
    expect(kboEstablishmentValid('2147812702')).toBe(false);
    expect(kboEstablishmentValid('0202239951')).toBe(false);
  });
  it('is not a VAT number', () => {
    expect(checkIdentifier('vat', 'BE2000000042')).toBe('invalid');
  });
});

describe('shared algorithms', () => {
  it('Luhn', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });
  it('ISO 7064 MOD 11,10', () => {
    expect(iso7064Mod11_10Valid('136695976')).toBe(true);
    expect(iso7064Mod11_10Valid('136695977')).toBe(false);
  });
  it('mod 97 with letters as two digits', () => {
    expect(mod97('NL123456789B13')).toBe(1);
    expect(mod97('NL123456789B12')).not.toBe(1);
    expect(mod97('nl')).toBe(-1);
  });
});
