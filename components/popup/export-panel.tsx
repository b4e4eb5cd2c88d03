import type { LookupResult, Profile } from '../../utils/registry/domain';
import type { OpenDataProgress } from '../../utils/registry/responses';
import { companyJson, companyRecord, companyText, type CompanyRecord } from '../../utils/export/company-record';
import { AFAS_LAYOUT, erpCsv, EXACT_LAYOUT } from '../../utils/export/erp-csv';
import { t } from '../../utils/i18n';
import { CopyButton } from '../company/copy-button';
import { CSV_BOM, download } from '../download';

/** A file name from the company's name and number: `test-bv-donald-68750110-exact.csv`. */
function fileName(record: CompanyRecord, suffix: string): string {
  const slug = record.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  const number = record.kvkNumber ?? record.kboNumber ?? record.vatNumber ?? '';
  return [slug || 'company', number, suffix]
    .filter(Boolean)
    .join('-')
    .replace(/-(\.\w+)$/, '$1');
}

/**
 * Export of the company: name and address as text, the JSON record, and CSV rows for Exact Online and AFAS; with KVK's
 * open data in the record once fetched.
 */
export function ExportPanel({
  result,
  profile,
  openData,
}: {
  result: LookupResult;
  profile?: Profile;
  openData?: OpenDataProgress;
}) {
  const record = companyRecord(result, profile, openData);
  if (!record) return null;
  const json = companyJson(record);
  const exact = erpCsv(EXACT_LAYOUT, record);
  const afas = erpCsv(AFAS_LAYOUT, record);
  const rows = [
    { label: t('popupExportText'), copy: companyText(record) },
    { label: 'JSON', copy: json, save: () => download(fileName(record, '.json'), 'application/json', json) },
    {
      label: t('popupExportExact'),
      copy: exact,
      save: () => download(fileName(record, 'exact.csv'), 'text/csv;charset=utf-8', CSV_BOM + exact),
    },
    {
      label: t('popupExportAfas'),
      copy: afas,
      save: () => download(fileName(record, 'afas.csv'), 'text/csv;charset=utf-8', CSV_BOM + afas),
    },
  ];
  return (
    <section aria-labelledby="cl-export-heading" data-testid="export">
      <h3 id="cl-export-heading">{t('popupExportHeading')}</h3>
      <table class="cl-export">
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>
                <CopyButton text={r.copy} label={t('popupExportCopy', r.label)} />
              </td>
              <td>
                {r.save && (
                  <button
                    type="button"
                    class="cl-button cl-small"
                    onClick={r.save}
                    aria-label={t('popupExportDownload', r.label)}
                  >
                    {t('popupDownload')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
