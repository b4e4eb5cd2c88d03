// Which parts of a page the scanner reads, and how text is grouped into blocks. DOM-side but tiny and pure.

/** Tag name of the host element of the extension's own UI (the card): the scanner never reads inside it. */
export const EXTENSION_UI_TAG = 'company-lens-ui';

/** Elements whose text is never scanned: code, styles, form fields, templates, the extension's own UI. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'head',
  'title',
  'iframe',
  'object',
  EXTENSION_UI_TAG,
]);

/**
 * Inline elements: their text belongs to the enclosing block, so `<b>KvK</b> 33014286` is read as one sentence.
 * Any element not listed is a block (a paragraph, a cell, a list item, a div…).
 */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);

/** True for an element whose own text and subtree are never scanned. */
export function isSkippedElement(el: Element): boolean {
  return SKIP.has(el.localName) || isEditable(el);
}

/**
 * True when the element itself is marked editable. Read from the attribute, not `isContentEditable`, which makes
 * Chromium bring style up to date (a forced style recalculation on a page that is changing).
 */
function isEditable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v !== 'false';
}

/** True for a text node whose parent is skipped (the text of a script, a style, a textarea…). */
export function isSkippedText(text: Text): boolean {
  const parent = text.parentElement;
  return parent !== null && isSkippedElement(parent);
}

/** True for an element that only continues its parent's text. */
export function isInlineElement(el: Element): boolean {
  return INLINE.has(el.localName);
}

/** The block a node's text belongs to: the nearest non-inline ancestor element (or the root it hangs from). */
export function blockOf(node: Node): Node {
  let n: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (n && n.nodeType === Node.ELEMENT_NODE && INLINE.has((n as Element).localName)) {
    const up: Node | null = n.parentNode;
    if (!up) break;
    n = up;
  }
  return n ?? node;
}

/** True when `node` or one of its ancestors (up to its tree's root) is skipped. */
export function isInSkippedSubtree(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && isSkippedElement(n as Element)) return true;
  }
  return node.ownerDocument?.designMode === 'on';
}
