// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { setUpHover, type HoverContext } from '../../../utils/card/hover';
import { MatchIndex } from '../../../utils/page/match-index';
import { isPageRequest, PAGE_MATCHES } from '../../../utils/messaging/page-messages';

describe('setUpHover', () => {
  it('does no work for pointer moves on a page without matches (no frame requested)', () => {
    const listeners = new Map<string, (e: Event) => void>();
    let frames = 0;
    const ctx: HoverContext = {
      addEventListener: (_target, type, handler) => listeners.set(type, handler),
      setTimeout: () => 0,
      requestAnimationFrame: () => ++frames,
    };
    const index = new MatchIndex(window);
    setUpHover(ctx, document, index, new Set());
    const move = listeners.get('pointermove')!;
    for (let i = 0; i < 100; i++) move(new MouseEvent('pointermove', { clientX: i, clientY: i }));
    expect(frames).toBe(0);

    document.body.innerHTML = '<p>KvK 33014286</p>';
    const range = document.createRange();
    const text = document.body.firstChild!.firstChild as Text;
    range.setStart(text, 4);
    range.setEnd(text, 12);
    index.add({ kind: 'kvk', value: '33014286', checksum: 'none', range, nodes: [text], block: text.parentNode! });
    for (let i = 0; i < 100; i++) move(new MouseEvent('pointermove', { clientX: i, clientY: i }));
    expect(frames).toBe(1); // throttled to one frame until it runs
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
