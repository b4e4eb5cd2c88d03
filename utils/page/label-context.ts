// The text in front of a block that may hold its label: the previous cell (TAB), the column header, a <dt> for its
// <dd>, or the previous line/block (NEWLINE). The identifier engine reads it as context; it is never highlighted.
import { isSkippedElement } from './dom-rules';

/** At most this many characters of a neighbour are given as context (labels are short). */
const MAX_CONTEXT = 80;

/** At most this many nodes are visited backwards for one label (a label is a node or two). */
const MAX_NODES = 24;

/**
 * The last line of an element's text, at most MAX_CONTEXT characters, read backwards from its end (no textContent:
 * the previous sibling may be a huge subtree; no TreeWalker: this runs for every block that holds a number).
 */
export function lastLineOf(el: Element): string {
  if (isSkippedElement(el)) return '';
  let text = '';
  let n: Node | null = el.lastChild;
  for (let visited = 0; n && visited < MAX_NODES; visited++) {
    if (n.nodeType === Node.TEXT_NODE) {
      text = (n as Text).data + text;
      if (text.length >= MAX_CONTEXT || text.trimEnd().includes('\n')) break;
    } else if (n.nodeType === Node.ELEMENT_NODE && n.lastChild && !isSkippedElement(n as Element)) {
      n = n.lastChild;
      continue;
    }
    while (n && n !== el && !n.previousSibling) n = n.parentNode;
    n = n && n !== el ? n.previousSibling : null;
  }
  text = text.trim();
  const nl = text.lastIndexOf('\n');
  if (nl >= 0) text = text.slice(nl + 1);
  return text.length > MAX_CONTEXT ? text.slice(-MAX_CONTEXT) : text;
}

function headerForCell(cell: HTMLTableCellElement): string {
  const row = cell.parentElement;
  const table = row?.closest('table');
  if (!row || !table || !('rows' in table)) return '';
  const first = (table as HTMLTableElement).rows[0];
  if (!first || first === row) return '';
  const head = first.cells[cell.cellIndex];
  return head && head.localName === 'th' ? lastLineOf(head) : '';
}

/**
 * The context to put before a block's own text: e.g. `KvK\t` for a cell after a `KvK` cell, `Ondernemingsnummer\n`
 * for a <dd> after its <dt> or a line after a label line. Empty when there is nothing before the block.
 */
export function labelContextFor(block: Node): string {
  if (block.nodeType !== Node.ELEMENT_NODE) return '';
  const el = block as Element;
  const name = el.localName;
  if (name === 'td' || name === 'th') {
    const header = headerForCell(el as HTMLTableCellElement);
    const prev = el.previousElementSibling;
    const prevText = prev ? lastLineOf(prev) : '';
    return (header ? `${header}\n` : '') + (prevText ? `${prevText}\t` : '');
  }
  if (name === 'dd') {
    for (let p = el.previousElementSibling; p; p = p.previousElementSibling) {
      if (p.localName === 'dt') return `${lastLineOf(p)}\n`;
    }
    return '';
  }
  const prev = el.previousElementSibling;
  if (prev) {
    const text = lastLineOf(prev);
    return text ? `${text}\n` : '';
  }
  // First child of its parent: the parent's own text before it (`<div>KvK<div>33014286</div></div>`).
  let before = '';
  for (let n = el.previousSibling; n && before.length < MAX_CONTEXT; n = n.previousSibling) {
    if (n.nodeType === Node.TEXT_NODE) before = (n as Text).data + before;
  }
  before = before.trim();
  return before ? `${before.slice(-MAX_CONTEXT)}\n` : '';
}
