import { AFAS_LAYOUT, erpCsv, EXACT_LAYOUT } from '../../utils/export/erp-csv';
import { t } from '../../utils/i18n';
import { erpRecords, reportJson, tableCsv } from '../../utils/report/export';
import type { Report } from '../../utils/report/schema';
import { CSV_BOM, download } from '../download';
import { COLUMNS, header, stamp } from './cells';
import type { TableRow } from './report-table';

/** The report's files: the table as shown (CSV), the whole report (JSON), the valid active companies (ERP CSV), print. */
export function ReportExport({ report, shown }: { report: Report; shown: TableRow[] }) {
  const base = `company-lens-report-${stamp(report.meta.createdAt).slice(0, 10)}`;
  const records = erpRecords(report);
  const csv = () =>
    tableCsv(
      COLUMNS.map(header),
      shown.map((item) => COLUMNS.map((c) => item.cells[c])),
    );
  const files = [
    {
      label: t('reportExportCsv', String(shown.length)),
      save: () => download(`${base}.csv`, 'text/csv;charset=utf-8', CSV_BOM + csv()),
      id: 'csv',
    },
    {
      label: t('reportExportJson'),
      save: () => download(`${base}.json`, 'application/json', reportJson(report, Date.now())),
      id: 'json',
    },
    {
      label: t('reportExportExact', String(records.length)),
      save: () => download(`${base}-exact.csv`, 'text/csv;charset=utf-8', CSV_BOM + erpCsv(EXACT_LAYOUT, ...records)),
      id: 'exact',
      empty: !records.length,
    },
    {
      label: t('reportExportAfas', String(records.length)),
      save: () => download(`${base}-afas.csv`, 'text/csv;charset=utf-8', CSV_BOM + erpCsv(AFAS_LAYOUT, ...records)),
      id: 'afas',
      empty: !records.length,
    },
  ];
  return (
    <section class="cl-r-export" aria-labelledby="cl-r-export-heading">
      <h2 id="cl-r-export-heading">{t('popupExportHeading')}</h2>
      <p class="cl-r-actions">
        {files.map((f) => (
          <button type="button" class="cl-secondary" key={f.id} onClick={f.save} disabled={f.empty} data-export={f.id}>
            {f.label}
          </button>
        ))}
        <button type="button" class="cl-secondary" onClick={() => window.print()}>
          {t('reportPrint')}
        </button>
      </p>
      <p class="cl-hint">{t('reportExportErpHint')}</p>
    </section>
  );
}
