import { describe, expect, it } from 'vitest';
import { identifiersInText } from '../../utils/report/list-parse';
import { BE, BULK_VAT, NL, VAT, fullVatNumber } from '../fixtures/registry/companies';

// "Check a list": what the identifier engine takes from pasted text, and the header of a table as each cell's label.

const nl = (i: number) => fullVatNumber(BULK_VAT.nl[i]!);

describe('identifiersInText', () => {
  it('a spreadsheet column with blank lines and duplicates: each number once, in order', () => {
    const column = ['BTW-nummer', nl(0), '', nl(1), nl(0), '   ', nl(2), '', nl(1)].join('\r\n');
    expect(identifiersInText(column).map((i) => i.value)).toEqual([nl(0), nl(1), nl(2)]);
  });

  it('a column of bare KVK numbers under its header: the header is each cell’s label', () => {
    const column = ['KvK-nummer', NL.bv.kvkNummer, NL.nv.kvkNummer, '', NL.stichting.kvkNummer].join('\n');
    expect(identifiersInText(column)).toEqual([
      { kind: 'kvk', value: NL.bv.kvkNummer, written: NL.bv.kvkNummer, checksum: 'none' },
      { kind: 'kvk', value: NL.nv.kvkNummer, written: NL.nv.kvkNummer, checksum: 'none' },
      { kind: 'kvk', value: NL.stichting.kvkNummer, written: NL.stichting.kvkNummer, checksum: 'none' },
    ]);
    // Without the header, bare 8-digit runs are not numbers the engine reports (a phone, an amount…).
    expect(identifiersInText([NL.bv.kvkNummer, NL.nv.kvkNummer].join('\n'))).toEqual([]);
  });

  it('a table copied from a spreadsheet (tabs) and a CSV with semicolons: each column by its header', () => {
    const be = BE.nv.enterpriseNumber.replace(/(\d{4})(\d{3})(\d{3})/, '$1.$2.$3');
    const tsv = `Naam\tKvK\tBTW\nTest BV\t${NL.bv.kvkNummer}\t${fullVatNumber(VAT.nlBv)}\nBrouwerij\t\t${be}\n`;
    expect(identifiersInText(tsv).map((i) => [i.kind, i.value, i.written])).toEqual([
      ['kvk', NL.bv.kvkNummer, NL.bv.kvkNummer],
      ['vat', fullVatNumber(VAT.nlBv), fullVatNumber(VAT.nlBv)],
      ['kbo', BE.nv.enterpriseNumber, be],
    ]);
    const csv = `"Relatie";"KvK-nummer";"Plaats"\r\nDonald;${NL.bv.kvkNummer};Woerden\r\nJansen;${NL.eenmanszaak.kvkNummer};Lollum`;
    expect(identifiersInText(csv).map((i) => i.value)).toEqual([NL.bv.kvkNummer, NL.eenmanszaak.kvkNummer]);
  });

  it('an e-mail: labelled numbers in sentences, written as they were, with a failing check reported', () => {
    const mail = `Beste,\n\nOnze gegevens: KvK ${NL.bv.kvkNummer}, btw-nummer NL 8575.87.973.B.01.\nOude factuur met btw-nummer NL857587974B01.\nTelefoon 0348 123456, bedrag 68750110 EUR? Nee.\n\nGroet`;
    expect(identifiersInText(mail)).toEqual([
      { kind: 'kvk', value: NL.bv.kvkNummer, written: NL.bv.kvkNummer, checksum: 'none' },
      { kind: 'vat', value: fullVatNumber(VAT.nlBv), written: 'NL 8575.87.973.B.01', checksum: 'valid' },
      { kind: 'vat', value: 'NL857587974B01', written: 'NL857587974B01', checksum: 'invalid' },
    ]);
  });
});
