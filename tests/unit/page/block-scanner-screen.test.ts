// @vitest-environment happy-dom
// The block scanner screens the text around numbers once, however many numbers share it (ScreenTape in
// utils/identifiers/screen.ts), instead of once per number: checked for what the label screen reads on a page dense
// with numbers, and for soundness against the engine itself on page shapes (labels and numbers split over nodes,
// among many other numbers, next to scripts, in cells under a header).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findIdentifiers } from '../../../utils/identifiers';
import { BlockScanner, type FoundMatch } from '../../../utils/page/block-scanner';
import { labelContextFor } from '../../../utils/page/label-context';
import { fakeDetector } from './fake-detector';

afterEach(() => vi.restoreAllMocks());

/** A paragraph as an order list has them: an order number, most with a phone number (the bench's dense page). */
function orderLine(i: number): string {
  const phone = i % 10 < 7 ? `bel 020 ${100 + (i % 900)} ${1000 + (i % 9000)}` : 'bel ons gerust';
  return `<p>de het een order ${20240000 + i} <b>levering klant</b> voor bij uit ${phone} <a href="#">over onder</a> factuur volgt.</p>`;
}

/** How many characters the label screen's regexes were given to read (from where each call starts). */
function countLabelScreenReads(): { chars: number } {
  const counter = { chars: 0 };
  const exec = RegExp.prototype.exec;
  vi.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, s: string) {
    // The screen's label patterns are the case-insensitive ones (the engine's LABEL_RE runs on lower-cased text).
    if (this.flags.includes('i') && this.source.includes('koophandel')) {
      counter.chars += s.length - (this.global || this.sticky ? this.lastIndex : 0);
    }
    return exec.call(this, s);
  });
  return counter;
}

function textLength(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let n = 0;
  while (walker.nextNode()) n += (walker.currentNode as Text).data.length;
  return n;
}

describe('the label screen on a page dense with numbers', () => {
  it('reads each character a bounded number of times, not once for every number near it', () => {
    document.body.innerHTML = Array.from({ length: 400 }, (_, i) => orderLine(i)).join('');
    const total = textLength(document.body);
    const reads = countLabelScreenReads();
    const scanner = new BlockScanner(document.body, fakeDetector(), () => undefined);
    expect(scanner.step(Infinity)).toBe(true);
    vi.restoreAllMocks();
    // 680 numbers, one every ~56 characters: a window of ~220 characters around each would read every character ~4×.
    expect(reads.chars).toBeGreaterThan(total * 0.5); // the windows cover most of this page: it is screened
    expect(reads.chars).toBeLessThan(total * 1.5);
  });
});

/** The string literals with a digit in the engine's own test file (its phrasings, labels and numbers of all kinds). */
const phrasings = [
  ...readFileSync(resolve(__dirname, '../identifiers-find.test.ts'), 'utf8').matchAll(
    /(['`"])((?:(?!\1)[^\\]|\\.)*\d(?:(?!\1)[^\\]|\\.)*)\1/g,
  ),
]
  .map((m) => m[2]!.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\'/g, "'"))
  .filter((t) => !t.includes('${') && findIdentifiers(t).length > 0);

/** A small deterministic generator (the shapes differ per text but not per run). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** `text` cut into 1–4 pieces, some wrapped in inline elements (<b>, <span>, <a>). */
function split(text: string, next: () => number): string {
  const cuts = [0];
  const n = Math.floor(next() * 4);
  for (let i = 0; i < n; i++) cuts.push(Math.floor(next() * text.length));
  cuts.push(text.length);
  cuts.sort((a, b) => a - b);
  const tags = ['b', 'span', 'a', ''];
  return cuts
    .slice(1)
    .map((end, i) => {
      const piece = escape(text.slice(cuts[i]!, end));
      const tag = tags[Math.floor(next() * tags.length)]!;
      return tag && piece ? `<${tag}>${piece}</${tag}>` : piece;
    })
    .join('');
}

/** Scans with the real engine; returns, per block, the values found. */
function scanWithEngine(root: Node): Map<Node, string[]> {
  const found = new Map<Node, string[]>();
  const onMatch = (m: FoundMatch) => found.set(m.block, [...(found.get(m.block) ?? []), m.value]);
  expect(new BlockScanner(root, (t) => findIdentifiers(t), onMatch).step(Infinity)).toBe(true);
  return found;
}

/** What the engine finds in a block read in full, the way the scanner gives it (its label context first). */
function engineOn(block: Element): string[] {
  const context = labelContextFor(block);
  return findIdentifiers(context + block.textContent)
    .filter((m) => m.start >= context.length)
    .map((m) => m.value);
}

describe('the screen lets through everything the engine finds', () => {
  it.each([17, 29, 31])('in the engine test phrasings, split over nodes, among numbers nothing names (%i)', (seed) => {
    expect(phrasings.length).toBeGreaterThan(40);
    const next = random(seed);
    const html: string[] = [];
    phrasings.forEach((text, i) => {
      html.push(orderLine(i), orderLine(i + 1));
      html.push(`<p class="t">${split(text, next)}</p>`);
      if (i % 3 === 0) html.push(`<script>${'var order = 20240001;'.repeat(4)}</script>`);
      html.push(orderLine(i + 2));
    });
    document.body.innerHTML = html.join('');
    const found = scanWithEngine(document.body);
    const missed = [...document.querySelectorAll('p.t')]
      .filter((p) => JSON.stringify(found.get(p) ?? []) !== JSON.stringify(engineOn(p)))
      .map((p) => p.textContent);
    expect(missed).toEqual([]);
  });

  it('in cells under a labelling header, in terms and descriptions, and in lines one after the other', () => {
    const rows = phrasings.map((t, i) => `<tr><td>${escape(t)}</td><td>${20240000 + i}</td></tr>`).join('');
    const numbers = ['33014286', '0202.239.951', 'NL805734958B01', '0417 497 106'];
    const column = numbers.map((n, i) => `<tr><td>${n}</td><td>order ${20240000 + i}</td></tr>`).join('');
    const terms = numbers.map((n) => `<dt>KvK-nummer</dt><dd>order 20240001</dd><dd>${n}</dd>`).join('');
    const lines = phrasings.map((t) => `<div>${escape(t)}</div><div>order 20240001, bel 020 123 4567</div>`).join('');
    document.body.innerHTML =
      `<table><tr><th>Omschrijving</th><th>Order</th></tr>${rows}</table>` +
      `<table><tr><th>KvK</th><th>Order</th></tr>${column}</table><dl>${terms}</dl>${lines}`;
    const found = scanWithEngine(document.body);
    const blocks = [...document.querySelectorAll('td, dd, div')].filter((b) => engineOn(b).length > 0);
    expect(blocks.length).toBeGreaterThan(40);
    const missed = blocks
      .filter((b) => JSON.stringify(found.get(b) ?? []) !== JSON.stringify(engineOn(b)))
      .map((b) => b.textContent);
    expect(missed).toEqual([]);
  });

  it('with the label in a node of its own, before or after the number, glued to the word before or not', () => {
    const shapes = [
      '<p>onder nummer <b>30279447</b> ingeschreven bij de <a>Kamer van Koophandel</a>.</p>',
      '<p><span>0202.239.951</span> (<i>ondernemingsnummer</i>)</p>',
      '<div>Naam</div><div>KvK</div><div>68750110</div>',
      '<p><b>K</b>v<b>K</b>: <span>6875</span><span>0110</span></p>',
      '<p>Btw-nummer: NL<b>805734958</b>B01</p>',
      '<p>Kamer van <span>Koophandel</span> <b>33014286</b></p>',
      `<p>KvK<span>${' '.repeat(70)}</span>69599084</p>`,
    ];
    document.body.innerHTML = shapes.map((s, i) => `${orderLine(i)}${s}${orderLine(i + 1)}`).join('');
    const found = scanWithEngine(document.body);
    const blocks = [...document.querySelectorAll('p, div')].filter((b) => engineOn(b).length > 0);
    expect(blocks).toHaveLength(shapes.length);
    expect(blocks.map((b) => found.get(b) ?? [])).toEqual(blocks.map((b) => engineOn(b)));
  });
});

describe('the screen with numbers too far back to screen', () => {
  it('still screens the windows of the numbers waiting before one that is read unscreened', () => {
    // "3301" ends its node: it waits for the text after it, and 40 empty text nodes (a framework's placeholders) come
    // first, so when "4286" shows that a number spans the nodes, the ring no longer holds the text before it.
    document.body.innerHTML = '<p>Ons KvK-nummer is 33014286 en verder niets.</p><p id="split">3301</p>';
    const split = document.getElementById('split')!;
    for (let i = 0; i < 40; i++) split.append(document.createTextNode(''));
    split.append(document.createTextNode('4286 en nog wat woorden zonder nummers.'));
    document.body.insertAdjacentHTML('beforeend', '<p>Gewone tekst over levering, zonder nummers.</p>'.repeat(8));
    const found = scanWithEngine(document.body);
    expect([...found.values()].flat()).toContain('33014286');
  });
});
