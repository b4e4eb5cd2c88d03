import { describe, expect, it } from 'vitest';
import { readSearchInput } from '../../utils/popup/search-input';

describe('readSearchInput', () => {
  it('opens every identifier kind, written any usual way', () => {
    const cases: [string, string, string][] = [
      ['68750110', 'kvk', '68750110'],
      [' 6875 0110 ', 'kvk', '68750110'],
      ['KvK-nummer: 68750110', 'kvk', '68750110'],
      ['0000 3717 8598', 'kvk-branch', '000037178598'],
      ['857587973', 'rsin', '857587973'],
      ['RSIN 857.587.973', 'rsin', '857587973'],
      ['0765.432.146', 'kbo', '0765432146'],
      ['0765 432 146', 'kbo', '0765432146'],
      ['2.134.567.845', 'kbo-establishment', '2134567845'],
      ['BE 0765.432.146', 'vat', 'BE0765432146'],
      ['be0765432146', 'vat', 'BE0765432146'],
      ['NL 8575.87.973.B.01', 'vat', 'NL857587973B01'],
      ['DE 813 442 018', 'vat', 'DE813442018'],
      ['GR094095807', 'vat', 'EL094095807'],
      ['FR 83 404833048', 'vat', 'FR83404833048'],
    ];
    for (const [input, kind, value] of cases)
      expect(readSearchInput(input), input).toEqual({ type: 'identifier', kind, value });
  });

  it('says a failing check before anything is sent', () => {
    expect(readSearchInput('0765.432.147')).toEqual({ type: 'checksum', kind: 'kbo', value: '0765432147' });
    expect(readSearchInput('NL857587974B01')).toMatchObject({ type: 'checksum', kind: 'vat' });
    expect(readSearchInput('DE813442019')).toMatchObject({ type: 'checksum', kind: 'vat', value: 'DE813442019' });
    expect(readSearchInput('2.134.567.846')).toMatchObject({ type: 'checksum', kind: 'kbo-establishment' });
  });

  it('searches names, including ones with digits or a country-like first word', () => {
    expect(readSearchInput('Test BV Donald')).toEqual({ type: 'name', query: 'Test BV Donald' });
    expect(readSearchInput('  Brouwerijen   Fictief ')).toEqual({ type: 'name', query: 'Brouwerijen Fictief' });
    expect(readSearchInput('3D Hubs B.V.')).toEqual({ type: 'name', query: '3D Hubs B.V.' });
    expect(readSearchInput('DE Koffiebranders')).toEqual({ type: 'name', query: 'DE Koffiebranders' });
    expect(readSearchInput('Coöperatie Zuivelgenoten Noord U.A.')).toMatchObject({ type: 'name' });
    expect(readSearchInput('x'.repeat(300))).toEqual({ type: 'name', query: 'x'.repeat(200) });
  });

  it('refuses what is neither, saying why', () => {
    expect(readSearchInput('   ')).toEqual({ type: 'empty' });
    expect(readSearchInput('12345')).toEqual({ type: 'unknown' });
    expect(readSearchInput('NL 1234')).toEqual({ type: 'unknown' });
    expect(readSearchInput('0202.239')).toEqual({ type: 'unknown' });
    expect(readSearchInput('a')).toEqual({ type: 'unknown' });
    expect(readSearchInput('?!')).toEqual({ type: 'unknown' });
    expect(readSearchInput('US123456789')).toEqual({ type: 'unsupported-country', country: 'US' });
    expect(readSearchInput('BSN 111222333')).toEqual({ type: 'bsn' });
  });
});
