// Functions both e2e suites run inside the browser (Playwright's and puppeteer's `page.evaluate`, CDP's
// Runtime.callFunctionOn, BiDi's script.callFunction): self-contained, no imports, no closures.

/** The highlighted texts in the page's highlight registry: `{ valid: [...], invalid: [...] }`. */
export function highlightTextsInPage() {
  const texts = (name: string) =>
    [...((CSS.highlights.get(name) as Set<AbstractRange> | undefined) ?? [])].map((r) => (r as Range).toString());
  return { valid: texts('company-lens'), invalid: texts('company-lens-invalid') };
}

/** The centre and box of the highlighted number whose text is `text`, in viewport coordinates; throws when none. */
export function highlightBoxInPage(text: string) {
  for (const name of ['company-lens', 'company-lens-invalid']) {
    const set = CSS.highlights.get(name) as unknown as Set<Range> | undefined;
    const range = [...(set ?? [])].find((r) => r.toString() === text);
    if (range) {
      const r = range.getBoundingClientRect();
      return {
        x: r.left + r.width / 2,
        y: r.top + r.height / 2,
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
      };
    }
  }
  throw new Error(`${text} is not highlighted`);
}

/**
 * Source of a function called with the card host's (closed) shadow root as `this`: the card as a CardSnapshot, or
 * null when none is shown. A string, as CDP and BiDi take it.
 */
export const READ_CARD_SOURCE = `function () {
  const card = this.querySelector('.cl-card');
  if (!card) return null;
  const parts = {};
  for (const el of card.querySelectorAll('[data-testid]')) parts[el.dataset.testid] ??= el.textContent.trim();
  const r = card.getBoundingClientRect();
  return {
    state: card.dataset.state,
    text: card.innerText,
    parts,
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    pageSeesShadow: this.host.shadowRoot !== null,
  };
}`;

/** Source of a function called with the shadow root as `this`: the viewport centre of `selector` in it, or null. */
export const CENTRE_IN_CARD_SOURCE = `function (selector) {
  const el = this.querySelector(selector);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}`;
