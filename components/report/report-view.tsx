import { useEffect, useMemo, useState } from 'preact/hooks';
import { memberStateName, SERVICE_NAMES } from '../../utils/error-messages';
import { formatDateTime } from '../../utils/format-display';
import { t, uiLanguage } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging/send';
import type { REPORT_COMMANDS } from '../../utils/messaging/background-messages';
import { rowKey, type Report, type ReportSource } from '../../utils/report/schema';
import { countRows, failedRows, FILTERS, matchesFilter, sortedOrder, type Filter } from '../../utils/report/view';
import { rowCells, stamp, type Column } from './cells';
import { PaidStep } from './paid-step';
import { ReportExport } from './report-export';
import { ReportTable, type Sort, type TableRow } from './report-table';
import { useReport } from './use-report';

type Command = (typeof REPORT_COMMANDS)[number];

const FILTER_KEYS = {
  all: 'reportFilterAll',
  invalid: 'reportFilterInvalid',
  unavailable: 'reportFilterUnavailable',
  inactive: 'reportFilterInactive',
} as const;

/** Where the numbers came from, in words: the page's address, or "a pasted list". */
export const sourceWords = (source: ReportSource): string =>
  source.type === 'page' ? source.url : t('reportSourceList');

/** A lane's name: a member state's, or a service's. */
function laneName(lane: string): string {
  const [service, state] = lane.split(':');
  if (state) return memberStateName(state, uiLanguage(), t('errorNorthernIreland'));
  return SERVICE_NAMES[service as keyof typeof SERVICE_NAMES] ?? service!;
}

/** Sends a command for the report; the page follows the result through storage. */
const command = (id: string, c: Command) =>
  sendMessage({ type: 'report-command', id, command: c }).catch(() => ({ done: false }));

/** One report: where it came from, its progress, its controls, the paid step, the table and the files. */
export function ReportView({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const view = useReport(id);
  useEffect(() => {
    void command(id, 'wake'); // a running report goes on (the worker may have been stopped)
  }, [id]);
  if (view.phase === 'loading') return <p aria-busy="true">{t('popupPageLoading')}</p>;
  if (view.phase === 'missing')
    return (
      <p data-testid="report-missing">
        {t('reportMissing')} <a href="#new">{t('reportAllReports')}</a>
      </p>
    );
  return <ReportBody report={view.report} dropped={view.dropped} onDeleted={onDeleted} />;
}

function ReportBody({ report, dropped, onDeleted }: { report: Report; dropped: number; onDeleted: () => void }) {
  const { meta } = report;
  const [filter, setFilter] = useState<Filter>('all');
  const [sort, setSort] = useState<Sort>(undefined);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const lang = uiLanguage();
  const [printedAt, setPrintedAt] = useState(() => Date.now());
  useEffect(() => {
    const onPrint = () => setPrintedAt(Date.now());
    window.addEventListener('beforeprint', onPrint);
    return () => window.removeEventListener('beforeprint', onPrint);
  }, []);
  // The cache notes' ages are as of the last save (each save renders the rows again).
  const items: TableRow[] = useMemo(() => {
    const now = Date.now();
    return report.rows.map((row) => ({ key: rowKey(row), row, cells: rowCells(row, report.meta, now) }));
  }, [report]);
  const shown = useMemo(() => {
    const filtered = items.filter((i) => matchesFilter(i.row, filter));
    if (!sort) return filtered;
    return sortedOrder(
      filtered.map((i) => i.cells[sort.column]),
      sort.direction,
    ).map((i) => filtered[i]!);
  }, [items, filter, sort]);
  const counts = countRows(report.rows);
  const failed = failedRows(report).length;
  const onSort = (column: Column) =>
    setSort((s) =>
      s?.column !== column
        ? { column, direction: 'ascending' }
        : s.direction === 'ascending'
          ? { column, direction: 'descending' }
          : undefined,
    );
  const run = (c: Command) => void command(meta.id, c);
  const remove = async () => {
    await command(meta.id, 'delete');
    onDeleted();
  };
  const lanes = Object.entries(meta.lanes);
  const checked = counts.done + counts.failed;

  return (
    <>
      <header class="cl-r-header">
        <h1>{t('reportTitle')}</h1>
        <p>
          {t('reportMadeOn', formatDateTime(meta.createdAt, lang))} · {t('reportSourceLabel', sourceWords(meta.source))}
        </p>
        <p data-testid="report-requester">
          {meta.requesterVat ? t('reportRequester', meta.requesterVat) : t('reportNoRequester')}
        </p>
        <p class="cl-r-print-only">{t('reportPrintedOn', stamp(printedAt))}</p>
      </header>

      {dropped > 0 && <p class="cl-r-warn">{t('reportDropped', String(dropped))}</p>}
      {meta.saveFailed && <p class="cl-r-warn">{t('reportSaveFailed')}</p>}

      <section class="cl-r-progress" aria-labelledby="cl-r-counts">
        <progress max={counts.total} value={checked} aria-labelledby="cl-r-counts" />
        <p id="cl-r-counts" role="status" data-testid="report-counts">
          {t('reportProgress', [String(checked), String(counts.total)])} · {t('reportCountDone', String(counts.done))} ·{' '}
          {t('reportCountWaiting', String(counts.waiting))} · {t('reportCountFailed', String(counts.failed))}
        </p>
        <p data-testid="report-status" data-status={meta.status}>
          {meta.status === 'running'
            ? counts.waiting === 0 && meta.inFlight.length === 0
              ? t('reportStatusWaitingLanes')
              : t('reportStatusRunning')
            : meta.status === 'paused'
              ? t('reportStatusPaused')
              : meta.status === 'cancelled'
                ? t('reportStatusCancelled')
                : t('reportStatusFinished')}
        </p>
        {lanes.length > 0 && (
          <ul class="cl-r-lanes" data-testid="report-lanes">
            {lanes.map(([lane, l]) => (
              <li key={lane}>
                {l.downUntil !== undefined
                  ? t('reportLaneWaiting', [laneName(lane), stamp(l.downUntil).slice(11)])
                  : t('reportLaneGivenUp', laneName(lane))}
              </li>
            ))}
          </ul>
        )}
        <p class="cl-r-actions cl-r-controls">
          {meta.status === 'running' && (
            <button type="button" class="cl-secondary" onClick={() => run('pause')}>
              {t('reportPause')}
            </button>
          )}
          {meta.status === 'paused' && (
            <button type="button" onClick={() => run('resume')}>
              {t('reportResume')}
            </button>
          )}
          {(meta.status === 'running' || meta.status === 'paused') && (
            <button type="button" class="cl-secondary" onClick={() => run('cancel')}>
              {t('reportCancel')}
            </button>
          )}
          {failed > 0 && meta.status !== 'cancelled' && (
            <button type="button" onClick={() => run('retry-failed')} data-testid="retry-failed">
              {t('reportRetry', String(failed))}
            </button>
          )}
          {meta.status !== 'cancelled' && (
            <button type="button" class="cl-secondary" onClick={() => run('check-again')}>
              {t('reportCheckAgain')}
            </button>
          )}
          {confirmDelete ? (
            <>
              <button type="button" class="cl-danger" onClick={() => void remove()}>
                {t('reportDeleteConfirm')}
              </button>
              <button type="button" class="cl-secondary" onClick={() => setConfirmDelete(false)}>
                {t('reportDeleteKeep')}
              </button>
            </>
          ) : (
            <button type="button" class="cl-secondary" onClick={() => setConfirmDelete(true)}>
              {t('reportDelete')}
            </button>
          )}
        </p>
      </section>

      <PaidStep report={report} onCommand={run} />

      <fieldset class="cl-r-filters">
        <legend>{t('reportFilterLegend')}</legend>
        {FILTERS.map((f) => (
          <label key={f}>
            <input type="radio" name="cl-r-filter" value={f} checked={filter === f} onChange={() => setFilter(f)} />{' '}
            {t(FILTER_KEYS[f])}
          </label>
        ))}
        <span class="cl-hint" data-testid="report-shown">
          {t('reportRowsShown', [String(shown.length), String(items.length)])}
        </span>
      </fieldset>

      <ReportTable items={shown} sort={sort} onSort={onSort} />
      <ReportExport report={report} shown={shown} />
      <p class="cl-r-print-only cl-hint">{t('reportPrintFooter')}</p>
    </>
  );
}
