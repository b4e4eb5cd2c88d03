// The scan itself: walks a subtree's text nodes in DOM order, groups them into blocks (paragraph, cell, list item…),
// gives each block that may hold a number to the identifier engine with its label context, and maps the matches back
// to DOM Ranges. Resumable: `step(deadline)` does a slice of work and returns whether the subtree is done.
import { LABEL_RE } from '../identifiers/labels';
import { dropFront, mayHoldIdentifier, SCREEN_AFTER, SCREEN_BEFORE, ScreenTape } from '../identifiers/screen';
import type { IdentifierMatch } from '../identifiers/types';
import { blockOf, isInlineElement, isInSkippedSubtree, isSkippedElement, isSkippedText } from './dom-rules';
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
/**
 * The clock is read once every this many text nodes (a number screened counts as SCREEN_WEIGHT nodes, a block handed
 * to the engine as BLOCK_WEIGHT).
 */
const CHECK_EVERY = 128;
const SCREEN_WEIGHT = 8;
const BLOCK_WEIGHT = 32;
/** How many of the last text nodes the scan remembers (the text before a number is taken from them; a power of 2). */
const RING = 32;

/** A digit at either end of a text node: the number may continue in the next or previous node (`3301<b>4286</b>`). */
const DIGIT_AT_EDGE = /^[\s.\-/]*\d|\d[\s.\-/]*$/;

/** Blocks whose label context may come from far before them in the page (the column header, the term). */
const FAR_CONTEXT = new Set(['td', 'th', 'dd']);

/**
 * A node whose first number (or VAT prefix) comes after nothing but punctuation: the number may start its block, and
 * only then can a label from the block's context (a column header, a <dt>) name it (context.ts: across a line or cell,
 * the gap must be punctuation only).
 */
const LEADS_WITH_NUMBER =
  /^[\s:.,#°º()[\]\-\u2010-\u2015\u2212/*]*(?:(?:[A-Z\uff21-\uff3a]{2}U?|[Nn]l)[\s.\-:]{0,3}(?:\(0\) ?)?)?[\d\uff10-\uff19]/;

/** How much of the neighbouring text is joined to a node with a digit at an edge to see whether a number spans them. */
const EDGE_REACH = 16;

/**
 * Waiting numbers are screened together, up to the end of the last one's window, once the walk has read QUIET
 * characters past it without finding another number, or BATCH characters past the first one's window: on a page
 * dense with numbers one screen then answers dozens of them (a screen costs a few microseconds besides the
 * characters it reads), and a lone number's screen reads its window only.
 */
const QUIET = 256;
const BATCH = 2048;

/** Text pieces at least this long are checked for being the text of a skipped element (a script) before the screen. */
const LONG_PIECE = 40;

/**
 * The regexes this frame has compiled (bits): the screen's, the engine's label regex, the rest of the engine's.
 * Compiling each costs a fresh page 5–9 ms at its first use, so a slice that has already worked ends before it: each
 * compile starts a slice.
 */
let compiled = 0;
const SCREEN = 1;
const LABELS = 2;
const ENGINE = 4;
/** A slice that has run this long (ms) has worked: a compile waits for the next one. */
const FRESH_MS = 0.5;

/** A node with a number, waiting until the walk has read past the window the screen is asked about. */
interface Pending {
  node: Text;
  /** The node's text as the walk read it. */
  data: string;
  /** The window: SCREEN_BEFORE characters before the node to SCREEN_AFTER (and EDGE_REACH) after it, tape positions. */
  from: number;
  to: number;
  /** True when the text before the node could not be gathered far enough back: the block is read unscreened. */
  unscreened: boolean;
}

/** A node with a digit only at an edge: the text just before it and itself (`near`), and what the walk read after it. */
interface EdgeWait {
  node: Text;
  data: string;
  near: string;
  after: string;
  /** Its index among the nodes read. */
  seen: number;
}

/**
 * A resumable scan of one subtree. The hot path only reads each text node and tests it for a digit. A node that may
 * hold part of an identifier is screened first, on the text the walk has just read around it (no DOM access): only
 * when a naming label, a VAT prefix or a dotted Belgian number is near is its block gathered and read (once). The
 * text around numbers goes on a ScreenTape while numbers wait, and is screened there once however many numbers share it.
 */
export class BlockScanner {
  readonly #walker: TreeWalker;
  readonly #doc: Document;
  readonly #nodes: Text[] = [];
  readonly #starts: number[] = [];
  /** Blocks already read in this scan (a block is read at its first promising node). */
  readonly #read = new Set<Node>();
  /**
   * The last RING text nodes' text (a ring; `ringAt` is the next slot), the nodes (null for seeded context) and their
   * positions on the tape (-1 when not on it).
   */
  readonly #ringText: string[] = new Array<string>(RING).fill('');
  readonly #ringNode: (Text | null)[] = new Array<Text | null>(RING).fill(null);
  readonly #ringPos: number[] = new Array<number>(RING).fill(-1);
  #ringAt = 0;
  /** Text nodes read so far. */
  #seen = 0;
  /** The text read around waiting numbers; `taping` while numbers wait (every node read goes on it then). */
  readonly #tape = new ScreenTape();
  #taping = false;
  /** Windows starting before this tape position cannot be screened (the text before the tape was not kept). */
  #tapeFloor = -Infinity;
  /** Numbers waiting to be screened, in the order found, from `#pendingAt` on. */
  readonly #pending: Pending[] = [];
  #pendingAt = 0;
  /** The tape position at which the waiting numbers are screened (see BATCH), and where the last window ends. */
  #screenAt = Infinity;
  #lastTo = -Infinity;
  /** Nodes with a digit only at an edge, waiting for EDGE_REACH characters after them. */
  readonly #edges: EdgeWait[] = [];
  #blockParent: Node | null = null;
  #parentSkipped = false;
  #done = false;
  /** When the current step began, its deadline, and whether it must end before a compile (see `compiled`). */
  #stepStart = 0;
  #deadline = 0;
  /** Stages to compile at the next chance, whatever the time (the step after a pause: no second pause). */
  #compileNow = 0;
  #wantsEngine = false;

  readonly #detect: Detector;
  readonly #onMatch: (match: FoundMatch) => void;
  readonly #engineReady: () => boolean;

  /** `engineReady`: false while `detect` cannot be called yet (the engine chunk is loading, see engine-loader.ts). */
  constructor(
    readonly root: Node,
    detect: Detector,
    onMatch: (match: FoundMatch) => void,
    engineReady: () => boolean = () => true,
  ) {
    this.#detect = detect;
    this.#onMatch = onMatch;
    this.#engineReady = engineReady;
    this.#doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
    this.#walker = this.#doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    this.#done = isInSkippedSubtree(root);
    // A subtree scanned on its own (added or changed later): what precedes it is the label context of its first block.
    if (!this.#done && root.nodeType === Node.ELEMENT_NODE) this.#remember(labelContextFor(root), null);
  }

  /** True when the last step ended because a block needs the engine before it can be read (the caller loads it). */
  get wantsEngine(): boolean {
    return this.#wantsEngine;
  }

  /** False when the node the walk stands on was removed from the page meanwhile (the subtree must be rescanned). */
  get intact(): boolean {
    const current = this.#walker.currentNode;
    return current === this.root || (current.isConnected && this.root.contains(current));
  }

  /** Scans until done or until `performance.now()` passes `deadline`. Returns true when the subtree is done. */
  step(deadline: number): boolean {
    if (this.#done) return true;
    this.#stepStart = performance.now();
    this.#deadline = deadline;
    this.#wantsEngine = false;
    const walker = this.#walker;
    let count = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const data = (n as Text).data;
      count++;
      this.#remember(data, n as Text);
      this.#seen++;
      if (this.#edges.length) this.#feedEdges(data);
      if (DIGIT.test(data)) {
        if (MAY_HOLD_IDENTIFIER.test(data)) this.#queue(n as Text, data, 0);
        else if (DIGIT_AT_EDGE.test(data)) {
          // Only a digit at an edge (`€ 12,50.`): a number only if it goes on in the nodes before or after it
          // (`3301<b>4286</b>`), which the next EDGE_REACH characters decide.
          const near = this.#tail() + data;
          this.#edges.push({ node: n as Text, data, near, after: '', seen: this.#seen - 1 });
        }
      }
      if (this.#tape.end >= this.#screenAt) {
        const work = this.#settle(false);
        if (work < 0) return false;
        count += work;
      }
      if (count >= CHECK_EVERY) {
        count = 0;
        if (performance.now() >= deadline) return false;
      }
    }
    for (const e of this.#edges) this.#settleEdge(e);
    this.#edges.length = 0;
    if (this.#settle(true) < 0) return false;
    this.#read.clear();
    this.#done = true;
    return true;
  }

  /** The ring slot of the node read `k` nodes before the last one. */
  #slot(k: number): number {
    return (this.#ringAt - 1 - k) & (RING - 1);
  }

  /** Queues the node read `k` nodes before the last one, which has a number, for screening. */
  #queue(node: Text, data: string, k: number): void {
    if (k >= RING) {
      // Too far back to know the text around it (many empty nodes since): its block is read unscreened.
      this.#wait({ node, data, from: 0, to: -Infinity, unscreened: true });
      return;
    }
    if (!this.#taping) this.#startTape(k);
    const at = this.#ringPos[this.#slot(k)]!;
    if (at < 0) {
      // The text of a script or style: never read.
      if (this.#pendingAt === this.#pending.length) this.#stopTape();
      return;
    }
    const from = at - SCREEN_BEFORE;
    const to = at + data.length + SCREEN_AFTER + EDGE_REACH;
    this.#wait({ node, data, from, to, unscreened: from < this.#tapeFloor });
  }

  #wait(p: Pending): void {
    const first = this.#pending[this.#pendingAt];
    this.#pending.push(p);
    this.#lastTo = Math.max(this.#lastTo, p.to);
    this.#screenAt = Math.min(this.#lastTo + QUIET, (first ?? p).to + BATCH);
  }

  /**
   * Starts the tape with the text before the oldest node a window will be asked about (the one `k` nodes back, or a node
   * still waiting for the text after its edge): SCREEN_BEFORE characters of it from the ring, then the nodes since.
   */
  #startTape(k: number): void {
    const tape = this.#tape;
    tape.clear();
    this.#taping = true;
    let oldest = k;
    for (const e of this.#edges) oldest = Math.max(oldest, Math.min(this.#seen - 1 - e.seen, RING - 1));
    let need = SCREEN_BEFORE;
    let j = oldest + 1;
    for (; j < RING && need > 0; j++) {
      const slot = this.#slot(j);
      if (this.#ringText[slot]!.length && !this.#isSkipped(slot)) need -= this.#ringText[slot]!.length;
    }
    // The ring ran out before SCREEN_BEFORE characters while the page had more text before: not screenable.
    this.#tapeFloor = need > 0 && this.#seen > RING ? tape.end + 1 : -Infinity;
    for (let i = j - 1; i >= 0; i--) {
      const slot = this.#slot(i);
      let data = this.#ringText[slot]!;
      if (i > oldest && (!data.length || this.#isSkipped(slot))) {
        this.#ringPos[slot] = -1;
        continue;
      }
      if (need < 0) {
        data = data.slice(-need); // the oldest piece: only the end of it is within reach
        need = 0;
      }
      this.#ringPos[slot] = i <= oldest && this.#isSkipped(slot) ? -1 : tape.append(data);
    }
  }

  /**
   * True for a long text of a script or style: left out of the tape (the engine never sees it, and it would push a
   * label out of reach). Short ones are kept: checking every piece's parent would cost more than the screen saves.
   */
  #isSkipped(slot: number): boolean {
    const node = this.#ringNode[slot];
    return this.#ringText[slot]!.length >= LONG_PIECE && !!node && isSkippedText(node);
  }

  /** The last EDGE_REACH characters (at least) the walk read before the last node. */
  #tail(): string {
    let text = '';
    for (let k = 1; k < RING && text.length < EDGE_REACH; k++) text = this.#ringText[this.#slot(k)]! + text;
    return text.slice(-EDGE_REACH);
  }

  /** Adds a node's text to the edge-only nodes waiting for what follows them; settles those that have enough. */
  #feedEdges(data: string): void {
    const edges = this.#edges;
    for (const e of edges) e.after += data;
    while (edges.length && edges[0]!.after.length >= EDGE_REACH) this.#settleEdge(edges.shift()!);
  }

  /** Queues an edge-only node for screening when a number spans it and its neighbours. */
  #settleEdge(e: EdgeWait): void {
    if (MAY_HOLD_IDENTIFIER.test(e.near + e.after.slice(0, EDGE_REACH))) {
      this.#queue(e.node, e.data, this.#seen - 1 - e.seen);
    }
  }

  #remember(data: string, node: Text | null): void {
    const slot = this.#ringAt;
    this.#ringText[slot] = data;
    this.#ringNode[slot] = node;
    this.#ringAt = (slot + 1) & (RING - 1);
    this.#ringPos[slot] = this.#taping && !this.#isSkipped(slot) ? this.#tape.append(data) : -1;
  }

  /**
   * Screens the text read so far and resolves the waiting numbers whose windows it covers (all of them once the walk is
   * done). Returns the work done, or -1 when the step must end first.
   */
  #settle(final: boolean): number {
    const pending = this.#pending;
    const tape = this.#tape;
    let work = 0;
    while (this.#pendingAt < pending.length) {
      const p = pending[this.#pendingAt]!;
      if (!final && tape.end < p.to) break;
      const done = this.#resolve(p, final);
      if (done < 0) return -1;
      this.#pendingAt++;
      work += done;
    }
    if (this.#pendingAt === pending.length) {
      pending.length = this.#pendingAt = 0;
      this.#screenAt = Infinity;
      this.#lastTo = -Infinity;
      this.#stopTape();
    } else {
      if (this.#pendingAt > 64) {
        dropFront(pending, this.#pendingAt);
        this.#pendingAt = 0;
      }
      const first = pending[this.#pendingAt]!;
      this.#screenAt = Math.min(this.#lastTo + QUIET, first.to + BATCH);
      tape.trim(this.#keepFrom());
    }
    return work;
  }

  /** No number waits: the nodes read next need not go on the tape. */
  #stopTape(): void {
    this.#taping = false;
    this.#tape.clear();
  }

  /** The first tape position a waiting number, or one still to come, may ask about. */
  #keepFrom(): number {
    let keep = this.#tape.end - this.#ringText[this.#slot(0)]!.length - SCREEN_BEFORE;
    for (let i = this.#pendingAt; i < this.#pending.length; i++) {
      const p = this.#pending[i]!;
      if (!p.unscreened) keep = Math.min(keep, p.from);
    }
    for (const e of this.#edges) {
      const k = this.#seen - 1 - e.seen;
      const at = k < RING ? this.#ringPos[this.#slot(k)]! : -1;
      if (at >= 0) keep = Math.min(keep, at - SCREEN_BEFORE);
    }
    return keep;
  }

  /**
   * True when the `stage` regexes are still to be compiled and this step has already worked: it ends first. Otherwise
   * the stage counts as compiled from now on, and `compile` (when given) compiles it at once.
   */
  #pauseFor(stage: number, compile?: () => unknown): boolean {
    if (compiled & stage) return false;
    if (!(this.#compileNow & stage) && this.#deadline !== Infinity && performance.now() - this.#stepStart > FRESH_MS) {
      this.#compileNow |= stage;
      return true;
    }
    compiled |= stage;
    compile?.();
    return false;
  }

  /**
   * Screens a node's number on the text around it and reads its block when the screen lets it through. Returns the
   * work done, or -1 when the step must end first (the engine is still loading, or a compile is due: the caller keeps
   * `p` and tries again).
   */
  #resolve(p: Pending, final: boolean): number {
    if (!p.node.isConnected) return 0; // removed meanwhile: the mutation queues its block again
    if (!p.unscreened) {
      if (this.#pauseFor(SCREEN)) return -1;
      const tape = this.#tape;
      if (tape.screened < p.to) tape.screen(final, final ? Infinity : this.#lastTo);
      if (!tape.hasHit(p.from, p.to)) {
        // A label the engine is given from further back: a column header for a cell, a <dt> for its <dd>.
        if (!LEADS_WITH_NUMBER.test(p.data)) return SCREEN_WEIGHT;
        const block = blockOf(p.node);
        if (block.nodeType !== Node.ELEMENT_NODE || !FAR_CONTEXT.has((block as Element).localName))
          return SCREEN_WEIGHT;
        if (!mayHoldIdentifier(`${labelContextFor(block)}\n${p.data}`, false)) return BLOCK_WEIGHT;
      }
    }
    // The engine's label regex is compiled on its own (it is most of the engine's compile), the rest with the first read.
    this.#wantsEngine = !this.#engineReady();
    if (this.#wantsEngine || this.#pauseFor(LABELS, () => LABEL_RE.test('')) || this.#pauseFor(ENGINE)) {
      p.unscreened = true; // it passed: not screened again
      return -1;
    }
    this.#readBlockOf(p.node);
    return BLOCK_WEIGHT;
  }

  /** Reads the block `text` belongs to, unless already read or skipped, and hands it to the engine. */
  #readBlockOf(text: Text): void {
    const block = blockOf(text);
    if (this.#read.has(block)) return;
    this.#read.add(block);
    const up = block.parentNode;
    if (up !== this.#blockParent) {
      this.#blockParent = up;
      this.#parentSkipped = up ? isInSkippedSubtree(up) : false;
    }
    if (this.#parentSkipped || (block.nodeType === Node.ELEMENT_NODE && isSkippedElement(block as Element))) return;
    const nodes = this.#nodes;
    nodes.length = 0;
    collectOwnText(block, nodes);
    if (nodes.length) this.#detectIn(block, nodes);
    nodes.length = 0;
  }

  #detectIn(block: Node, nodes: Text[]): void {
    const starts = this.#starts;
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
    const matches = this.#detect(context + text);
    for (const m of matches) {
      if (m.start < context.length) continue; // a number inside the label context belongs to the previous block
      const found = toRange(nodes, starts, m.start - context.length, m.end - context.length);
      if (found) this.#onMatch({ kind: m.kind, value: m.value, checksum: m.checksum, block, ...found });
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
