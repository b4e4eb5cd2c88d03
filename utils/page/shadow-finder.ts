// Finds open shadow roots under a subtree (a TreeWalker does not enter them). Shadow roots on web components
// (custom elements, whose names contain a hyphen) are found with one XPath query evaluated natively: walking every
// element from JavaScript would add about half a text walk to every scan. A shadow root that a page attaches to a
// built-in element (a <div>) is not found this way.

const CUSTOM_ELEMENTS = 'descendant-or-self::*[contains(local-name(), "-")]';

/** Reports each open shadow root on a custom element inside `root` (and on `root` itself). */
export class ShadowFinder {
  #snapshot: XPathResult | null = null;
  #next = 0;
  /** The nodes to query from: the root, or for a shadow root (not a valid XPath context) its child elements. */
  readonly #contexts: Node[];
  #done = false;

  readonly #onShadowRoot: (root: ShadowRoot) => void;

  /** `root` null: nothing to search (the finder is done at once). */
  constructor(root: Node | null, onShadowRoot: (root: ShadowRoot) => void) {
    this.#onShadowRoot = onShadowRoot;
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
        const doc = context.nodeType === Node.DOCUMENT_NODE ? (context as Document) : context.ownerDocument;
        if (!doc?.evaluate) return (this.#done = true);
        this.#snapshot = doc.evaluate(CUSTOM_ELEMENTS, context, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
        this.#next = 0;
      }
      const snapshot = this.#snapshot;
      while (this.#next < snapshot.snapshotLength) {
        this.#check(snapshot.snapshotItem(this.#next++) as Element);
        if ((this.#next & 255) === 0 && performance.now() >= deadline) return false;
      }
      this.#snapshot = null;
    }
  }

  #check(el: Element): void {
    const shadow = el.shadowRoot;
    if (shadow) this.#onShadowRoot(shadow);
  }
}
