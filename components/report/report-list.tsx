import { formatDateTime } from '../../utils/format-display';
import { t, uiLanguage } from '../../utils/i18n';
import { useReportList } from './use-report';
import { sourceWords } from './report-view';

/** The last reports (newest first), each a link to its page; `limit` for the popup's short list. */
export function ReportList({ limit, hrefOf }: { limit?: number; hrefOf: (id: string) => string }) {
  const list = useReportList();
  if (!list) return null;
  const shown = limit ? list.slice(0, limit) : list;
  if (!shown.length) return <p class="cl-hint">{t('reportsNone')}</p>;
  const lang = uiLanguage();
  return (
    <ul class="cl-r-list" data-testid="report-list">
      {shown.map((entry) => (
        <li key={entry.id}>
          <a href={hrefOf(entry.id)} target={limit ? '_blank' : undefined} rel="noopener">
            {formatDateTime(entry.createdAt, lang)}
          </a>{' '}
          <span class="cl-hint">
            {sourceWords(entry.source)} · {t('reportsNumbers', String(entry.rowCount))}
          </span>
        </li>
      ))}
    </ul>
  );
}
