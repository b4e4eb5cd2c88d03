import { Component } from 'preact';
import { t } from '../../utils/i18n';
import type { Row } from '../../utils/report/schema';
import { COLUMNS, header, type Column } from './cells';

/** One table row: its strings, its report row, and a key. */
export interface TableRow {
  key: string;
  row: Row;
  cells: Record<Column, string>;
}

/** How the table is sorted: a column and a direction, or report order. */
export type Sort = { column: Column; direction: 'ascending' | 'descending' } | undefined;

/** The CSS class of a row's VIES cell and status cell (colour only repeats what the text says). */
function tone(row: Row, column: Column): string | undefined {
  if (column === 'vies') {
    const verdict = row.result?.vies?.verdict;
    if (row.state === 'unavailable' || verdict === 'unavailable') return 'cl-r-unavailable';
    return verdict === 'valid' ? 'cl-r-ok' : verdict === 'invalid' ? 'cl-r-bad' : undefined;
  }
  if (column === 'checksum' && row.checksum === 'invalid') return 'cl-r-bad';
  if (column === 'status') {
    const status = row.result?.status;
    if (status === 'active') return 'cl-r-ok';
    if (status === 'inactive' || status === 'bankrupt' || status === 'not-found') return 'cl-r-bad';
  }
  return undefined;
}

/** A table row that renders again only when its strings changed (reports hold up to 2,000 rows). */
class ReportRow extends Component<{ item: TableRow }> {
  shouldComponentUpdate(next: { item: TableRow }): boolean {
    const a = this.props.item.cells;
    const b = next.item.cells;
    return COLUMNS.some((c) => a[c] !== b[c]);
  }

  render() {
    const { row, cells } = this.props.item;
    return (
      <tr data-row={`${row.kind}:${row.value}`} data-state={row.state}>
        {COLUMNS.map((c) =>
          c === 'number' ? (
            <th key={c} scope="row" data-col={c}>
              <code>{cells[c]}</code>
            </th>
          ) : (
            <td key={c} class={tone(row, c)} data-col={c}>
              {c === 'consultation' ? <code>{cells[c]}</code> : cells[c]}
            </td>
          ),
        )}
      </tr>
    );
  }
}

/** The report's table: sortable by any column (the header buttons), rows as text, never HTML. */
export function ReportTable({
  items,
  sort,
  onSort,
}: {
  items: TableRow[];
  sort: Sort;
  onSort: (column: Column) => void;
}) {
  return (
    <div class="cl-r-scroll">
      <table class="cl-r-table" data-testid="report-table">
        <caption>{t('reportTableCaption')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" aria-sort={sort?.column === c ? sort.direction : undefined}>
                <button type="button" class="cl-r-sort" onClick={() => onSort(c)} data-col={c}>
                  {header(c)}
                  <span aria-hidden="true">
                    {sort?.column === c ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <ReportRow key={item.key} item={item} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
