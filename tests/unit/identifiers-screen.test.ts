// The screen the page scanner runs before the engine (utils/identifiers/screen.ts) must never rule out text in which
// findIdentifiers finds something: checked on the public corpus, on the engine's own test phrasings, and on every label
// spelling the reference lists, in the shapes a page gives them (split over nodes, glued to the word before, after the
// number, with Unicode spaces and dashes).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findIdentifiers } from '../../utils/identifiers';
import { isLabelWordChar } from '../../utils/identifiers/labels';
import { FULL_WIDTH, MAY_NEED_NORMALISING, PASSES } from '../../utils/identifiers/normalise';
import { mayHoldIdentifier } from '../../utils/identifiers/screen';

const corpus = readFileSync(resolve(__dirname, '../fixtures/detection/corpus.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { text: string }).text);

/** The string literals with a digit in the engine's own test file (its phrasings beyond the corpus). */
const phrasings = [
  ...readFileSync(resolve(__dirname, 'identifiers-find.test.ts'), 'utf8').matchAll(
    /(['`"])((?:(?!\1)[^\\]|\\.)*\d(?:(?!\1)[^\\]|\\.)*)\1/g,
  ),
].map((m) => m[2]!.replace(/\\n/g, '\n').replace(/\\t/g, '\t'));

// identifiers.md "Labels seen in the wild", and the spellings labels.ts knows in French, German and English.
const LABELS = [
  'KvK',
  'K.v.K.',
  'KVK-nummer',
  'KvK-nr',
  'KvK nr.',
  'Kamer van Koophandel',
  'Handelsregister',
  'CoC',
  'Chamber of Commerce',
  'Chamber of Commerce number',
  'Dutch Chamber of Commerce',
  'Handelsregisternummer',
  'KvK-dossiernummer',
  'Dossiernummer',
  'Vestigingsnummer',
  'Vestigingsnr',
  'Branch number',
  'RSIN',
  'Fiscaal nummer',
  'BTW',
  'btw-nr',
  'BTW-nummer',
  'btw-id',
  'Btw-identificatienummer',
  'VAT',
  'VAT number',
  'VAT no.',
  'VAT reg. no.',
  'omzetbelastingnummer',
  'Ondernemingsnummer',
  'O.N.',
  'Ond. nr.',
  'KBO',
  'KBO-nummer',
  'K.B.O.',
  'BCE',
  'Numéro d’entreprise',
  "N° d'entreprise",
  "No d'entreprise",
  'Unternehmensnummer',
  'RPR',
  'RPM',
  'TVA',
  'N° TVA',
  'T.V.A.',
  'Numéro de TVA intracommunautaire',
  'MwSt',
  'MwSt-Nr.',
  'USt-IdNr.',
  'Umsatzsteuer-ID',
  'UID',
  'Enterprise number',
  'Company number',
  'Company reg. no.',
  'Registered number',
  'Trade register',
  'Inschrijvingsnummer',
  'Registratienummer',
  'Kruispuntbank van Ondernemingen',
  "Unité d'établissement",
  'Partita IVA',
  'NIF',
  'CVR',
  'DIČ',
];
const NUMBERS = ['33014286', '0202.239.951', '0417497106', '000012345678', '123456782', 'NL805734958B01'];

function shapes(label: string, number: string): string[] {
  return [
    `${label}: ${number}`,
    `${label} ${number}`,
    `Ingeschreven onder ${label} ${number} te Amsterdam`,
    `${label}\n${number}`,
    `${label}\t${number}`,
    `onder nummer ${number} bij de ${label}`,
    `${label.replace(/ /g, '\u00a0').replace(/-/g, '\u2011')}: ${number}`,
  ];
}

const wild = LABELS.flatMap((label) => NUMBERS.flatMap((n) => shapes(label, n)));

describe('mayHoldIdentifier', () => {
  const texts = [...corpus, ...phrasings, ...wild];
  const found = texts.filter((t) => findIdentifiers(t).length > 0);

  it('lets through every text in which the engine finds something', () => {
    // Enough texts of each source reach the engine for this to mean something.
    expect(corpus.filter((t) => findIdentifiers(t).length).length).toBeGreaterThan(50);
    expect(phrasings.filter((t) => findIdentifiers(t).length).length).toBeGreaterThan(20);
    expect(wild.filter((t) => findIdentifiers(t).length).length).toBeGreaterThan(500);
    const missed = found.filter((t) => !mayHoldIdentifier(t, false) || !mayHoldIdentifier(t, true));
    expect(missed).toEqual([]);
  });

  it('lets them through as a page joins them: a label glued to the word before, or split over lines', () => {
    // `<td>Naam</td><td>KvK</td><td>33014286</td>` is read "NaamKvK33014286": only the `glued` form may match there.
    const glued = found.map((t) => `Naam${t}`).filter((t) => !mayHoldIdentifier(t, true));
    expect(glued).toEqual([]);
    expect(mayHoldIdentifier('Kamer van\nKoophandel 33014286'.replace('\n', ''), false)).toBe(true);
    expect(mayHoldIdentifier('Numéro d’entreprise 0202.239.951', false)).toBe(true);
  });

  it('rules out numbers nothing names: phones, orders, dates, amounts, HRB numbers', () => {
    for (const text of [
      'Bel ons op 020 123 4567 of 06-12345678, ma–vr 9:00–17:00.',
      'Uw order 20240007 van 12-03-2024 is verzonden; bedrag € 1.250,00.',
      'Betaal binnen 30 dagen onder vermelding van 444.503.092.',
      'Amtsgericht Köln HRB 12345, Geschäftsführer: Max Muster.',
      'Tracking 1Z999AA10123456784, postcode 1012 AB, gebouwd in 1998.',
    ]) {
      expect(findIdentifiers(text), text).toEqual([]);
      expect(mayHoldIdentifier(text, false), text).toBe(false);
      expect(mayHoldIdentifier(text, true), text).toBe(false);
    }
  });

  it('wants a label to start a word, unless the page glued nodes together', () => {
    // "Bevestigingsnummer" (confirmation number) holds the branch label "vestigingsnummer", which LABEL_RE never takes.
    for (const text of ['Bevestigingsnummer 20240007.', 'Zie het bevestigingsnummer: 20240007, niet wijzigen.']) {
      expect(findIdentifiers(text), text).toEqual([]);
      expect(mayHoldIdentifier(text, false), text).toBe(false);
      expect(mayHoldIdentifier(text, true), text).toBe(true); // `<b>Be</b>vestigingsnummer` may be two words
    }
    expect(mayHoldIdentifier('Ons vestigingsnummer 000019531656.', false)).toBe(true);
  });
});

describe('MAY_NEED_NORMALISING', () => {
  it('matches every character a normalisation pass maps', () => {
    const missed: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      const mapped = PASSES.some(([re]) => new RegExp(re.source).test(c)) || new RegExp(FULL_WIDTH.source).test(c);
      if (mapped && !MAY_NEED_NORMALISING.test(c)) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });
});

describe('isLabelWordChar', () => {
  it("counts every character the screens' look-behind takes for part of a word, in any case (so no glue goes unseen)", () => {
    const WORD = 'a-z0-9\\u00df-\\u00f6\\u00f8-\\u024f';
    const anyCase = new RegExp(`[${WORD}]`, 'i');
    const lowered = new RegExp(`[${WORD}]`);
    const missed: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      const n = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : c; // full-width, as normalised
      if ((anyCase.test(n) || lowered.test(n.toLowerCase())) && !isLabelWordChar(code)) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });
});
