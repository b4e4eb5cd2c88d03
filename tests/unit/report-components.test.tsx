// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { speakEnglish } from './support/english';
import { rowCells } from '../../components/report/cells';
import { ReportTable } from '../../components/report/report-table';
import { newReport } from '../../utils/report/new-report';
import { rowKey } from '../../utils/report/schema';

// The report table: registry text as text, the words of each verdict, sorting announced to screen readers.

const T0 = Date.UTC(2026, 10, 23, 9);

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
});

function items() {
  const report = newReport({
    id: 'report-ui',
    now: T0,
    source: { type: 'list' },
    items: [
      { kind: 'kvk', value: '90006623', written: '<b>90006623</b>' },
      { kind: 'vat', value: 'DE813442018' },
      { kind: 'vat', value: 'NL004123987B76' },
    ],
    paidServices: { kbodata: false },
  });
  const [xss, de, nl] = report.rows;
  const payload = 'Webwinkel <img src=x onerror=alert(1)>';
  Object.assign(xss!, {
    state: 'done',
    result: {
      name: payload,
      status: 'active',
      sources: [{ service: 'kvk', fetchedAt: T0 - 3 * 3600_000, cached: true }],
    },
  });
  Object.assign(de!, { state: 'unavailable', reason: 'MS_UNAVAILABLE', nextTryAt: T0 + 60_000 });
  Object.assign(nl!, {
    state: 'done',
    result: {
      vies: { verdict: 'invalid', memberState: 'NL', checkedAt: T0 },
      sources: [{ service: 'vies', fetchedAt: T0, cached: false }],
    },
  });
  return report.rows.map((row) => ({ key: rowKey(row), row, cells: rowCells(row, report.meta, T0) }));
}

describe('report table', () => {
  it('shows registry text as text, and each verdict in words (an outage never as invalid)', () => {
    const root = document.createElement('div');
    render(<ReportTable items={items()} sort={undefined} onSort={() => undefined} />, root);
    expect(root.querySelector('img, b')).toBeNull();
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent ?? ''));
    expect(rows[0]).toContain('Webwinkel <img src=x onerror=alert(1)>');
    expect(rows[0]).toContain('<b>90006623</b>');
    expect(rows[0]!.at(-1)).toBe('KVK (from the cache, 3 hours ago)');
    expect(rows[1]!.slice(5, 7)).toEqual(['cannot be checked now', 'cannot be checked now (Germany not answering)']);
    expect(rows[2]!.slice(5, 7)).toEqual(['', 'invalid']);
  });

  it('says which column sorts the table, and which way', () => {
    const root = document.createElement('div');
    const onSort = vi.fn();
    render(<ReportTable items={items()} sort={{ column: 'name', direction: 'descending' }} onSort={onSort} />, root);
    const sorted = root.querySelectorAll('th[aria-sort]');
    expect([...sorted].map((th) => [th.textContent?.replace(/\s*▼/, ''), th.getAttribute('aria-sort')])).toEqual([
      ['Name', 'descending'],
    ]);
    (root.querySelector('button[data-col="vies"]') as HTMLButtonElement).click();
    expect(onSort).toHaveBeenCalledWith('vies');
  });
});
