// @vitest-environment happy-dom
// The content script's own context: it tells the page nothing, nothing the page dispatches ends or reaches it, and it
// still ends when the extension is gone (runtime.id undefined) or the same script starts again in its world.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';
import { ownContext, ScriptContext } from '../../../utils/page/script-context';
import { trusted } from '../support/trusted-event';

const WXT_EVENT = `${fakeBrowser.runtime.id}:content:wxt:content-script-started`;

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('ScriptContext', () => {
  it('posts nothing to the page and dispatches no event when it starts', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const onDocument = vi.spyOn(document, 'dispatchEvent');
    const onWindow = vi.spyOn(window, 'dispatchEvent');
    const ctx = new ScriptContext('content');
    expect(ctx.isValid).toBe(true);
    expect(posted).not.toHaveBeenCalled();
    expect(onDocument).not.toHaveBeenCalled();
    expect(onWindow).not.toHaveBeenCalled();
    ctx.abort();
  });

  it("is not invalidated by a page dispatching WXT's event name or posting look-alike messages", () => {
    const ctx = new ScriptContext('content');
    const detail = { contentScriptName: 'content', messageId: 'forged' };
    document.dispatchEvent(new CustomEvent(WXT_EVENT, { detail }));
    window.dispatchEvent(new CustomEvent(WXT_EVENT, { detail }));
    window.postMessage({ type: WXT_EVENT, ...detail }, '*');
    expect(ctx.isValid).toBe(true);
    ctx.abort();
  });

  it('delivers only trusted events to its listeners, and none after it ended', () => {
    const ctx = new ScriptContext('content');
    const seen: boolean[] = [];
    ctx.addEventListener(window, 'pointermove', (e) => seen.push(e.isTrusted));
    window.dispatchEvent(new MouseEvent('pointermove')); // what a page script can do
    window.dispatchEvent(trusted(new MouseEvent('pointermove')));
    expect(seen).toEqual([true]);
    ctx.abort();
    window.dispatchEvent(trusted(new MouseEvent('pointermove')));
    expect(seen).toEqual([true]);
  });

  it('ends, with its callbacks, once the extension is gone (an orphan after an update)', async () => {
    const ctx = new ScriptContext('content');
    const ended = vi.fn();
    const fired = vi.fn();
    ctx.onInvalidated(ended);
    ctx.setTimeout(fired, 0);
    ctx.addEventListener(window, 'pointermove', fired);
    const id = fakeBrowser.runtime.id;
    fakeBrowser.runtime.id = undefined as unknown as string;
    try {
      window.dispatchEvent(trusted(new MouseEvent('pointermove')));
      await new Promise((r) => setTimeout(r, 5));
    } finally {
      fakeBrowser.runtime.id = id;
    }
    expect(fired).not.toHaveBeenCalled();
    expect(ended).toHaveBeenCalledOnce();
    expect(ctx.isValid).toBe(false);
  });

  it('a second start of the same script in the same world ends the first; another script is left alone', () => {
    const first = new ScriptContext('content');
    const other = new ScriptContext('other');
    const second = new ScriptContext('content');
    expect(first.isValid).toBe(false);
    expect(second.isValid).toBe(true);
    expect(other.isValid).toBe(true);
    second.abort();
    other.abort();
  });

  it("refuses WXT's own context (a build without the alias in wxt.config.ts)", () => {
    const own = new ScriptContext('content');
    expect(ownContext(own)).toBe(own);
    expect(() => ownContext(new WxtContext('content'))).toThrow(/WXT/);
    own.abort();
  });
});
