// The scan itself: walks a subtree's text nodes in DOM order, groups them into blocks (paragraph, cell, list item…),
// gives each block that may hold a number to the identifier engine with its label context, and maps the matches back
// to DOM Ranges. Resumable: `step(deadline)` does a slice of work and returns whether the subtree is done.
import type { IdentifierMatch } from '../identifiers/types';
import { blockOf, isInlineElement, isInSkippedSubtree, isSkippedElement } from './dom-rules';
import { labelContextFor } from './label-context';

/** The identifier engine as the scanner sees it (injected, so tests can pass a fake). */
export type Detector = (text: string) => IdentifierMatch[];

/** One match found in the page: what the engine said plus the live Range over the number as written. */
export interface FoundMatch {
  kind: IdentifierMatch['kind'];
  value: string;
  checksum: IdentifierMatch['checksum'];
  range: Range;
  /** The text nodes the number spans (usually one). */
  nodes: Text[];
  /** The block it was found in (rescanned as a whole when any of its text changes). */
  block: Node;
}

/**
 * Every identifier has at least five digits with at most one separator between two of them (the shortest is the
 * Irish VAT `IE8Z49289F`): blocks without such a run are not given to the engine at all.
 */
export const MAY_HOLD_IDENTIFIER = /\d(?:[\s.\-\u2010-\u2015\u2212/]?\d){4}/;
const DIGIT = /\d/;
/** The clock is read once every this many text nodes (a block handed to the engine counts as BLOCK_WEIGHT nodes). */
const CHECK_EVERY = 128;
const BLOCK_WEIGHT = 32;

/** A digit at either end of a text node: the number may continue in the next or previous node (`3301<b>4286</b>`). */
const DIGIT_AT_EDGE = /^[\s.\-/]*\d|\d[\s.\-/]*$/;

/**
 * A resumable scan of one subtree. The hot path only reads each text node and tests it for a digit; the block a
 * node belongs to is gathered and read (once) only when that node may be part of an identifier.
 */
export class BlockScanner {
  private readonly walker: TreeWalker;
  private readonly doc: Document;
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  /** Blocks already read in this scan (a block is read at its first promising node). */
  private readonly read = new Set<Node>();
  private blockParent: Node | null = null;
  private parentSkipped = false;
  private done = false;

  constructor(
    readonly root: Node,
    private readonly detect: Detector,
    private readonly onMatch: (match: FoundMatch) => void,
  ) {
    this.doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
    this.walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    this.done = isInSkippedSubtree(root);
  }

  /** False when the node the walk stands on was removed from the page meanwhile (the subtree must be rescanned). */
  get intact(): boolean {
    const current = this.walker.currentNode;
    return current === this.root || (current.isConnected && this.root.contains(current));
  }

  /** Scans until done or until `performance.now()` passes `deadline`. Returns true when the subtree is done. */
  step(deadline: number): boolean {
    if (this.done) return true;
    const walker = this.walker;
    let count = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const data = (n as Text).data;
      count++;
      if (DIGIT.test(data) && (MAY_HOLD_IDENTIFIER.test(data) || DIGIT_AT_EDGE.test(data))) {
        this.readBlockOf(n as Text);
        count += BLOCK_WEIGHT;
      }
      if (count >= CHECK_EVERY) {
        count = 0;
        if (performance.now() >= deadline) return false;
      }
    }
    this.read.clear();
    this.done = true;
    return true;
  }

  /** Reads the block `text` belongs to, unless already read or skipped, and hands it to the engine. */
  private readBlockOf(text: Text): void {
    const block = blockOf(text);
    if (this.read.has(block)) return;
    this.read.add(block);
    const up = block.parentNode;
    if (up !== this.blockParent) {
      this.blockParent = up;
      this.parentSkipped = up ? isInSkippedSubtree(up) : false;
    }
    if (this.parentSkipped || (block.nodeType === Node.ELEMENT_NODE && isSkippedElement(block as Element))) return;
    const nodes = this.nodes;
    nodes.length = 0;
    collectOwnText(block, nodes);
    if (nodes.length) this.detectIn(block, nodes);
    nodes.length = 0;
  }

  private detectIn(block: Node, nodes: Text[]): void {
    const starts = this.starts;
    starts.length = 0;
    let text = '';
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (i > 0 && isAfterBreak(node)) text += '\n';
      starts.push(text.length);
      text += node.data;
    }
    if (!MAY_HOLD_IDENTIFIER.test(text)) return;
    const context = labelContextFor(block);
    const matches = this.detect(context + text);
    for (const m of matches) {
      if (m.start < context.length) continue; // a number inside the label context belongs to the previous block
      const found = toRange(nodes, starts, m.start - context.length, m.end - context.length);
      if (found) this.onMatch({ kind: m.kind, value: m.value, checksum: m.checksum, block, ...found });
    }
  }
}

/**
 * The block's own text nodes in DOM order: those inside inline elements, not those of nested blocks nor of skipped
 * inline elements (`<span contenteditable>`). A plain depth-first walk (no TreeWalker allocated per block).
 */
function collectOwnText(block: Node, out: Text[]): void {
  let n: Node | null = block.firstChild;
  while (n) {
    if (n.nodeType === Node.TEXT_NODE) out.push(n as Text);
    else if (
      n.nodeType === Node.ELEMENT_NODE &&
      n.firstChild &&
      isInlineElement(n as Element) &&
      !isSkippedElement(n as Element)
    ) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== block && !n.nextSibling) n = n.parentNode;
    n = n && n !== block ? n.nextSibling : null;
  }
}

function isAfterBreak(node: Text): boolean {
  const prev = node.previousSibling;
  return prev !== null && prev.nodeType === Node.ELEMENT_NODE && (prev as Element).localName === 'br';
}

/** Maps [start, end) in a block's joined text back to a Range over its text nodes. */
export function toRange(
  nodes: readonly Text[],
  starts: readonly number[],
  start: number,
  end: number,
): { range: Range; nodes: Text[] } | null {
  if (end <= start || !nodes.length) return null;
  let i = 0;
  // First node that contains `start` (a position in an inserted line break moves to the next node).
  while (i < nodes.length - 1 && starts[i + 1]! <= start) i++;
  if (start - starts[i]! >= nodes[i]!.data.length && i < nodes.length - 1) i++;
  let j = i;
  while (j < nodes.length - 1 && starts[j + 1]! < end) j++;
  const first = nodes[i]!;
  const last = nodes[j]!;
  const range = first.ownerDocument.createRange();
  range.setStart(first, Math.max(0, Math.min(start - starts[i]!, first.data.length)));
  range.setEnd(last, Math.max(0, Math.min(end - starts[j]!, last.data.length)));
  return range.collapsed ? null : { range, nodes: nodes.slice(i, j + 1) };
}
