// Finds open shadow roots under a subtree (a TreeWalker does not enter them). Shadow roots on web components
// (custom elements, whose names contain a hyphen) are found with XPath queries evaluated natively: walking every
// element from JavaScript would add about half a text walk to every scan. A shadow root that a page attaches to a
// built-in element (a <div>) is not found this way. A custom element not defined yet is reported too: its shadow root
// may come when the page defines it, with no change to the DOM a MutationObserver would see.
//
// One query over a whole large page is one long task (≈ 15 ms for 150,000 elements), so a subtree of more than
// MAX_QUERIED elements (counted natively) is split into ranges of its children holding about MAX_QUERIED elements each
// (a child too large for a range of its own is split in turn), each queried in a later slice.

const CUSTOM_ELEMENTS = 'descendant-or-self::*[contains(local-name(), "-")]';

/** At most about this many elements go into one query (≈ 2 ms). */
const MAX_QUERIED = 20_000;

/** A node to query from, or the children `from`…`to - 1` (1-based, XPath positions) of an element. */
type Context = Node | { parent: Element; from: number; to: number };

/**
 * Reports each open shadow root on a custom element inside `root` (and on `root` itself), and each custom element
 * without one (`onBare`: it may not be defined yet).
 */
export class ShadowFinder {
  #snapshot: XPathResult | null = null;
  #next = 0;
  readonly #contexts: Context[];
  #done = false;

  readonly #onShadowRoot: (root: ShadowRoot) => void;
  readonly #onBare: (el: Element) => void;

  /** `root` null: nothing to search (the finder is done at once). */
  constructor(root: Node | null, onShadowRoot: (root: ShadowRoot) => void, onBare: (el: Element) => void = () => {}) {
    this.#onShadowRoot = onShadowRoot;
    this.#onBare = onBare;
    // A shadow root is not a valid XPath context: its child elements are.
    this.#contexts = !root
      ? []
      : root.nodeType === Node.DOCUMENT_FRAGMENT_NODE
        ? [...(root as ParentNode).children]
        : [root];
  }

  /** Works until done or until `deadline` (performance.now()). Returns true when done. */
  step(deadline: number): boolean {
    if (this.#done) return true;
    for (;;) {
      if (!this.#snapshot) {
        const context = this.#contexts.pop();
        if (!context) return (this.#done = true);
        this.#snapshot = this.#query(context);
        this.#next = 0;
        if (!this.#snapshot) {
          if (performance.now() >= deadline) return false;
          continue;
        }
      }
      const snapshot = this.#snapshot;
      while (this.#next < snapshot.snapshotLength) {
        this.#check(snapshot.snapshotItem(this.#next++) as Element);
        if ((this.#next & 255) === 0 && performance.now() >= deadline) return false;
      }
      this.#snapshot = null;
      if (performance.now() >= deadline) return false;
    }
  }

  /** Queries a small enough context at once; splits a large one into contexts queued for later (returns null). */
  #query(context: Context): XPathResult | null {
    if (!('nodeType' in context)) {
      const { parent, from, to } = context;
      const range = `*[position() >= ${from} and position() < ${to}]/${CUSTOM_ELEMENTS}`;
      return parent.ownerDocument.evaluate(range, parent, null, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
    }
    const doc = context.nodeType === Node.DOCUMENT_NODE ? (context as Document) : context.ownerDocument;
    if (!doc?.evaluate) return null;
    const size = (context as Element | Document).getElementsByTagName?.('*').length ?? 0;
    if (size <= MAX_QUERIED) {
      return doc.evaluate(CUSTOM_ELEMENTS, context, null, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
    }
    if (context.nodeType === Node.ELEMENT_NODE) this.#check(context as Element);
    const parent = context as Element | Document;
    const count = parent.childElementCount;
    // Children per range, assuming children of similar size; fewer than two: each child is queued on its own.
    const per = Math.floor((MAX_QUERIED * count) / size);
    if (per < 2) for (let c = parent.lastElementChild; c; c = c.previousElementSibling) this.#contexts.push(c);
    else {
      for (let from = 1; from <= count; from += per) {
        this.#contexts.push({ parent: parent as Element, from, to: Math.min(count + 1, from + per) });
      }
    }
    return null;
  }

  #check(el: Element): void {
    const shadow = el.shadowRoot;
    if (shadow) this.#onShadowRoot(shadow);
    else this.#onBare(el);
  }
}
