import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging/send';
import type { UsageResponse } from '../../utils/messaging/background-messages';
import type { Report } from '../../utils/report/schema';

/**
 * The paid step: what kbodata.app would add, how many requests of the plan it takes against this month's cap, and
 * the user's yes or no. Nothing is asked of kbodata.app before the yes.
 */
export function PaidStep({
  report,
  onCommand,
}: {
  report: Report;
  onCommand: (c: 'accept-paid' | 'decline-paid') => void;
}) {
  const [usage, setUsage] = useState<UsageResponse | undefined>(undefined);
  const rows = report.rows.filter((r) => r.paidWanted);
  const done = rows.filter((r) => r.step === 'paid' && r.state !== 'waiting').length;
  useEffect(() => {
    sendMessage({ type: 'usage' }).then(setUsage, () => setUsage(undefined));
  }, [report.meta.paid]);
  if (report.meta.paid === 'none' || !rows.length) return null;
  const used = usage?.services.kbodata.paidQueries;
  const cap = usage?.cap;
  const left = used !== undefined && cap !== undefined ? Math.max(0, cap - used) : undefined;
  return (
    <section class="cl-r-paid" aria-labelledby="cl-r-paid-heading" data-testid="paid-step">
      <h2 id="cl-r-paid-heading">{t('reportPaidHeading')}</h2>
      {report.meta.paid === 'offered' && (
        <>
          <p>
            {t('reportPaidOffer', String(rows.length))}{' '}
            {used !== undefined && cap !== undefined && t('reportPaidUsage', [String(used), String(cap)])}
          </p>
          {left !== undefined && left < rows.length && <p class="cl-r-warn">{t('reportPaidOverCap', String(left))}</p>}
          <p class="cl-r-actions">
            <button type="button" onClick={() => onCommand('accept-paid')}>
              {t('reportPaidAccept', String(rows.length))}
            </button>
            <button type="button" class="cl-secondary" onClick={() => onCommand('decline-paid')}>
              {t('reportPaidDecline')}
            </button>
          </p>
        </>
      )}
      {report.meta.paid === 'accepted' && (
        <p role="status">{t('reportPaidAccepted', [String(done), String(rows.length)])}</p>
      )}
      {report.meta.paid === 'declined' && <p class="cl-muted">{t('reportPaidDeclined')}</p>}
    </section>
  );
}
