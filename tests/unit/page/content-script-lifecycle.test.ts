// @vitest-environment happy-dom
// The content script's whole page side (scan, highlights, settings, the popup's and the card's channels, hover
// tracking and the card) set up on the content script's own context (utils/page/script-context.ts), then invalidated
// the way an update or a disabled extension invalidates it: nothing may be left running — no observer, listener,
// timer or highlight.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CardRoot } from '../../../utils/card/card-model';
import { setUpCard } from '../../../utils/card/set-up-card';
import { setUpCardUi } from '../../../utils/card/card-ui';
import { ScriptContext } from '../../../utils/page/script-context';
import { setUpPageScan } from '../../../utils/page/set-up-page-scan';
import { fakeDetector } from './fake-detector';

/** What is alive: observers observing, listeners not removed (nor aborted), timers and frames pending. */
function track() {
  const observers = new Set<MutationObserver>();
  const listeners = new Set<object>();
  const timers = new Set<unknown>();
  const frames = new Set<number>();
  const proto = MutationObserver.prototype;
  const observe = proto.observe;
  const disconnect = proto.disconnect;
  vi.spyOn(proto, 'observe').mockImplementation(function (this: MutationObserver, ...args) {
    observers.add(this);
    return observe.apply(this, args);
  });
  vi.spyOn(proto, 'disconnect').mockImplementation(function (this: MutationObserver) {
    observers.delete(this);
    return disconnect.apply(this);
  });
  const targets = [window, document, document.documentElement, document.body];
  for (const target of targets) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
      const entry = { target, type, listener };
      const signal = typeof options === 'object' ? options.signal : undefined;
      if (!signal?.aborted) listeners.add(entry);
      signal?.addEventListener('abort', () => listeners.delete(entry));
      return add(type, listener, options);
    });
    vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, options) => {
      for (const e of listeners) {
        const l = e as { target: unknown; type: string; listener: unknown };
        if (l.target === target && l.type === type && l.listener === listener) listeners.delete(e);
      }
      return remove(type, listener, options);
    });
  }
  const { setTimeout: st, clearTimeout: ct, requestAnimationFrame: raf, cancelAnimationFrame: caf } = globalThis;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((handler: () => void, ms?: number) => {
    const id = st(() => {
      timers.delete(id);
      handler();
    }, ms);
    timers.add(id);
    return id;
  }) as typeof setTimeout);
  vi.spyOn(globalThis, 'clearTimeout').mockImplementation((id) => {
    timers.delete(id);
    ct(id);
  });
  vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation((cb) => {
    const id = raf((t) => {
      frames.delete(id);
      cb(t);
    });
    frames.add(id);
    return id;
  });
  vi.spyOn(globalThis, 'cancelAnimationFrame').mockImplementation((id) => {
    frames.delete(id);
    caf(id);
  });
  return { observers, listeners, timers, frames };
}

/** CSS.highlights and Highlight as Chromium has them (happy-dom has neither). */
function installHighlights(): Map<string, unknown> {
  const registry = new Map<string, unknown>();
  class FakeHighlight extends Set<AbstractRange> {}
  Object.assign(window, { Highlight: FakeHighlight });
  Object.defineProperty(window, 'CSS', { value: { ...window.CSS, highlights: registry }, configurable: true });
  return registry;
}

/** Whether a fake browser event has any listener (its runtime has hasListeners; its types do not). */
const listening = (event: unknown) => (event as { hasListeners(): boolean }).hasListeners();

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('an invalidated content script', () => {
  let highlights: Map<string, unknown>;
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.innerHTML = '<p>KvK 33014286</p><p>Btw NL805734958B01</p><div id="feed"></div>';
    highlights = installHighlights();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('leaves no observer, listener, timer, frame, message or storage listener, nor highlight behind', async () => {
    const alive = track();
    const ctx = new ScriptContext('content');
    const detect = fakeDetector();
    const scan = setUpPageScan(ctx, { load: async () => detect });
    const root: CardRoot = {
      host: document.createElement('div'),
      card: null,
      show: () => undefined,
      clear: () => undefined,
    };
    const loaded = vi.fn(async (c: ScriptContext, s: typeof scan) => setUpCardUi(c, s, async () => root));
    setUpCard(ctx, scan, loaded);

    await vi.waitFor(() => expect(scan.index.summary().map((i) => i.value)).toEqual(['33014286', 'NL805734958B01']));
    await vi.waitFor(() => expect(loaded).toHaveBeenCalled()); // hover tracking is on: the page has numbers
    await tick(10);
    expect(alive.observers.size).toBeGreaterThan(0);
    expect(alive.listeners.size).toBeGreaterThan(0);
    expect([...highlights.keys()].length).toBeGreaterThan(0);
    expect(listening(fakeBrowser.runtime.onMessage)).toBe(true);
    expect(listening(fakeBrowser.storage.onChanged)).toBe(true);

    ctx.notifyInvalidated();
    await tick(20);

    expect(alive.observers.size).toBe(0);
    expect([...alive.listeners]).toEqual([]);
    expect(alive.timers.size).toBe(0);
    expect(alive.frames.size).toBe(0);
    expect([...highlights.keys()]).toEqual([]);
    expect(listening(fakeBrowser.runtime.onMessage)).toBe(false);
    expect(listening(fakeBrowser.storage.onChanged)).toBe(false);

    // And the page changing afterwards wakes nothing.
    detect.seen.length = 0;
    document.getElementById('feed')!.innerHTML = '<p>KvK 68750110</p>';
    await tick(50);
    expect(detect.seen).toEqual([]);
  });
});
