// The extension's own index of the matches on a page (the page can read or delete entries of the shared highlight
// registry, so hit-testing and the popup's list never rely on it) and their painting with the CSS Custom Highlight API.
import type { IdentifierKind } from '../identifiers/types';
import type { FoundMatch } from './block-scanner';

/** Highlight names, styled by ::highlight() rules in the content script's CSS (entrypoints/content/style.css). */
export const HIGHLIGHT_VALID = 'company-lens';
export const HIGHLIGHT_INVALID = 'company-lens-invalid';

/** One identifier found on the page, as the popup's "On this page" lists it. */
export interface PageIdentifier {
  kind: IdentifierKind;
  value: string;
  checksum: FoundMatch['checksum'];
  /** How many times it occurs on this page (this frame). */
  count: number;
  /** Its first occurrence as written on the page (asked for by the report). */
  written?: string;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

/** All matches of one document (and its open shadow roots), indexed by text node, painted in batches. */
export class MatchIndex {
  readonly #all = new Set<FoundMatch>();
  readonly #byNode = new Map<Text, FoundMatch[]>();
  readonly #valid: Highlight | null;
  readonly #invalid: Highlight | null;
  #enabled: (kind: IdentifierKind) => boolean = () => true;
  #dirty = false;

  readonly #win: Window & typeof globalThis;

  constructor(win: Window & typeof globalThis = window) {
    this.#win = win;
    const H = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
    this.#valid = H && win.CSS?.highlights ? new H() : null;
    this.#invalid = H && win.CSS?.highlights ? new H() : null;
  }

  /** Number of matches of enabled kinds. */
  get size(): number {
    let n = 0;
    for (const m of this.#all) if (this.#enabled(m.kind)) n++;
    return n;
  }

  /** True when there is nothing to hit-test (the hover tracker then does no work at all). */
  get isEmpty(): boolean {
    return this.#all.size === 0;
  }

  add(match: FoundMatch): void {
    this.#all.add(match);
    for (const node of match.nodes) {
      const list = this.#byNode.get(node);
      if (list) list.push(match);
      else this.#byNode.set(node, [match]);
    }
    this.#dirty = true;
  }

  /** Removes the matches for which `stale` is true (their block is being rescanned, or their text is gone). */
  removeWhere(stale: (match: FoundMatch) => boolean): number {
    let removed = 0;
    for (const m of this.#all) {
      if (!stale(m)) continue;
      this.#all.delete(m);
      for (const node of m.nodes) {
        const list = this.#byNode.get(node);
        if (!list) continue;
        const rest = list.filter((x) => x !== m);
        if (rest.length) this.#byNode.set(node, rest);
        else this.#byNode.delete(node);
      }
      removed++;
    }
    if (removed) this.#dirty = true;
    return removed;
  }

  /** Forgets every match and unpaints them at once. */
  clear(): void {
    this.#all.clear();
    this.#byNode.clear();
    this.#dirty = true;
    this.commit();
  }

  /** Which kinds are shown, hit-tested and listed (settings); repaints at the next commit. */
  setEnabled(enabled: (kind: IdentifierKind) => boolean): void {
    this.#enabled = enabled;
    this.#dirty = true;
  }

  /** The enabled matches whose number covers `node` (for hit-testing). */
  matchesAt(node: Node): readonly FoundMatch[] | undefined {
    const list = this.#byNode.get(node as Text);
    return list && list.some((m) => this.#enabled(m.kind)) ? list.filter((m) => this.#enabled(m.kind)) : undefined;
  }

  /** The identifiers of enabled kinds, once each with their count (and `written`), in page order of first occurrence. */
  summary(written = false): PageIdentifier[] {
    const byKey = new Map<string, PageIdentifier>();
    for (const m of this.#all) {
      if (!this.#enabled(m.kind)) continue;
      const key = `${m.kind}:${m.value}`;
      const seen = byKey.get(key);
      if (seen) seen.count++;
      else
        byKey.set(key, {
          kind: m.kind,
          value: m.value,
          checksum: m.checksum,
          count: 1,
          ...(written ? { written: m.range.toString().slice(0, 60) } : {}),
        });
    }
    return [...byKey.values()];
  }

  /**
   * Paints the current matches: one update of both highlights per batch (each change costs a page-wide rendering
   * update), and re-registers them when the page removed them from the shared registry.
   */
  commit(): void {
    const registry = this.#win.CSS?.highlights;
    if (!registry || !this.#valid || !this.#invalid) return;
    // A page without matches never gets a highlight registered (registration costs a rendering update).
    if (this.#all.size === 0 && registry.get(HIGHLIGHT_VALID) !== this.#valid) return;
    if (this.#dirty) {
      this.#valid.clear();
      this.#invalid.clear();
      for (const m of this.#all) {
        if (!this.#enabled(m.kind) || m.range.collapsed) continue;
        (m.checksum === 'invalid' ? this.#invalid : this.#valid).add(m.range);
      }
      this.#dirty = false;
    }
    if (registry.get(HIGHLIGHT_VALID) !== this.#valid) registry.set(HIGHLIGHT_VALID, this.#valid);
    if (registry.get(HIGHLIGHT_INVALID) !== this.#invalid) registry.set(HIGHLIGHT_INVALID, this.#invalid);
  }

  /** Takes both highlights out of the page's registry (the extension stops on this page). */
  unregister(): void {
    const registry = this.#win.CSS?.highlights;
    if (!registry) return;
    if (registry.get(HIGHLIGHT_VALID) === this.#valid) registry.delete(HIGHLIGHT_VALID);
    if (registry.get(HIGHLIGHT_INVALID) === this.#invalid) registry.delete(HIGHLIGHT_INVALID);
  }
}
