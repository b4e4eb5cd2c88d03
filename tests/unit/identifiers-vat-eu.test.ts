// EU VAT numbers of all 27 member states plus XI, each with its own check: at least three valid and three invalid
// numbers per country, through the three ways the product meets them (check, parse a typed value, find in text).
import { describe, expect, it } from 'vitest';
import { VAT_COUNTRIES } from '../../utils/identifiers/checks/vat-eu';
import { checkIdentifier, findIdentifiers, parseIdentifier } from '../../utils/identifiers/index';
import { INVALID_VAT, VALID_VAT } from './fixtures/eu-vat-numbers';

const EU = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'EL',
  'ES',
  'FI',
  'FR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'XI',
];

describe('EU VAT coverage', () => {
  it('knows the 27 member states plus XI, Greece as EL', () => {
    expect(Object.keys(VAT_COUNTRIES).sort()).toEqual([...EU].sort());
    for (const cc of EU) {
      expect(VALID_VAT[cc]?.length ?? 0).toBeGreaterThanOrEqual(3);
      expect(INVALID_VAT[cc]?.length ?? 0).toBeGreaterThanOrEqual(3);
    }
  });
});

describe.each(EU)('%s VAT numbers', (cc) => {
  it('accepts valid numbers as typed, and as found in text', () => {
    for (const written of VALID_VAT[cc]!) {
      const parsed = parseIdentifier(written);
      expect(parsed, written).toMatchObject({ ok: true, kind: 'vat' });
      if (!parsed.ok) continue;
      expect(parsed.value.slice(0, 2)).toBe(cc);
      expect(checkIdentifier('vat', parsed.value), written).toBe('valid');
      if (written.includes('/')) continue; // "CZ 640229/4448": a slash is no separator inside page text
      // Unlabelled, except the short UK GD/HA codes, which count only where a label names them.
      const text = `${parsed.value.length < 8 ? 'VAT' : 'Leverancier:'} ${written} (zie factuur)`;
      const found = findIdentifiers(text);
      expect(found, written).toEqual([
        expect.objectContaining({ kind: 'vat', value: parsed.value, checksum: 'valid' }),
      ]);
      expect(text.slice(found[0]!.start, found[0]!.end)).toBe(written);
    }
  });

  it('rejects numbers with a wrong check digit, and reports them only where a label names them', () => {
    for (const written of INVALID_VAT[cc]!) {
      const parsed = parseIdentifier(written);
      expect(parsed.ok, written).toBe(false);
      if (!parsed.ok && parsed.reason === 'checksum') expect(checkIdentifier('vat', parsed.value!)).toBe('invalid');
      expect(findIdentifiers(`Leverancier: ${written} (zie factuur)`), written).toEqual([]);
      const labelled = findIdentifiers(`BTW-nummer: ${written}`);
      if (parsed.ok === false && parsed.reason === 'checksum') {
        expect(labelled, written).toEqual([expect.objectContaining({ kind: 'vat', checksum: 'invalid' })]);
      }
    }
  });
});
