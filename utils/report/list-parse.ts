// "Check a list": every identifier in pasted text — a spreadsheet column or table, a CSV, an e-mail — taken with the
// identifier engine, not a line split. Pure, zod-free.
//
// Two passes over the same text: the engine over the whole text (numbers that name themselves, labels in sentences,
// a label line before a number), and, when the text is a table whose first line is a header, each cell with its
// column's header as its label (the engine's contract: "label TAB value"), so a column of bare KVK numbers under
// "KvK-nummer" counts like a table on a page does. A number the first pass found is not read again.
import { findIdentifiers } from '../identifiers/find';
import type { Checksum, IdentifierKind, IdentifierMatch } from '../identifiers/types';

/** One identifier of the list, once, in the order of first occurrence. */
export interface ListItem {
  kind: IdentifierKind;
  value: string;
  /** As written in the text (whitespace collapsed, at most 60 characters). */
  written: string;
  checksum: Checksum;
}

/** Cell separators tried for a table, in this order (a spreadsheet copies as tab-separated text). */
const SEPARATORS = ['\t', ';', ','] as const;

/** A header cell worth being a label: it has letters and no digit. */
const HEADER_CELL = /^[^\d]*\p{L}[^\d]*$/u;

const written = (text: string, m: IdentifierMatch) =>
  text.slice(m.start, m.end).replace(/\s+/g, ' ').trim().slice(0, 60);

/** A line's cells with their start offsets within the line (no quote handling: numbers hold no separators). */
function cells(line: string, separator: string | undefined): { text: string; at: number }[] {
  if (separator === undefined) return [{ text: line, at: 0 }];
  const out: { text: string; at: number }[] = [];
  let at = 0;
  for (const text of line.split(separator)) {
    out.push({ text, at });
    at += text.length + separator.length;
  }
  return out;
}

/** The header's labels (quotes stripped), when the first non-blank line looks like a header, and its separator. */
function tableHeader(lines: string[]): { labels: string[]; separator: string | undefined; line: number } | null {
  const line = lines.findIndex((l) => l.trim() !== '');
  if (line < 0 || line === lines.length - 1) return null;
  const head = lines[line]!;
  const separator = SEPARATORS.find((s) => head.includes(s));
  const labels = cells(head, separator).map((c) => c.text.trim().replace(/^"(.*)"$/, '$1'));
  return labels.some((l) => HEADER_CELL.test(l)) ? { labels, separator, line } : null;
}

/** Every identifier in `text`, each once (by kind and canonical value), in text order. */
export function identifiersInText(text: string): ListItem[] {
  const found: (IdentifierMatch & { written: string })[] = findIdentifiers(text).map((m) => ({
    ...m,
    written: written(text, m),
  }));
  const header = tableHeader(text.split('\n'));
  if (header) {
    const taken = found.map((m) => [m.start, m.end] as const);
    const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && s < end);
    const lines = text.split('\n');
    let offset = lines.slice(0, header.line + 1).reduce((n, l) => n + l.length + 1, 0);
    for (const line of lines.slice(header.line + 1)) {
      for (const [column, cell] of cells(line, header.separator).entries()) {
        const label = header.labels[column];
        if (!label || !HEADER_CELL.test(label)) continue;
        // The label and a tab before the cell: matches' offsets are then shifted by the label's length + 1.
        const shift = label.length + 1;
        for (const m of findIdentifiers(`${label}\t${cell.text}`)) {
          const start = offset + cell.at + m.start - shift;
          const end = offset + cell.at + m.end - shift;
          if (m.start < shift || overlaps(start, end)) continue;
          found.push({ ...m, start, end, written: written(text, { ...m, start, end }) });
        }
      }
      offset += line.length + 1;
    }
    found.sort((a, b) => a.start - b.start);
  }
  const byKey = new Map<string, ListItem>();
  for (const m of found) {
    const key = `${m.kind}:${m.value}`;
    if (!byKey.has(key)) byKey.set(key, { kind: m.kind, value: m.value, written: m.written, checksum: m.checksum });
  }
  return [...byKey.values()];
}
