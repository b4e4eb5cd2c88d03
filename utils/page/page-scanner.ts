// Scans a document and follows its changes. The MutationObserver callback only queues nodes; the work is done later
// in slices of at most SLICE_BUDGET_MS, nodes whose ancestor is queued are dropped, a huge burst becomes one rescan,
// and the highlights are repainted once per batch.
import { BlockScanner, type Detector } from './block-scanner';
import { blockOf, EXTENSION_UI_TAG, isInlineElement } from './dom-rules';
import type { MatchIndex } from './match-index';
import { shadowRootOf, ShadowFinder } from './shadow-finder';
import { SLICE_BUDGET_MS, SliceStats, yieldToMain } from './time-slicer';

/** Stands in for the engine while its chunk cannot be loaded. */
const NO_MATCHES: Detector = () => [];

/** More queued nodes than this in one batch: drop them and rescan the whole document instead. */
export const MAX_QUEUED = 5000;

/**
 * Highlights are repainted at most this often while a page keeps changing (each repaint is a page-wide rendering
 * update, ~55 ms on a 50,000-paragraph page); the first batch after a quiet spell is painted at once.
 */
export const MIN_REPAINT_INTERVAL_MS = 400;

/**
 * Elements found without a shadow root are looked at again this often (ms, doubling: 0.5 s … 64 s after the first one
 * was found): a custom element the page has not defined yet (also at every batch: once defined, the shadow roots of
 * its name are searched), and an empty built-in element a widget may attach a root to later (that changes nothing an
 * observer sees).
 */
const LATE_CHECK_FIRST_MS = 500;
const LATE_CHECKS = 8;

export interface PageScannerOptions {
  /** The identifier engine, or how to load it (the content script loads its chunk when a block first needs reading). */
  detect: Detector | { load(): Promise<Detector> };
  index: MatchIndex;
  /** False once the content script is invalidated (extension updated or disabled): the scan stops at its next slice. */
  isValid: () => boolean;
  /** A timer tied to the content-script context (ctx.setTimeout), for the delayed repaint and the late checks. */
  setTimeout?: (handler: () => void, ms: number) => unknown;
  stats?: SliceStats;
}

interface Job {
  /** Null for a job that only looks at elements again for a shadow root. */
  scanner: BlockScanner | null;
  shadows: ShadowFinder;
}

/** At most this many empty built-in elements without a root are kept to be looked at again. */
const MAX_BARE_HOSTS = 2000;

/** The scan of one document (one frame) and of the shadow roots inside it. */
export class PageScanner {
  readonly stats: SliceStats;
  /**
   * Shadow roots found so far, open ones and closed ones the browser let the content script open (the hit-test passes
   * them to caretPositionFromPoint).
   */
  readonly shadowRoots = new Set<ShadowRoot>();
  readonly #pending = new Set<Node>();
  readonly #jobs: Job[] = [];
  #rescanAll = false;
  #prune = false;
  #running = false;
  #active = false;
  readonly #observer: MutationObserver;
  readonly #batchListeners = new Set<() => void>();
  /** Batches done since the page loaded. */
  batches = 0;
  #lastRepaint = -Infinity;
  #repaintPending = false;
  /**
   * The document-wide search for shadow roots is one native query over every element (≈ 15 ms on a page of 150,000
   * elements): it runs with the first full scan only. Later full scans (a settings change) reuse the roots found, and
   * subtrees the page adds later are searched as they come.
   */
  #shadowSearched = false;
  /** One element per custom-element name that had no shadow root because the page had not defined it yet. */
  readonly #undefinedTags = new Map<string, Element>();
  /** Empty built-in elements that had no shadow root when searched. */
  readonly #bareHosts = new Set<Element>();
  /** A custom element was seen: the XPath search for all of them (the ones with children) is worth its cost here. */
  #hasCustom = false;
  /** The document's search ran before any custom element was seen, without XPath: it runs once one is seen. */
  #docCustomSkipped = false;
  #lateChecks = 0;
  #lateTimer = false;

  readonly #doc: Document;
  readonly #options: PageScannerOptions;
  /** The engine once loaded; NO_MATCHES for the rest of a batch after its chunk failed to load (retried next batch). */
  #detector: Detector | null;
  readonly #setTimeout: (handler: () => void, ms: number) => unknown;

  constructor(doc: Document, options: PageScannerOptions) {
    this.#doc = doc;
    this.#options = options;
    this.#detector = typeof options.detect === 'function' ? options.detect : null;
    this.#setTimeout = options.setTimeout ?? ((handler, ms) => setTimeout(handler, ms));
    this.stats = options.stats ?? new SliceStats();
    this.#observer = new MutationObserver((records) => this.#onMutations(records));
  }

  /** True while scanning is on for this page. */
  get isActive(): boolean {
    return this.#active;
  }

  /** True while queued work remains. */
  get isBusy(): boolean {
    return this.#running || this.#pending.size > 0 || this.#rescanAll || this.#repaintPending;
  }

  /** Calls `listener` after every batch, once the highlights are repainted (the benchmark and tests wait on it). */
  onBatch(listener: () => void): () => void {
    this.#batchListeners.add(listener);
    return () => this.#batchListeners.delete(listener);
  }

  /** Starts watching the document and scans all of it. */
  start(): void {
    if (this.#active) return;
    this.#active = true;
    this.#observe(this.#doc);
    for (const root of this.shadowRoots) this.#observe(root);
    this.#rescanAll = true;
    this.#schedule();
  }

  /** Stops watching, drops queued work and every match (their highlights go at once). */
  stop(): void {
    this.#active = false;
    this.#observer.disconnect();
    this.#pending.clear();
    this.#jobs.length = 0;
    this.#rescanAll = false;
    this.#repaintPending = false;
    this.#lastRepaint = -Infinity;
    this.#options.index.clear();
    this.#options.index.unregister();
  }

  #observe(root: Node): void {
    this.#observer.observe(root, { childList: true, characterData: true, subtree: true });
  }

  /** The observer's callback: queue only, never scan here. */
  #onMutations(records: MutationRecord[]): void {
    const start = performance.now();
    for (const r of records) {
      const target = r.target;
      if (r.type === 'characterData') {
        this.#queueTextChange(blockOf(target));
        continue;
      }
      let textChanged = false;
      for (const n of r.addedNodes) {
        if (n.nodeType === Node.ELEMENT_NODE) {
          const el = n as Element;
          if (el.localName === EXTENSION_UI_TAG) continue;
          if (isInlineElement(el)) textChanged = true;
          else this.#queue(el);
        } else if (n.nodeType === Node.TEXT_NODE) textChanged = true;
      }
      for (const n of r.removedNodes) {
        if (n.nodeType === Node.TEXT_NODE || (n.nodeType === Node.ELEMENT_NODE && isInlineElement(n as Element))) {
          textChanged = true;
        } else if (n.nodeType === Node.ELEMENT_NODE && (n as Element).localName !== EXTENSION_UI_TAG) {
          this.#prune = true; // a removed block: its matches go, nothing to rescan
        }
      }
      if (textChanged) this.#queueTextChange(blockOf(target));
    }
    if (this.#pending.size > MAX_QUEUED) {
      this.#pending.clear();
      this.#rescanAll = true;
    }
    this.#schedule();
    this.stats.record(start);
  }

  /** A block whose own text changed, and the block after it (whose label context it may be). */
  #queueTextChange(block: Node): void {
    this.#queue(block);
    const next = block.nodeType === Node.ELEMENT_NODE ? (block as Element).nextElementSibling : null;
    if (next) this.#queue(next);
  }

  #queue(node: Node): void {
    if (!this.#rescanAll) this.#pending.add(node);
  }

  #schedule(): void {
    if (this.#running || !this.#active) return;
    this.#running = true;
    void this.#run();
  }

  /** Takes the queued nodes as one batch: drops those inside another queued node and those no longer in the page. */
  #takeBatch(): Node[] {
    if (this.#detector === NO_MATCHES) this.#detector = null; // its chunk failed to load: try again
    const index = this.#options.index;
    if (this.#rescanAll) {
      this.#rescanAll = false;
      this.#pending.clear();
      this.#prune = false;
      index.removeWhere(() => true);
      return [this.#doc, ...[...this.shadowRoots].filter((r) => r.host.isConnected)];
    }
    const queued = this.#pending;
    const roots: Node[] = [];
    for (const node of queued) {
      if (!node.isConnected) continue;
      let inside = false;
      for (let a = node.parentNode; a; a = a.parentNode) {
        if (queued.has(a)) {
          inside = true;
          break;
        }
      }
      if (!inside) roots.push(node);
    }
    const rootSet = new Set(roots);
    index.removeWhere((m) => {
      if (!m.block.isConnected || m.range.collapsed || m.nodes.some((t) => !t.isConnected)) return true;
      for (let a: Node | null = m.block; a; a = a.parentNode) if (rootSet.has(a)) return true;
      return false;
    });
    queued.clear();
    this.#prune = false;
    return roots;
  }

  async #run(): Promise<void> {
    const { isValid } = this.#options;
    let sliceStart = performance.now();
    try {
      await yieldToMain(); // never work inside the caller's task (e.g. the observer callback)
      sliceStart = performance.now();
      let deadline = sliceStart + SLICE_BUDGET_MS;
      for (;;) {
        if (!this.#active || !isValid()) return;
        if (!this.#jobs.length) {
          if (!this.#pending.size && !this.#rescanAll && !this.#prune) break;
          for (const root of this.#takeBatch()) this.#jobs.push(this.#job(root));
          this.#checkLateShadows();
          continue;
        }
        const job = this.#jobs[0]!;
        // A job stops before its deadline only to leave a slice of its own to a compile (block-scanner.ts).
        let done = true;
        try {
          done = (job.scanner?.step(deadline) ?? true) && job.shadows.step(deadline);
        } catch (error) {
          // A subtree the browser refuses to walk or query: report it and go on with the rest of the page.
          console.error('Company Lens: could not scan part of the page', error);
        }
        if (done) this.#jobs.shift();
        if (!done || performance.now() >= deadline) {
          this.stats.record(sliceStart);
          await (!done && job.scanner?.wantsEngine ? this.#loadEngine() : yieldToMain());
          sliceStart = performance.now();
          deadline = sliceStart + SLICE_BUDGET_MS;
          // The node the walk stood on was removed meanwhile: rescan that subtree from the start.
          const current = this.#jobs[0]?.scanner;
          if (current && !current.intact) {
            this.#jobs.shift();
            if (current.root.isConnected) this.#jobs.unshift(this.#job(current.root));
          }
        }
      }
      // The repaint registers every range again (~2 µs each): it gets a slice of its own unless this one has room.
      if (performance.now() >= deadline - SLICE_BUDGET_MS / 2) {
        this.stats.record(sliceStart);
        await yieldToMain();
        sliceStart = performance.now();
        if (!this.#active || !isValid()) return;
      }
      const wait = this.#lastRepaint + MIN_REPAINT_INTERVAL_MS - performance.now();
      if (wait <= 0) this.#repaint();
      else if (!this.#repaintPending) {
        this.#repaintPending = true;
        this.#setTimeout(() => {
          if (!this.#repaintPending || !this.#active || !isValid()) return;
          const start = performance.now();
          this.#repaint();
          this.stats.record(start);
          this.#endBatch();
        }, wait);
      }
    } finally {
      this.stats.record(sliceStart);
      this.#running = false;
    }
    if (!this.#repaintPending) this.#endBatch();
    // Mutations queued while the last slice ran.
    if (this.#pending.size || this.#rescanAll || this.#prune || this.#jobs.length) this.#schedule();
  }

  #repaint(): void {
    this.#repaintPending = false;
    this.#lastRepaint = performance.now();
    this.#options.index.commit();
  }

  #endBatch(): void {
    this.batches++;
    for (const listener of this.#batchListeners) listener();
  }

  #job(root: Node): Job {
    const index = this.#options.index;
    const search = root !== this.#doc || !this.#shadowSearched;
    if (root === this.#doc) this.#shadowSearched = true;
    return {
      scanner: new BlockScanner(
        root,
        this.#safeDetect,
        (m) => index.add(m),
        () => this.#detector !== null,
      ),
      shadows: new ShadowFinder(
        search ? root : null,
        (shadow) => this.#addShadowRoot(shadow),
        (el) => this.#addBare(el),
        { custom: root === this.#doc ? () => !(this.#docCustomSkipped = !this.#hasCustom) : () => this.#hasCustom },
      ),
    };
  }

  /** Notes a custom element: the first one makes the document's search for them run if it was skipped. */
  #sawCustom(): void {
    if (this.#hasCustom) return;
    this.#hasCustom = true;
    if (!this.#docCustomSkipped) return;
    this.#docCustomSkipped = false;
    const shadows = new ShadowFinder(
      this.#doc,
      (shadow) => this.#addShadowRoot(shadow),
      (el) => this.#addBare(el),
      { css: false },
    );
    this.#jobs.push({ scanner: null, shadows });
  }

  /** Remembers an element that may get a shadow root without a change an observer would see. */
  #addBare(el: Element): void {
    const tag = el.localName;
    if (!tag.includes('-')) {
      if (this.#bareHosts.size >= MAX_BARE_HOSTS) return;
      this.#bareHosts.add(el);
    } else {
      this.#sawCustom();
      if (this.#undefinedTags.has(tag) || el.matches(':defined')) return;
      this.#undefinedTags.set(tag, el);
    }
    this.#checkLateLater();
  }

  #addShadowRoot(shadow: ShadowRoot): void {
    if (this.shadowRoots.has(shadow)) return;
    this.#bareHosts.delete(shadow.host);
    if (shadow.host.localName.includes('-')) this.#sawCustom();
    this.shadowRoots.add(shadow);
    this.#observe(shadow);
    this.#jobs.push(this.#job(shadow));
  }

  /** Searches the elements of each custom-element name the page has defined meanwhile for their shadow roots. */
  #checkLateShadows(): void {
    for (const [tag, el] of this.#undefinedTags) {
      if (el.isConnected && !el.matches(':defined')) continue;
      this.#undefinedTags.delete(tag);
      for (const root of [this.#doc, ...this.shadowRoots]) {
        for (const host of root.querySelectorAll(CSS.escape(tag))) {
          const shadow = shadowRootOf(host);
          if (shadow) this.#addShadowRoot(shadow);
        }
      }
    }
  }

  /** Looks at the empty built-in elements found without a root again, in slices like a scan (a job of its own). */
  #checkBareHosts(): void {
    const hosts = this.#bareHosts;
    for (const el of hosts) if (!el.isConnected) hosts.delete(el);
    if (!hosts.size) return;
    const shadows = new ShadowFinder(null, (shadow) => this.#addShadowRoot(shadow), undefined, {
      elements: [...hosts],
    });
    this.#jobs.push({ scanner: null, shadows });
  }

  #checkLateLater(): void {
    if (this.#lateTimer || this.#lateChecks >= LATE_CHECKS) return;
    this.#lateTimer = true;
    this.#setTimeout(
      () => {
        this.#lateTimer = false;
        if (!this.#active || !this.#options.isValid()) return;
        const start = performance.now();
        this.#checkLateShadows();
        this.#checkBareHosts();
        this.stats.record(start);
        if (this.#jobs.length) this.#schedule();
        if (this.#undefinedTags.size || this.#bareHosts.size) this.#checkLateLater();
      },
      LATE_CHECK_FIRST_MS * 2 ** this.#lateChecks++,
    );
  }

  /** Loads the engine's chunk; when that fails, reports it and reads no block until the next batch. */
  async #loadEngine(): Promise<void> {
    const source = this.#options.detect;
    if (this.#detector || typeof source === 'function') return;
    try {
      this.#detector = await source.load();
    } catch (error) {
      console.error('Company Lens: could not load the identifier engine', error);
      this.#detector = NO_MATCHES;
    }
  }

  /** The engine, kept from ending a scan: a block it fails on is reported and skipped. */
  readonly #safeDetect: Detector = (text) => {
    try {
      return this.#detector!(text);
    } catch (error) {
      console.error('Company Lens: detection failed on a block of text', error);
      return [];
    }
  };
}
