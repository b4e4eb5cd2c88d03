// Property test: whatever the text — random strings built from the pieces identifiers are made of, digit soups, random
// UTF-16 (lone surrogates included) — findIdentifiers never throws, reports sorted, non-overlapping matches inside the
// text, whose value can be derived again from the text they cover and whose checksum is what checkIdentifier says.
import { describe, expect, it } from 'vitest';
import { padNational } from '../../utils/identifiers/checks/vat-eu';
import {
  IDENTIFIER_KINDS,
  checkIdentifier,
  findIdentifiers,
  type IdentifierMatch,
} from '../../utils/identifiers/index';

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'KvK ',
  'BTW ',
  'BSN ',
  'Tel ',
  'IBAN ',
  'RSIN',
  'Ondernemingsnummer',
  'vestigingsnr',
  'TVA',
  'HRB ',
  'NL',
  'BE',
  'DE',
  'EL',
  'XI',
  'B01',
  'b',
  '(0)',
  '0202.239.951',
  '33014286',
  '805734958',
  '0000',
  ' ',
  '.',
  '-',
  '\t',
  '\n',
  ':',
  '·',
  '|',
  '\u00a0',
  '\u2011',
  '０',
  '€',
  '+31',
  ',',
  'a',
  'Z',
  'é',
  '😀',
];

function fromPieces(rand: () => number): string {
  let s = '';
  const n = 1 + Math.floor(rand() * 30);
  for (let i = 0; i < n; i++) {
    s += rand() < 0.5 ? PIECES[Math.floor(rand() * PIECES.length)] : String(Math.floor(rand() * 1e9)).padStart(8, '0');
    s += ['', ' ', ' ', ': ', '\t', '\n'][Math.floor(rand() * 6)];
  }
  return s;
}

function digitSoup(rand: () => number): string {
  let s = '';
  const n = Math.floor(rand() * 200);
  for (let i = 0; i < n; i++) s += rand() < 0.75 ? String(Math.floor(rand() * 10)) : ' .-/,'[Math.floor(rand() * 5)];
  return s;
}

function randomUtf16(rand: () => number): string {
  const codes: number[] = [];
  const n = Math.floor(rand() * 120);
  for (let i = 0; i < n; i++) {
    const r = rand();
    codes.push(
      r < 0.3 ? 48 + Math.floor(rand() * 10) : r < 0.5 ? 32 + Math.floor(rand() * 95) : Math.floor(rand() * 0x10000),
    );
  }
  return String.fromCharCode(...codes);
}

/** The value a match should have, derived from the text it covers. */
function derivable(m: IdentifierMatch, slice: string): boolean {
  const s = slice
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
  if (m.kind !== 'vat') return m.value === s || (m.kind === 'kbo' && m.value === '0' + s);
  if (/^\d+$/.test(s)) return m.value === 'BE' + s.padStart(10, '0'); // a Belgian number under a VAT label
  const cc = s.startsWith('GR') ? 'EL' : s.slice(0, 2);
  return m.value === cc + padNational(cc, s.slice(2));
}

function checkProperties(text: string): void {
  let matches: IdentifierMatch[] = [];
  expect(() => (matches = findIdentifiers(text)), JSON.stringify(text)).not.toThrow();
  let last = 0;
  for (const m of matches) {
    const where = `${JSON.stringify(text)} → ${JSON.stringify(m)}`;
    expect(IDENTIFIER_KINDS, where).toContain(m.kind);
    expect(m.start >= last && m.start < m.end && m.end <= text.length, where).toBe(true);
    expect(derivable(m, text.slice(m.start, m.end)), where).toBe(true);
    expect(m.checksum, where).toBe(checkIdentifier(m.kind, m.value));
    last = m.end;
  }
}

describe('findIdentifiers properties', () => {
  it.each([
    ['strings of identifier pieces', fromPieces],
    ['digit soups', digitSoup],
    ['random UTF-16', randomUtf16],
  ])('%s: never throws, never overlaps, offsets inside the text, values re-derivable', (_name, make) => {
    const rand = rng(0xc0ffee);
    for (let i = 0; i < 1500; i++) checkProperties(make(rand));
  });

  it('the pieces do produce matches (the properties are not checked on empty results only)', () => {
    const rand = rng(0xc0ffee);
    let total = 0;
    for (let i = 0; i < 1500; i++) total += findIdentifiers(fromPieces(rand)).length;
    expect(total).toBeGreaterThan(100);
  });
});
