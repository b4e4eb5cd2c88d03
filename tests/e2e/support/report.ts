import { expect, type BrowserContext, type Page } from '@playwright/test';

// The report page as a test reads it: the table's cells (what the CSV must equal), the counts, and waiting for the run.

/** The table as shown: header texts and each row's cell texts, in order. */
export interface ShownTable {
  headers: string[];
  rows: string[][];
}

/** Reads the report table's header and body cells (textContent, whitespace collapsed). */
export function readTable(page: Page): Promise<ShownTable> {
  return page.getByTestId('report-table').evaluate((table) => {
    const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const headers = [...table.querySelectorAll('thead th')].map(text);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text));
    return { headers, rows };
  });
}

/** The table's rows keyed by their `number` column, each as { column header: text }. */
export async function rowsByNumber(page: Page): Promise<Map<string, Record<string, string>>> {
  const { headers, rows } = await readTable(page);
  const number = headers.indexOf('Number');
  return new Map(rows.map((cells) => [cells[number]!, Object.fromEntries(headers.map((h, i) => [h, cells[i]!]))]));
}

/** Waits until no row is waiting or being checked (rows of a member state that is down count as settled). */
export async function waitUntilSettled(page: Page, timeout = 25_000): Promise<void> {
  await expect(page.locator('tbody tr[data-state="waiting"]')).toHaveCount(0, { timeout });
  await expect(page.getByTestId('report-table')).not.toContainText('checking…');
}

/** Opens the report page of a report made elsewhere: the tab the popup opened, once it is there. */
export async function reportTab(context: BrowserContext, click: () => Promise<void>): Promise<Page> {
  const opened = context.waitForEvent('page', (p) => p.url().includes('/report.html#'));
  await click();
  const page = await opened;
  await page.waitForLoadState('domcontentloaded');
  return page;
}

/** A minimal RFC 4180 reader for the report's CSV (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
