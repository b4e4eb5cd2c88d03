// The content script's lifetime, in place of WXT's ContentScriptContext (wxt.config.ts points WXT's content-script
// entry at this module). WXT's context posts `<extension id>:content:wxt:content-script-started` to every page and
// takes a page-dispatched CustomEvent of that name as "a newer script started", so any page could learn the
// extension's id and switch it off. This one tells the page nothing and listens to nothing the page can send:
// - an orphaned script (the extension was updated, reloaded or removed) sees `runtime.id` gone: measured in Chromium
//   156, the old script keeps running in its own isolated world beside the new one's, with `chrome.runtime.id`
//   undefined; Firefox 153 stops the old script itself (docs/security.md). Every callback given to the context checks
//   this first, so an orphan stops at its next event, timer or frame;
// - a second start in the same isolated world (the same file injected twice) replaces the first through a global of
//   that world, which the page cannot reach;
// - listeners get the browser's own events only: an event a page script dispatches (`isTrusted` false) is dropped.
import { browser } from 'wxt/browser';
import type { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';

/** The isolated-world global holding the running context of each content script (by entry point name). */
const RUNNING = '__companyLensContexts';

type Running = Record<string, { notifyInvalidated(): void } | undefined>;

/** What WXT passes besides the name (the content script's definition); createShadowRootUi reads `cssInjectionMode`. */
type ScriptOptions = WxtContext['options'];

/** A content script's lifetime: timers, frames and listeners that end with it, and what to undo when it ends. */
export class ScriptContext {
  readonly #controller = new AbortController();

  constructor(
    readonly name: string,
    readonly options?: ScriptOptions,
  ) {
    const g = globalThis as Record<string, unknown>;
    const running = (g[RUNNING] ??= {}) as Running;
    running[name]?.notifyInvalidated();
    running[name] = this;
    this.onInvalidated(() => {
      if (running[name] === this) running[name] = undefined;
    });
  }

  /** Aborted when the context is invalidated. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** False once invalidated, or once the extension is gone (which invalidates it then). */
  get isValid(): boolean {
    if (this.signal.aborted) return false;
    if (browser.runtime?.id == null) {
      this.notifyInvalidated();
      return false;
    }
    return true;
  }

  /** Calls `cb` when the context is invalidated; returns a function that cancels that. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  /** Ends the context: every onInvalidated callback runs, every timer, frame and listener of this context goes. */
  abort(reason?: unknown): void {
    this.#controller.abort(reason);
  }

  /** Ends the context (WXT's name for abort, kept for code written against WXT's context). */
  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }

  /** setTimeout that never fires after the context ended. */
  setTimeout(handler: () => void, ms?: number): number {
    const id = setTimeout(() => this.isValid && handler(), ms) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  /** setInterval that stops when the context ends. */
  setInterval(handler: () => void, ms?: number): number {
    const id = setInterval(() => this.isValid && handler(), ms) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  /** requestAnimationFrame that never runs after the context ended. */
  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => this.isValid && callback(time));
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  /**
   * Listens until the context ends, for the browser's own events only: an event a page script dispatched
   * (`isTrusted` false) never reaches `handler`.
   */
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, (event) => event.isTrusted && this.isValid && handler(event), {
      ...options,
      signal: this.signal,
    });
  }
}

/** WXT's content-script entry imports this name (wxt.config.ts aliases WXT's module to this one). */
export { ScriptContext as ContentScriptContext };

/**
 * The context WXT handed to `main`: ours when the build aliases WXT's context to this module. Throws otherwise, so a
 * build that would post to pages again fails every e2e test instead of shipping.
 */
export function ownContext(ctx: unknown): ScriptContext {
  if (ctx instanceof ScriptContext) return ctx;
  throw new Error('Company Lens: built with WXT’s own content-script context (see wxt.config.ts)');
}

/** The context as WXT's UI helpers type it (createShadowRootUi uses only `onInvalidated` and `options`). */
export function asWxtContext(ctx: ScriptContext): WxtContext {
  return ctx as unknown as WxtContext;
}
