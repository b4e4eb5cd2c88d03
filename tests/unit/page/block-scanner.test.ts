// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BlockScanner, MAY_HOLD_IDENTIFIER, type FoundMatch } from '../../../utils/page/block-scanner';
import { findIdentifiers } from '../../../utils/identifiers';
import { fakeDetector } from './fake-detector';

function scan(html: string) {
  document.body.innerHTML = html;
  const detect = fakeDetector();
  const found: FoundMatch[] = [];
  const scanner = new BlockScanner(document.body, detect, (m) => found.push(m));
  expect(scanner.step(Infinity)).toBe(true);
  return { found, seen: detect.seen, texts: found.map((m) => m.range.toString()) };
}

describe('BlockScanner', () => {
  it('reads a block across inline elements in DOM order, so a label in the same sentence counts', () => {
    const { texts, seen } = scan('<p>Ingeschreven bij de <b>KvK</b> onder <i>nummer</i> 33014286.</p>');
    expect(seen).toEqual(['Ingeschreven bij de KvK onder nummer 33014286.']);
    expect(texts).toEqual(['33014286']);
  });

  it('gives the preceding cell with a TAB and the <dt> of a <dd> with a NEWLINE, and never highlights the label', () => {
    const { seen, found } = scan(
      '<table><tr><th>KvK</th><td>33014286</td></tr></table><dl><dt>KvK-nummer</dt><dd>68750110</dd></dl>',
    );
    expect(seen).toEqual(['KvK\t33014286', 'KvK-nummer\n68750110']);
    expect(found.map((m) => [m.range.toString(), (m.block as Element).localName])).toEqual([
      ['33014286', 'td'],
      ['68750110', 'dd'],
    ]);
  });

  it('gives a column header for a vertical table and the previous line of a block', () => {
    const { seen } = scan(
      '<table><tr><th>KvK</th><th>Naam</th></tr><tr><td>33014286</td><td>Acme</td></tr></table>' +
        '<div>Kamer van Koophandel (KvK)</div><div>68750110</div><p>KvK-nummer:<br>12345678</p>',
    );
    expect(seen).toEqual([
      'KvK\n33014286',
      'Kamer van Koophandel (KvK)\n68750110',
      '68750110\nKvK-nummer:\n12345678', // previous block's last line, then the block with its <br> as a NEWLINE
    ]);
  });

  it('maps a number split over text nodes back to one Range over exactly those nodes', () => {
    const { found } = scan('<p>KvK <span>3301</span><b>4286</b> en meer</p>');
    expect(found).toHaveLength(1);
    expect(found[0]!.range.toString()).toBe('33014286');
    expect(found[0]!.nodes.map((n) => n.data)).toEqual(['3301', '4286']);
  });

  it('leaves scripts, styles, form fields, editable regions and blocks without a long digit run alone', () => {
    const { seen, texts } = scan(
      '<script>var kvk = "KvK 33014286";</script><style>/* KvK 33014286 */</style>' +
        '<textarea>KvK 33014286</textarea><select><option>KvK 33014286</option></select>' +
        '<div contenteditable="true"><p>KvK 33014286</p></div><p>KvK <span contenteditable>33014286</span></p>' +
        '<p>Open van 9 tot 17 uur, 12-03, € 1.250</p><p>KvK 99887766</p>',
    );
    expect(texts).toEqual(['99887766']);
    expect(seen).toEqual(['Open van 9 tot 17 uur, 12-03, € 1.250\nKvK 99887766']);
  });

  it('stops at a deadline and resumes where it was', () => {
    document.body.innerHTML = Array.from({ length: 600 }, (_, i) => `<p>KvK ${10000000 + i}</p>`).join('');
    const found: FoundMatch[] = [];
    const scanner = new BlockScanner(document.body, fakeDetector(), (m) => found.push(m));
    expect(scanner.step(0)).toBe(false);
    expect(found.length).toBeLessThan(600);
    while (!scanner.step(Infinity));
    expect(found).toHaveLength(600);
    expect(new Set(found.map((m) => m.value)).size).toBe(600);
  });
});

describe('MAY_HOLD_IDENTIFIER', () => {
  it('lets every written form of an identifier through and keeps short numbers out', () => {
    for (const s of [
      '33014286',
      '3301 4286',
      'NL 8057.34.958.B.01',
      'BE (0)202.239.951',
      '2.147.812.701',
      'IE8Z49289F',
    ]) {
      expect(MAY_HOLD_IDENTIFIER.test(s), s).toBe(true);
    }
    for (const s of ['12-03', '€ 1.250,00', 'tel 020', 'HRB 1234']) expect(MAY_HOLD_IDENTIFIER.test(s), s).toBe(false);
  });
});

describe('BlockScanner screen (numbers nothing names are never given to the engine)', () => {
  /** Scans with the real engine and records which block texts reached it. */
  function scanReal(html: string, root: () => Node = () => document.body) {
    document.body.innerHTML = html;
    const given: string[] = [];
    const detect = (text: string) => {
      given.push(text);
      return findIdentifiers(text);
    };
    const found: FoundMatch[] = [];
    expect(new BlockScanner(root(), detect, (m) => found.push(m)).step(Infinity)).toBe(true);
    return { given, values: found.map((m) => m.value) };
  }
  const filler = (n: number) =>
    Array.from({ length: n }, (_, i) => `<p>Gewone tekst over levering ${i}, zonder nummers.</p>`).join('');

  it('never reads the blocks of phone, order and edge numbers, and still finds the labelled ones among them', () => {
    const { given, values } = scanReal(
      filler(3) +
        '<p>Bel ons op 020 123 4567 of mail.</p><p>Uw order 20240007 van 12-03-2024, € 1.250,00.</p>' +
        '<p>Om 10:30 uur, € 12,50.</p>' +
        filler(2) +
        '<p>Ingeschreven bij de <b>KvK</b> onder nummer 33014286.</p><p>Btw NL805734958B01</p><p>0202.239.951</p>',
    );
    expect(values).toEqual(['33014286', 'NL805734958B01', '0202239951']);
    expect(given.filter((t) => /020 123|20240007|10:30/.test(t))).toEqual([]);
  });

  it('finds a number named by a column header many rows up, by a far <dt>, and by a cell glued to the one before', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `<tr><td>33014286</td><td>Bedrijf ${i}</td></tr>`);
    const { values } = scanReal(
      `<table><tr><th>KvK-nummer</th><th>Naam</th></tr>${rows.join('')}</table>` +
        `<dl><dt>Ondernemingsnummer</dt>${'<dd>zie hieronder, zonder cijfers en met veel woorden erin</dd>'.repeat(6)}<dd>0417.497.106</dd></dl>` +
        '<table><tr><td>Naam</td><td>KvK</td><td>68750110</td></tr></table>',
    );
    expect(values.filter((v) => v === '33014286')).toHaveLength(40);
    expect(values).toContain('0417497106');
    expect(values).toContain('68750110');
  });

  it('reaches a label past a long script, across many tiny nodes, and after the number', () => {
    const after = filler(2); // nothing after the number names it
    const script = `<script>${'var x = 1;'.repeat(40)}</script>`;
    expect(scanReal(`<p>KvK ${script} 33014286</p>${after}`).values).toEqual(['33014286']);
    const tiny = ['K', 'v', 'K', ...Array<string>(40).fill(' ')].map((c) => `<span>${c}</span>`).join('');
    expect(scanReal(`<p>${tiny}69599084</p>${after}`).values).toEqual(['69599084']);
    const named = '<p>Wij staan onder nummer 30279447 ingeschreven bij de Kamer van Koophandel.</p>';
    expect(scanReal(`${filler(2)}${named}${after}`).values).toEqual(['30279447']);
  });

  it('finds a number cut into tiny nodes, none of which holds five digits, and skips amounts ending a node', () => {
    const pieces = ['33', '0', '1', '42', '86'].map((d) => `<span>${d}</span>`).join('');
    const { given, values } = scanReal(
      `<p>KvK-nummer: ${pieces}</p>${filler(2)}<p>Om 10:30 uur, € 12,50.</p><p>Totaal € 99,95</p>${filler(2)}`,
    );
    expect(values).toEqual(['33014286']);
    expect(given.filter((t) => t.includes('€'))).toEqual([]);
  });

  it('finds a label whose node is glued to a word before it (`<div>Naam</div><div>KvK</div>` reads NaamKvK)', () => {
    expect(scanReal(`<div>Naam</div><div>KvK</div><div>68750110</div>${filler(2)}`).values).toEqual(['68750110']);
  });

  it('gives a subtree scanned on its own the label before it (a block the page adds after its label)', () => {
    const { values } = scanReal('<p>KvK-nummer:</p><div id="added">33014286</div>', () =>
      document.getElementById('added')!,
    );
    expect(values).toEqual(['33014286']);
  });
});
