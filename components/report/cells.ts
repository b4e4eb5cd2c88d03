// The report table's words: one string per column for each row, the same strings the table shows and the CSV holds
// (so the CSV equals the table), in the UI language.
import { memberStateName, SERVICE_NAMES, wordError } from '../../utils/error-messages';
import { formatAge } from '../../utils/format-display';
import { formatIdentifier } from '../../utils/identifiers/format';
import { t, uiLanguage, type MessageKey } from '../../utils/i18n';
import { rowKey, type ReportMeta, type Row } from '../../utils/report/schema';
import { kindLabel, statusLabel } from '../company/labels';
import { say } from '../error-message';

/** The table's columns, in order. */
export const COLUMNS = [
  'kind',
  'written',
  'number',
  'checksum',
  'name',
  'status',
  'vies',
  'consultation',
  'checkedAt',
  'source',
] as const;
export type Column = (typeof COLUMNS)[number];

const HEADERS: Record<Column, MessageKey> = {
  kind: 'reportColKind',
  written: 'reportColWritten',
  number: 'reportColNumber',
  checksum: 'reportColChecksum',
  name: 'reportColName',
  status: 'reportColStatus',
  vies: 'reportColVies',
  consultation: 'reportColConsultation',
  checkedAt: 'reportColCheckedAt',
  source: 'reportColSource',
};

/** The column's header. */
export const header = (column: Column): string => t(HEADERS[column]);

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-23 09:30`, local time: short, unambiguous in every language, and sorts as text. */
export function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const country = (code: string) => memberStateName(code, uiLanguage(), t('errorNorthernIreland'));

/** Why VIES could not check, in a few words (a member state's name where one is meant). */
export function reasonWords(reason: string | undefined, memberState: string): string {
  switch (reason) {
    case 'MS_UNAVAILABLE':
      return t('reportReasonMemberStateDown', country(memberState));
    case 'MS_MAX_CONCURRENT_REQ':
    case 'MS_MAX_CONCURRENT_REQ_TIME':
      return t('reportReasonMemberStateBusy', country(memberState));
    case 'GLOBAL_MAX_CONCURRENT_REQ':
    case 'GLOBAL_MAX_CONCURRENT_REQ_TIME':
    case 'SERVICE_UNAVAILABLE':
      return t('reportReasonViesBusy');
    case 'TIMEOUT':
      return t('reportReasonTimeout');
    case 'INVALID_INPUT':
      return t('reportReasonInvalidInput');
    case 'VAT_BLOCKED':
    case 'IP_BLOCKED':
      return t('reportReasonBlocked');
    case 'INVALID_REQUESTER_INFO':
      return t('reportReasonRequester');
    default:
      return t('reportReasonNoAnswer');
  }
}

/** The member state VIES is asked about for a row (Belgian enterprise numbers as `BE`). */
const memberStateOf = (row: Row) =>
  row.result?.vies?.memberState ?? (row.kind === 'vat' ? row.value.slice(0, 2) : 'BE');

/** A row that asks VIES: VAT numbers and Belgian enterprise numbers. */
const asksVies = (row: Row) => row.kind === 'vat' || row.kind === 'kbo';

function statusCell(row: Row, checking: boolean): string {
  const res = row.result;
  if (row.checksum === 'invalid') return t('reportNotChecked');
  if (checking) return t('reportStateChecking');
  if (row.state === 'waiting') return t('reportStateWaiting');
  if (row.state === 'error' && res?.error) return say(wordError(res.error).message);
  if (res?.status === 'not-found') return t('reportStatusNotFound');
  if (res?.status) return statusLabel(res.status);
  if (row.kind === 'kbo-establishment') return t('reportPaidOnly');
  return row.state === 'unavailable' ? t('reportStateUnavailable') : '';
}

function viesCell(row: Row): string {
  if (!asksVies(row) || row.checksum === 'invalid') return '';
  const vies = row.result?.vies;
  if (vies && vies.verdict !== 'unavailable')
    return vies.verdict === 'valid' ? t('reportViesValid') : t('reportViesInvalid');
  if (vies || row.state === 'unavailable' || row.state === 'error')
    return t('reportViesUnavailable', reasonWords(vies?.reason ?? row.reason, memberStateOf(row)));
  return '';
}

function sourceCell(row: Row, now: number): string {
  const sources = row.result?.sources ?? [];
  return sources
    .map((s) => {
      const name = SERVICE_NAMES[s.service];
      const notes = [
        ...(s.cached ? [t('reportFromCache', formatAge(s.fetchedAt, now, uiLanguage()))] : []),
        ...(s.demo ? [t('popupDemoData')] : []),
      ];
      return notes.length ? `${name} (${notes.join(', ')})` : name;
    })
    .join(', ');
}

/** When the answers were given: the latest source's (an answer from the cache keeps its own time). */
function checkedAt(row: Row): string {
  const times = row.result?.sources.map((s) => s.fetchedAt) ?? [];
  return times.length ? stamp(Math.max(...times)) : '';
}

/** The strings of one row, column by column. */
export function rowCells(row: Row, meta: ReportMeta, now: number): Record<Column, string> {
  const checking = meta.inFlight.includes(rowKey(row));
  return {
    kind: kindLabel(row.kind),
    written: row.written,
    number: formatIdentifier(row.kind, row.value),
    checksum:
      row.checksum === 'valid'
        ? t('popupCheckValidShort')
        : row.checksum === 'invalid'
          ? t('popupCheckInvalidShort')
          : t('popupCheckNoneShort'),
    name: row.result?.name ?? '',
    status: statusCell(row, checking),
    vies: viesCell(row),
    consultation: row.result?.vies?.consultationNumber ?? '',
    checkedAt: checkedAt(row),
    source: sourceCell(row, now),
  };
}
