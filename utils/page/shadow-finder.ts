// Finds open shadow roots under a subtree (a TreeWalker does not enter them), resumable like the block scanner.

/** Walks the elements of a subtree and reports each open shadow root it meets. */
export class ShadowFinder {
  private readonly walker: TreeWalker;
  private done = false;

  constructor(
    root: Node,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
  ) {
    const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    if (root.nodeType === Node.ELEMENT_NODE) this.check(root as Element);
  }

  /** Walks until done or until `deadline` (performance.now()). Returns true when done. */
  step(deadline: number): boolean {
    if (this.done) return true;
    let count = 0;
    for (let n = this.walker.nextNode(); n; n = this.walker.nextNode()) {
      this.check(n as Element);
      if (++count === 512) {
        count = 0;
        if (performance.now() >= deadline) return false;
      }
    }
    this.done = true;
    return true;
  }

  private check(el: Element): void {
    const shadow = el.shadowRoot;
    if (shadow) this.onShadowRoot(shadow);
  }
}
