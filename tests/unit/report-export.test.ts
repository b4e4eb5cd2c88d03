import { describe, expect, it } from 'vitest';
import { AFAS_LAYOUT, erpCsv, EXACT_LAYOUT } from '../../utils/export/erp-csv';
import { erpRecords, reportJson, tableCsv } from '../../utils/report/export';
import { newReport } from '../../utils/report/new-report';
import type { Report, RowResult } from '../../utils/report/schema';
import { isValidActive, matchesFilter } from '../../utils/report/view';

// The report's files: the table's CSV with the formula guard, the whole report as JSON with its proof, and the ERP
// files of the valid, active companies only.

const T0 = Date.UTC(2026, 10, 23, 9, 30);

function report(): Report {
  const r = newReport({
    id: 'report-export',
    now: T0,
    source: { type: 'page', url: 'https://shop.example/debiteuren' },
    requesterVat: 'NL857587973B01',
    items: [
      { kind: 'kvk', value: '68750110' },
      { kind: 'vat', value: 'NL004123987B76' },
      { kind: 'kvk', value: '90005414' },
      { kind: 'vat', value: 'DE813442018' },
      { kind: 'vat', value: 'NL857587974B01' },
      { kind: 'vat', value: 'FR83404833048' },
    ],
    paidServices: { kbodata: false },
  });
  const done = (i: number, result: Partial<RowResult>, state: 'done' | 'unavailable' = 'done') =>
    Object.assign(r.rows[i]!, {
      state,
      checkedAt: T0,
      result: { sources: [{ service: 'kvk', fetchedAt: T0, cached: false }], ...result },
    });
  const vies = (verdict: 'valid' | 'invalid' | 'unavailable', extra = {}) => ({
    vies: { verdict, memberState: 'NL', checkedAt: T0, ...extra },
  });
  done(0, {
    name: 'Test BV Donald',
    status: 'active',
    kvkNumber: '68750110',
    address: { street: 'Watermolenlaan', houseNumber: '1', postalCode: '3447GT', city: 'Woerden', line: 'x' },
  });
  done(1, vies('invalid'));
  done(2, { name: 'Fietsenmakerij Van Dijk', status: 'inactive' });
  done(3, vies('unavailable', { reason: 'MS_UNAVAILABLE' }), 'unavailable');
  done(5, {
    name: '=HYPERLINK("http://evil")',
    status: 'unknown',
    ...vies('valid', { consultationNumber: 'WAPIAAAAZ1' }),
  });
  return r;
}

describe('report files', () => {
  it('the CSV is the table as given, RFC 4180 quoted, formulas disarmed', () => {
    expect(
      tableCsv(
        ['Number', 'Name'],
        [
          ['FR83404833048', '=HYPERLINK("http://evil")'],
          ['68750110', 'A, B'],
        ],
      ),
    ).toBe('Number,Name\r\nFR83404833048,"\'=HYPERLINK(""http://evil"")"\r\n68750110,"A, B"\r\n');
  });

  it('the JSON holds the requester, the source and each consultation number', () => {
    const json = JSON.parse(reportJson(report(), T0 + 1000));
    expect(json).toMatchObject({
      format: 'company-lens/report@1',
      createdAt: '2026-11-23T09:30:00.000Z',
      exportedAt: '2026-11-23T09:30:01.000Z',
      requesterVat: 'NL857587973B01',
      source: { type: 'page', url: 'https://shop.example/debiteuren' },
    });
    expect(json.rows).toHaveLength(6);
    expect(json.rows[5]).toMatchObject({
      number: 'FR83404833048',
      vies: { verdict: 'valid', consultationNumber: 'WAPIAAAAZ1', checkedAt: '2026-11-23T09:30:00.000Z' },
    });
    expect(json.rows[4]).toMatchObject({ number: 'NL857587974B01', checkDigits: 'invalid', state: 'done' });
  });

  it('the ERP files hold the valid, active companies only', () => {
    const r = report();
    expect(r.rows.map(isValidActive)).toEqual([true, false, false, false, false, true]);
    const records = erpRecords(r);
    expect(erpCsv(EXACT_LAYOUT, ...records)).toBe(
      'Name,ChamberOfCommerce,VATNumber,AddressLine1,Postcode,City,Country,LegalForm\r\n' +
        'Test BV Donald,68750110,,Watermolenlaan 1,3447GT,Woerden,NL,\r\n' +
        '"\'=HYPERLINK(""http://evil"")",,FR83404833048,,,,FR,\r\n',
    );
    expect(erpCsv(AFAS_LAYOUT, ...records).split('\r\n')[1]).toBe(
      'Test BV Donald,68750110,,Watermolenlaan,1,,3447GT,Woerden,NL',
    );
  });

  it('filters: invalid, cannot be checked, inactive', () => {
    const r = report();
    const shown = (f: Parameters<typeof matchesFilter>[1]) =>
      r.rows.filter((row) => matchesFilter(row, f)).map((x) => x.value);
    expect(shown('invalid')).toEqual(['NL004123987B76', 'NL857587974B01']);
    expect(shown('unavailable')).toEqual(['DE813442018']);
    expect(shown('inactive')).toEqual(['90005414']);
    expect(shown('all')).toHaveLength(6);
  });
});
