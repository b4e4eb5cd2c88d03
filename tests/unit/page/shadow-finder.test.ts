// @vitest-environment happy-dom
// Shadow roots on built-in elements (a widget's empty <div>), open or closed, found in slices; and roots a page
// attaches later to an element already searched, which no MutationObserver reports. (happy-dom has no XPath and
// matches `:empty` and `:not(:defined)` loosely: custom elements and the exact candidates are covered by the e2e tests.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MatchIndex } from '../../../utils/page/match-index';
import { PageScanner } from '../../../utils/page/page-scanner';
import { ShadowFinder } from '../../../utils/page/shadow-finder';
import { fakeDetector } from './fake-detector';

afterEach(() => vi.restoreAllMocks());

describe('ShadowFinder', () => {
  it('finds open and closed roots on empty built-in elements, and reports the empty ones without a root', () => {
    document.body.innerHTML =
      '<div id="open"></div><section><span id="closed"></span></section><p id="bare"></p><p>tekst <i>x</i></p><b id="b"></b>';
    const open = document.getElementById('open')!.attachShadow({ mode: 'open' });
    const closedHost = document.getElementById('closed')!;
    const closed = closedHost.attachShadow({ mode: 'closed' });
    // What chrome.dom.openOrClosedShadowRoot (Firefox: Element.openOrClosedShadowRoot) gives a content script.
    const rootOf = (el: Element) => el.shadowRoot ?? (el === closedHost ? closed : null);
    const roots: ShadowRoot[] = [];
    const bare: Element[] = [];
    expect(
      new ShadowFinder(
        document,
        (r) => roots.push(r),
        (el) => bare.push(el),
        { rootOf },
      ).step(Infinity),
    ).toBe(true);
    expect(roots).toEqual([open, closed]);
    // happy-dom's `:empty` and `:defined` match more than a browser's (the e2e tests check those): here only that an
    // empty element that may host a root is reported without one, and that a <b> (which cannot host one) is not.
    expect(bare.map((el) => el.id)).toContain('bare');
    expect(bare.filter((el) => el.localName === 'b')).toEqual([]);
  });

  it('looks at many elements in slices, reading the clock between runs of them', () => {
    document.body.innerHTML = '<div></div>'.repeat(1000);
    for (const div of document.querySelectorAll('div')) div.attachShadow({ mode: 'open' });
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock++);
    const roots: ShadowRoot[] = [];
    const finder = new ShadowFinder(document, (r) => roots.push(r));
    let steps = 1;
    while (!finder.step(clock + 1)) steps++;
    expect(roots).toHaveLength(1000);
    expect(steps).toBeGreaterThan(5);
  });

  it('looks again at elements it is given (ones found without a root before)', () => {
    document.body.innerHTML = '<div></div><div></div>';
    const [a, b] = [...document.querySelectorAll('div')];
    const later = b!.attachShadow({ mode: 'open' });
    const roots: ShadowRoot[] = [];
    expect(new ShadowFinder(null, (r) => roots.push(r), undefined, { elements: [a!, b!] }).step(Infinity)).toBe(true);
    expect(roots).toEqual([later]);
  });
});

describe('PageScanner and shadow roots on built-in elements', () => {
  it('scans a root on an empty <div> at the first scan, and one attached later with no change to the DOM', async () => {
    document.body.innerHTML = '<p>Bovenaan staat niets.</p><div id="widget"></div><div id="late"></div>';
    document.getElementById('widget')!.attachShadow({ mode: 'open' }).innerHTML = '<p>KvK 33014286</p>';
    const timers: (() => void)[] = [];
    const index = new MatchIndex(window);
    const scanner = new PageScanner(document, {
      detect: fakeDetector(),
      index,
      isValid: () => true,
      // The looks again (0.5 s on) are run by hand; the repaint's short wait is real.
      setTimeout: (handler, ms) => (ms >= 500 ? timers.push(handler) : setTimeout(handler, ms)),
    });
    const batch = () => new Promise<void>((resolve) => scanner.onBatch(() => resolve()));
    const values = () => index.summary().map((i) => i.value);
    const first = batch();
    scanner.start();
    await first;
    expect(values()).toEqual(['33014286']);

    // A widget attaching its root to an element the scan has seen: no mutation record, found on the next look.
    document.getElementById('late')!.attachShadow({ mode: 'open' }).innerHTML = '<p>KvK 68750110</p>';
    expect(timers.length).toBeGreaterThan(0);
    const second = batch();
    timers.shift()!();
    await second;
    expect(values().sort()).toEqual(['33014286', '68750110']);
    expect(scanner.shadowRoots.size).toBe(2);
    scanner.stop();
  });
});
