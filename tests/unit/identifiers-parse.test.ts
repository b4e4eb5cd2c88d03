// One typed or pasted value (the popup search box), display formats, and the check of one value.
import { describe, expect, it } from 'vitest';
import { formatIdentifier, parseIdentifier } from '../../utils/identifiers/index';

describe('parseIdentifier', () => {
  it('reads bare digits by their count: the search box is the label', () => {
    expect(parseIdentifier('33014286')).toEqual({ ok: true, kind: 'kvk', value: '33014286' });
    expect(parseIdentifier(' 3301 4286 ')).toEqual({ ok: true, kind: 'kvk', value: '33014286' });
    expect(parseIdentifier('33.01.42.86')).toEqual({ ok: true, kind: 'kvk', value: '33014286' });
    expect(parseIdentifier('000019531656')).toEqual({ ok: true, kind: 'kvk-branch', value: '000019531656' });
    expect(parseIdentifier('805734958')).toEqual({ ok: true, kind: 'rsin', value: '805734958' });
    expect(parseIdentifier('0202.239.951')).toEqual({ ok: true, kind: 'kbo', value: '0202239951' });
    expect(parseIdentifier('1001686633')).toEqual({ ok: true, kind: 'kbo', value: '1001686633' });
    expect(parseIdentifier('2.147.812.701')).toEqual({ ok: true, kind: 'kbo-establishment', value: '2147812701' });
    expect(parseIdentifier('202.239.951')).toEqual({ ok: true, kind: 'kbo', value: '0202239951' }); // old 9-digit form
  });

  it('reads VAT numbers with their prefix, in any case and spacing, and Dutch ones without NL', () => {
    expect(parseIdentifier('NL805734958B01')).toEqual({ ok: true, kind: 'vat', value: 'NL805734958B01' });
    expect(parseIdentifier('nl 8057.34.958.b.01')).toEqual({ ok: true, kind: 'vat', value: 'NL805734958B01' });
    expect(parseIdentifier('805734958B01')).toEqual({ ok: true, kind: 'vat', value: 'NL805734958B01' });
    expect(parseIdentifier('BE 0202.239.951')).toEqual({ ok: true, kind: 'vat', value: 'BE0202239951' });
    expect(parseIdentifier('GR 094012834')).toEqual({ ok: true, kind: 'vat', value: 'EL094012834' });
    expect(parseIdentifier('ＤＥ１３６６９５９７６')).toEqual({ ok: true, kind: 'vat', value: 'DE136695976' });
  });

  it('follows a label typed or pasted along with the value', () => {
    expect(parseIdentifier('KvK-nummer: 33014286')).toEqual({ ok: true, kind: 'kvk', value: '33014286' });
    expect(parseIdentifier('BTW 0202.239.951')).toEqual({ ok: true, kind: 'vat', value: 'BE0202239951' });
    expect(parseIdentifier('Ondernemingsnummer 202.239.951')).toEqual({ ok: true, kind: 'kbo', value: '0202239951' });
  });

  it('gives a typed reason when it cannot', () => {
    expect(parseIdentifier('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseIdentifier('  -  ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseIdentifier('Albert Heijn')).toEqual({ ok: false, reason: 'unknown-format' });
    expect(parseIdentifier('12345')).toEqual({ ok: false, reason: 'unknown-format' });
    expect(parseIdentifier('9123456789')).toEqual({ ok: false, reason: 'unknown-format' });
    expect(parseIdentifier('123456789')).toEqual({ ok: false, reason: 'checksum', kind: 'rsin', value: '123456789' });
    expect(parseIdentifier('0417.497.107')).toEqual({
      ok: false,
      reason: 'checksum',
      kind: 'kbo',
      value: '0417497107',
    });
    expect(parseIdentifier('NL805734985B01')).toEqual({
      ok: false,
      reason: 'checksum',
      kind: 'vat',
      value: 'NL805734985B01',
    });
    expect(parseIdentifier('DE12345')).toEqual({ ok: false, reason: 'unknown-format' });
    expect(parseIdentifier('GB980780684')).toEqual({ ok: false, reason: 'unsupported-country' });
    expect(parseIdentifier('BSN 123456782')).toEqual({ ok: false, reason: 'bsn' });
    expect(parseIdentifier('burgerservicenummer: 111222333')).toEqual({ ok: false, reason: 'bsn' });
  });
});

describe('formatIdentifier', () => {
  it('writes each number the way its register does', () => {
    expect(formatIdentifier('kbo', '0202239951')).toBe('0202.239.951');
    expect(formatIdentifier('kbo-establishment', '2147812701')).toBe('2.147.812.701');
    expect(formatIdentifier('vat', 'NL805734958B01')).toBe('NL805734958B01');
    expect(formatIdentifier('kvk', '33014286')).toBe('33014286');
    expect(formatIdentifier('kvk-branch', '000019531656')).toBe('000019531656');
    expect(formatIdentifier('rsin', '805734958')).toBe('805734958');
  });
  it('leaves values of the wrong shape as they are', () => {
    expect(formatIdentifier('kbo', '12345')).toBe('12345');
  });
});
