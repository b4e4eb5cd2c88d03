import { useEffect, useState } from 'preact/hooks';
import { kvkOrderLink } from '../../utils/company-links';
import { formatDate } from '../../utils/format-display';
import { t, uiLanguage } from '../../utils/i18n';
import type { FiledAccounts, OpenDataCompany, OpenDataStatus } from '../../utils/registry/domain';
import type { OpenDataProgress, OpenDataStep } from '../../utils/registry/responses';
import { ErrorMessage } from '../error-message';
import { ExternalLink } from './company-links';
import { openDataStatusLabel } from './labels';
import { PartSource } from './part-source';

/** The statuses that are an insolvency (shown in the "bad" colour, and worth a second look beside Zoeken's). */
export const INSOLVENT: readonly OpenDataStatus[] = [
  'bankrupt',
  'suspension-of-payments',
  'debt-restructuring',
  'insolvency',
];

/** The pill colour of an open-data status. */
const pillClass = (status: OpenDataStatus) =>
  INSOLVENT.includes(status) ? 'bankrupt' : status === 'active' || status === 'inactive' ? status : 'unknown';

/** Now, again every second while `ticking` (for a countdown). */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

/** A set still to come: after the other one, waiting in the queue (with the seconds left), or on its way. */
function Pending<T>({ label, step, now }: { label: string; step: OpenDataStep<T>; now: number }) {
  const text =
    step.state === 'queued'
      ? t('openDataQueued', String(Math.max(1, Math.ceil((step.sendAt - now) / 1000))))
      : step.state === 'sending'
        ? t('openDataSending')
        : t('openDataWaiting');
  return (
    <p class="cl-muted" data-testid="open-data-wait" data-state={step.state} aria-busy="true">
      {label}: {text}
    </p>
  );
}

/** The open data's status pill: active, inactive, or an insolvency (each its own words). */
export function OpenDataStatusPill({ company }: { company: OpenDataCompany }) {
  return (
    <span class={`cl-pill cl-pill-${pillClass(company.status)}`} data-testid="open-data-status">
      {openDataStatusLabel(company)}
    </span>
  );
}

function CompanyData({ company, compact }: { company: OpenDataCompany; compact: boolean }) {
  const lang = uiLanguage();
  const activities = compact ? company.activities.slice(0, 1) : company.activities;
  return (
    <dl class="cl-facts">
      <dt>{t('openDataStatus')}</dt>
      <dd>
        <OpenDataStatusPill company={company} />
      </dd>
      {company.legalForm && (
        <>
          <dt>{t('popupLegalForm')}</dt>
          <dd data-testid="open-data-legal-form">{company.legalForm.name ?? company.legalForm.code}</dd>
        </>
      )}
      {company.startDate && (
        <>
          <dt>{t('popupStartDate')}</dt>
          <dd data-testid="open-data-start">{formatDate(company.startDate, lang)}</dd>
        </>
      )}
      {activities.length > 0 && (
        <>
          <dt>{compact ? t('popupMainActivity') : t('popupProfileActivities')}</dt>
          <dd>
            <ul class="cl-plain" data-testid="open-data-activities">
              {activities.map((a) => (
                <li key={a.code}>
                  {`${a.code} ${a.description}`.trim()}
                  {a.main && !compact ? ` (${t('popupProfileMain')})` : ''}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {company.postcodeRegion && !compact && (
        <>
          <dt>{t('openDataRegion')}</dt>
          <dd data-testid="open-data-region">{company.postcodeRegion}</dd>
        </>
      )}
    </dl>
  );
}

function Filed({ accounts, kvkNumber, compact }: { accounts: FiledAccounts; kvkNumber: string; compact: boolean }) {
  const lang = uiLanguage();
  if (accounts.years.length === 0)
    return (
      <p data-testid="open-data-filed">
        {t('openDataFiledNone')} <ExternalLink href={kvkOrderLink(kvkNumber)}>{t('openDataOrderLink')}</ExternalLink>
      </p>
    );
  const adopted = accounts.years.filter((y) => y.adoptedOn);
  return (
    <>
      <p data-testid="open-data-filed">{t('openDataFiled', accounts.years.map((y) => String(y.year)).join(', '))}</p>
      {!compact && adopted.length > 0 && (
        <ul class="cl-plain cl-muted" data-testid="open-data-adopted">
          {adopted.map((y) => (
            <li key={y.year}>{t('openDataAdopted', [String(y.year), formatDate(y.adoptedOn!, lang)])}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * KVK's open data of one number as far as it has come: each set waiting (with the seconds until it is sent), its
 * answer, or its error in words; the source, its age and the attribution the CC BY 4.0 licence asks for. `compact`:
 * the card's shorter form (main activity only, no region, no adoption dates).
 */
export function OpenDataFacts({ progress, compact = false }: { progress: OpenDataProgress; compact?: boolean }) {
  const { basis, accounts } = progress;
  const now = useNow(basis.state === 'queued' || accounts.state === 'queued');
  return (
    <div class="cl-open-data" data-testid="open-data-result">
      {basis.state !== 'done' && basis.state !== 'skipped' && (
        <Pending label={t('openDataBasis')} step={basis} now={now} />
      )}
      {basis.state === 'done' && !basis.part.ok && <ErrorMessage error={basis.part.error} />}
      {basis.state === 'done' && basis.part.ok && <CompanyData company={basis.part.value} compact={compact} />}
      {accounts.state === 'done' &&
        (accounts.part.ok ? (
          <Filed accounts={accounts.part.value} kvkNumber={progress.kvkNumber} compact={compact} />
        ) : (
          <ErrorMessage error={accounts.part.error} />
        ))}
      {basis.state === 'done' && basis.part.ok && accounts.state !== 'done' && accounts.state !== 'skipped' && (
        <Pending label={t('openDataAccounts')} step={accounts} now={now} />
      )}
      {basis.state === 'done' && basis.part.ok && (
        <>
          <PartSource source="kvk-open" fetchedAt={basis.part.fetchedAt} cached={basis.part.cached} />
          <p class="cl-source cl-muted" data-testid="open-data-licence">
            {t('openDataLicence')}
          </p>
        </>
      )}
    </div>
  );
}
