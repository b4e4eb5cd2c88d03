// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { setUpHover, type HoverContext } from '../../../utils/card/hover';
import { MatchIndex } from '../../../utils/page/match-index';
import { isPageRequest, PAGE_MATCHES } from '../../../utils/messaging/page-messages';
import { trusted } from '../support/trusted-event';

describe('setUpHover', () => {
  /** A tracker over a fake context that records its listeners and counts the frames it asks for. */
  function tracker() {
    const listeners = new Map<string, (e: Event) => void>();
    const frames: FrameRequestCallback[] = [];
    const ctx: HoverContext = {
      addEventListener: (_target, type, handler) => listeners.set(type, handler),
      setTimeout: () => 0,
      requestAnimationFrame: (cb) => frames.push(cb),
    };
    const index = new MatchIndex(window);
    setUpHover(ctx, document, index, new Set());
    const addMatch = () => {
      document.body.innerHTML = '<p>KvK 33014286</p>';
      const range = document.createRange();
      const text = document.body.firstChild!.firstChild as Text;
      range.setStart(text, 4);
      range.setEnd(text, 12);
      index.add({ kind: 'kvk', value: '33014286', checksum: 'none', range, nodes: [text], block: text.parentNode! });
    };
    const move = (x: number, y: number, isTrusted = true) => {
      const event = new MouseEvent('pointermove', { clientX: x, clientY: y });
      listeners.get('pointermove')!(isTrusted ? trusted(event) : event);
    };
    const runFrames = () => frames.splice(0).forEach((cb) => cb(0));
    return { listeners, frames, addMatch, move, runFrames };
  }

  it('does no work for pointer moves on a page without matches (no frame requested)', () => {
    const t = tracker();
    for (let i = 0; i < 100; i++) t.move(i, i);
    expect(t.frames.length).toBe(0);

    t.addMatch();
    for (let i = 0; i < 100; i++) t.move(i, i);
    expect(t.frames.length).toBe(1); // throttled to one frame until it runs
  });

  it('ignores pointer moves a page dispatched, and moves that did not move the pointer', () => {
    const t = tracker();
    t.addMatch();
    for (let i = 0; i < 100; i++) t.move(i, i, false);
    expect(t.frames.length).toBe(0);
    t.move(5, 5);
    t.runFrames();
    t.move(5, 5); // the same spot again (a browser's repeated move)
    expect(t.frames.length).toBe(0);
    t.move(6, 5);
    expect(t.frames.length).toBe(1);
  });
});

describe('isPageRequest', () => {
  it('accepts exactly the request and nothing else', () => {
    expect(isPageRequest({ type: PAGE_MATCHES })).toBe(true);
    for (const bad of [
      null,
      undefined,
      'x',
      {},
      { type: 'lookup' },
      { type: PAGE_MATCHES, extra: 1 },
      [PAGE_MATCHES],
    ]) {
      expect(isPageRequest(bad)).toBe(false);
    }
  });
});

describe('MatchIndex.summary', () => {
  it('lists each identifier once with its count and hides kinds switched off', () => {
    document.body.innerHTML = '<p>a</p>';
    const text = document.body.firstChild!.firstChild as Text;
    const index = new MatchIndex(window);
    const add = (kind: 'kvk' | 'vat', value: string) =>
      index.add({ kind, value, checksum: 'none', range: document.createRange(), nodes: [text], block: text });
    add('kvk', '33014286');
    add('vat', 'NL805734958B01');
    add('kvk', '33014286');
    expect(index.summary()).toEqual([
      { kind: 'kvk', value: '33014286', checksum: 'none', count: 2 },
      { kind: 'vat', value: 'NL805734958B01', checksum: 'none', count: 1 },
    ]);
    index.setEnabled((kind) => kind !== 'kvk');
    expect(index.summary().map((i) => i.value)).toEqual(['NL805734958B01']);
    expect(index.matchesAt(text)?.map((m) => m.value)).toEqual(['NL805734958B01']);
  });
});
