// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { MatchIndex } from '../../../utils/page/match-index';
import { MAX_QUEUED, PageScanner } from '../../../utils/page/page-scanner';
import { fakeDetector } from './fake-detector';

function setUp(html: string) {
  document.body.innerHTML = html;
  const detect = fakeDetector();
  const index = new MatchIndex(window);
  const scanner = new PageScanner(document, { detect, index, isValid: () => true });
  const batch = () => new Promise<void>((resolve) => scanner.onBatch(() => resolve()));
  const values = () =>
    index
      .summary()
      .map((i) => i.value)
      .sort();
  return { detect, index, scanner, batch, values };
}

describe('PageScanner', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('scans the page, then only what changed: added blocks and rewritten text, never a block twice', async () => {
    const { scanner, batch, values, detect } = setUp('<p id="a">KvK 33014286</p><div id="list"></div>');
    const first = batch();
    scanner.start();
    await first;
    expect(values()).toEqual(['33014286']);

    detect.seen.length = 0;
    const second = batch();
    const list = document.getElementById('list')!;
    const p = document.createElement('p');
    p.innerHTML = 'KvK <b>68750110</b>';
    list.append(p);
    p.append(' en btw NL805734958B01'); // a change inside a queued node: dropped, the node is scanned once
    await second;
    expect(values()).toEqual(['33014286', '68750110', 'NL805734958B01']);
    expect(detect.seen).toEqual(['KvK 68750110 en btw NL805734958B01']);

    const third = batch();
    (document.getElementById('a')!.firstChild as Text).data = 'KvK 12345678';
    await third;
    expect(values()).toEqual(['12345678', '68750110', 'NL805734958B01']);

    const fourth = batch();
    p.remove();
    await fourth;
    expect(values()).toEqual(['12345678']);
    scanner.stop();
  });

  it('turns a huge burst of changes into one rescan of the whole document', async () => {
    const { scanner, batch, values, detect } = setUp('<div id="feed"></div>');
    const first = batch();
    scanner.start();
    await first;
    detect.seen.length = 0;
    const next = batch();
    const feed = document.getElementById('feed')!;
    for (let i = 0; i <= MAX_QUEUED; i++) feed.append(document.createElement('p'));
    feed.lastElementChild!.textContent = 'KvK 33014286';
    await next;
    expect(values()).toEqual(['33014286']);
    expect(detect.seen).toEqual(['KvK 33014286']);
    scanner.stop();
  });

  it('stops: queued work is dropped, matches are forgotten, later changes are ignored', async () => {
    const { scanner, batch, values, index } = setUp('<p>KvK 33014286</p>');
    const first = batch();
    scanner.start();
    await first;
    scanner.stop();
    expect(index.isEmpty).toBe(true);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'KvK 68750110' }));
    await new Promise((r) => setTimeout(r, 30));
    expect(values()).toEqual([]);
  });
});
