import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { ReportList } from '../report/report-list';

const reportUrl = (hash: string) => browser.runtime.getURL(`/report.html#${hash}`);

/** "Check a list" (the report page's paste screen) and the last five reports, each opening in its own tab. */
export function ReportsSection() {
  return (
    <section class="cl-reports" aria-labelledby="cl-reports-heading" data-testid="reports">
      <h2 id="cl-reports-heading">{t('popupReportsHeading')}</h2>
      <p>
        <button
          type="button"
          class="cl-button"
          onClick={() => void browser.tabs.create({ url: reportUrl('new') })}
          data-testid="check-list"
        >
          {t('popupCheckList')}
        </button>
      </p>
      <ReportList limit={5} hrefOf={reportUrl} />
    </section>
  );
}
