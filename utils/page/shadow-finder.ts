// Finds shadow roots under a subtree (a TreeWalker does not enter them), on any element that may host one, in slices.
// Giving every element a wrapper to ask it would cost about half a text walk, so the candidates come from native
// queries:
//  - one CSS query, `:empty, :not(:defined)` (~30 ns an element in Chromium): the empty elements (a widget attaches its
//    root to an empty <div>, a web component with nothing to slot has no children) and the custom elements the page has
//    not defined yet; of those, the built-in elements that may host a root (div, span, p, section…) and the custom
//    elements (a hyphen in the name) are looked at;
//  - on pages that have custom elements (one was seen), an XPath query for all of them (~70 ns an element, with one
//    more pass over a parent's children per range, see below): a defined one may have children and a root.
// A built-in element with child nodes of its own that hosts a root is not found.
// Closed roots are opened where the browser lets a content script (chrome.dom.openOrClosedShadowRoot in Chromium,
// Element.openOrClosedShadowRoot in Firefox): what they show is text the user reads. An element found without a root
// is reported (`onBare`): a custom element may not be defined yet, a built-in one may get its root later; neither
// changes the DOM in a way a MutationObserver would see.
//
// One XPath query over a whole large page is one long task (10–40 ms for 150,000 elements), so a subtree of more than
// MAX_QUERIED elements (counted natively) is split into ranges of its children holding about MAX_QUERIED elements each
// (a child too large for a range of its own is split in turn), each queried in a later slice. A range costs its
// parent's children once more (the position test, ~60 ns a child): few large ranges cost less in all.

const CUSTOM_ELEMENTS = 'descendant-or-self::*[contains(local-name(), "-")]';

/** Empty elements and undefined custom elements: the candidates looked at without XPath. */
const CANDIDATES = ':empty, :not(:defined)';

/** The built-in elements that may host a shadow root (DOM Standard, attachShadow). */
const HOSTS = new Set(
  'article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section span'.split(' '),
);

/** At most about this many elements go into one XPath query (≈ 4 ms). */
const MAX_QUERIED = 50_000;

/** Elements are checked for a root in runs of this many between two reads of the clock. */
const CHECK_RUN = 64;

/** A node to query from, or the children `from`…`to - 1` (1-based, XPath positions) of an element. */
type Context = Node | { parent: Element; from: number; to: number };

/** Elements to look at, in order (a NodeList, an XPath snapshot or an array). */
interface Found {
  length: number;
  item(i: number): Node | null;
}
const NONE: Found = { length: 0, item: () => null };

/** How this browser lets a content script read an element's shadow root (open or closed). */
type RootReader = (el: Element) => ShadowRoot | null;

interface ClosedRootApi {
  dom?: { openOrClosedShadowRoot?: (el: Element) => ShadowRoot | null };
}

/** The element's shadow root, open or closed where the browser lets a content script open it. */
export const shadowRootOf: RootReader = (() => {
  const dom = (globalThis as { chrome?: ClosedRootApi }).chrome?.dom;
  const open = dom?.openOrClosedShadowRoot;
  // Chromium (≈ 4 µs a call: only for elements without an open root).
  if (open) return (el) => el.shadowRoot ?? open.call(dom, el) ?? null;
  // Firefox gives content scripts a property on every element.
  return (el) =>
    (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? el.shadowRoot;
})();

/** True for an element that may host a shadow root: a custom element or one of the built-in HOSTS. */
export function mayHostShadowRoot(el: Element): boolean {
  return el.localName.includes('-') || HOSTS.has(el.localName);
}

export interface ShadowFinderOptions {
  /** Elements to look at again (found without a root before), instead of searching. */
  elements?: readonly Element[];
  /** Whether to search for every custom element with XPath too (asked after the CSS query; default: always). */
  custom?: () => boolean;
  /** False: the XPath search only (the CSS query ran before). */
  css?: boolean;
  rootOf?: RootReader;
}

/**
 * Reports each shadow root inside `root` (and on `root` itself) on an element that may host one, and each such element
 * without one (`onBare`).
 */
export class ShadowFinder {
  /** Elements found by a query, checked one by one from `#next`. */
  #found: Found = NONE;
  #next = 0;
  /** The XPath contexts still to query (filled once the CSS query has run). */
  readonly #contexts: Context[] = [];
  #root: Node | null;
  /** The CSS query still to run on the root. */
  #css: boolean;
  #done = false;

  readonly #onShadowRoot: (root: ShadowRoot) => void;
  readonly #onBare: (el: Element) => void;
  readonly #rootOf: RootReader;
  readonly #custom: () => boolean;

  /** `root` null: nothing to search (the finder is done at once), unless `elements` are given to look at again. */
  constructor(
    root: Node | null,
    onShadowRoot: (root: ShadowRoot) => void,
    onBare: (el: Element) => void = () => {},
    options: ShadowFinderOptions = {},
  ) {
    this.#onShadowRoot = onShadowRoot;
    this.#onBare = onBare;
    this.#rootOf = options.rootOf ?? shadowRootOf;
    this.#custom = options.custom ?? (() => true);
    const elements = options.elements;
    if (elements) this.#found = { length: elements.length, item: (i) => elements[i]! };
    this.#root = root && 'querySelectorAll' in root ? root : null;
    this.#css = options.css ?? true;
  }

  /** Works until done or until `deadline` (performance.now()). Returns true when done. */
  step(deadline: number): boolean {
    if (this.#done) return true;
    for (;;) {
      const found = this.#found;
      while (this.#next < found.length) {
        const end = Math.min(found.length, this.#next + CHECK_RUN);
        for (; this.#next < end; this.#next++) this.#check(found.item(this.#next) as Element);
        if (performance.now() >= deadline) return false;
      }
      this.#found = NONE;
      this.#next = 0;
      const root = this.#root;
      if (root && this.#css) {
        this.#css = false;
        this.#found = (root as ParentNode).querySelectorAll(CANDIDATES);
        if (root.nodeType === Node.ELEMENT_NODE && (root as Element).matches(CANDIDATES)) this.#check(root as Element);
      } else if (root) {
        this.#root = null;
        // A shadow root is not a valid XPath context: its child elements are.
        if (this.#custom()) {
          if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) this.#contexts.push(...(root as ParentNode).children);
          else this.#contexts.push(root);
        }
      } else {
        const context = this.#contexts.pop();
        if (!context) return (this.#done = true);
        const snapshot = this.#query(context);
        if (snapshot) this.#found = { length: snapshot.snapshotLength, item: (i) => snapshot.snapshotItem(i) };
      }
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
    if (context.nodeType === Node.ELEMENT_NODE && (context as Element).localName.includes('-')) {
      this.#check(context as Element);
    }
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
    if (!el.isConnected || !mayHostShadowRoot(el)) return;
    const shadow = this.#rootOf(el);
    if (shadow) this.#onShadowRoot(shadow);
    else this.#onBare(el);
  }
}
