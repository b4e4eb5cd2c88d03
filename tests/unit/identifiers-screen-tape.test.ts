// ScreenTape (utils/identifiers/screen.ts): the page scanner's screen over the text as the walk reads it, in pieces,
// screened once. What it finds in a window must be what mayHoldIdentifier finds in that window's text (or more), and
// the patterns' reach must stay within the bounds the tape relies on to leave nothing undecided.
import { describe, expect, it } from 'vitest';
import {
  mayHoldIdentifier,
  SCREEN_BEHIND,
  SCREEN_PATTERNS,
  SCREEN_REACH,
  ScreenTape,
} from '../../utils/identifiers/screen';

/** The longest text a regex source can match (lookaheads count, lookbehinds are measured apart), for the syntax the screen's patterns use. */
function reach(source: string): { forward: number; behind: number } {
  let i = 0;
  let behind = 0;
  const atom = (): number => {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[i + 1]!;
      i += 2;
      if (e === 'u') i += 4;
      return e === 'b' || e === 'B' ? 0 : 1;
    }
    if (c === '[') {
      i++;
      while (source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      return 1;
    }
    if (c === '(') {
      i++;
      let look = '';
      if (source[i] === '?') {
        const m = /^\?(?::|=|!|<=|<!)/.exec(source.slice(i))!;
        look = m[0];
        i += m[0].length;
      }
      const inner = alternation();
      i++; // ')'
      if (look === '?<=' || look === '?<!') {
        behind = Math.max(behind, inner);
        return 0;
      }
      return look === '?!' ? 0 : inner;
    }
    i++;
    return 1;
  };
  const quantified = (): number => {
    const n = atom();
    const q = /^(?:\?|\*|\+|\{(\d+)(?:(,)(\d*))?\})\??/.exec(source.slice(i));
    if (!q) return n;
    i += q[0].length;
    if (q[0][0] === '*' || q[0][0] === '+' || (q[2] && !q[3])) return Infinity;
    const max = q[0][0] === '?' ? 1 : Number(q[3] ?? q[1]);
    return n * max;
  };
  const sequence = (): number => {
    let n = 0;
    while (i < source.length && source[i] !== '|' && source[i] !== ')') n += quantified();
    return n;
  };
  const alternation = (): number => {
    let n = sequence();
    while (source[i] === '|') {
      i++;
      n = Math.max(n, sequence());
    }
    return n;
  };
  const forward = alternation();
  return { forward, behind };
}

/** True when a character a regex source consumes may be a digit (any class, escape or literal that takes one). */
function mayMatchDigit(source: string): boolean {
  const isDigit = (c: string) => c >= '0' && c <= '9';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[++i]!;
      if ('dDwWS'.includes(e) || isDigit(e)) return true;
      if (e === 'u') i += 4;
    } else if (c === '[') {
      if (source[i + 1] === '^') return true;
      const members: string[] = [];
      for (i++; source[i] !== ']'; i++) members.push(source[i] === '\\' ? source[i++]! + source[i]! : source[i]!);
      for (let k = 0; k < members.length; k++) {
        const m = members[k]!;
        if (m.length > 1 ? 'dDwWS'.includes(m[1]!) : isDigit(m)) return true;
        // A range whose ends enclose a digit: `/-:` takes 0–9.
        if (members[k + 1] === '-' && k + 2 < members.length) {
          const to = members[k + 2]!;
          const lo = (m.length > 1 ? m[1]! : m).charCodeAt(0);
          const hi = (to.length > 1 ? to[1]! : to).charCodeAt(0);
          if (lo <= 57 && hi >= 48) return true;
          k += 2;
        }
      }
    } else if (c === '{') {
      i = source.indexOf('}', i); // a quantifier's digits are not consumed text
    } else if (c === '.' || isDigit(c)) return true;
  }
  return false;
}

describe('the screen patterns', () => {
  it('reach no further than the tape reads again, before and after a match start', () => {
    expect(reach(String.raw`a(?:bc|d{2,4})?\.(?=\d{3})(?<=x\d)`)).toEqual({ forward: 1 + 4 + 1 + 3, behind: 2 });
    // The longest label ("rechtspersonen en samenwerkingsverbanden informatienummer" with its spaces) is measured.
    expect(reach(SCREEN_PATTERNS[0]!.source).forward).toBeGreaterThan(60);
    for (const re of SCREEN_PATTERNS) {
      const { forward, behind } = reach(re.source);
      expect(forward, re.source.slice(0, 40)).toBeLessThanOrEqual(SCREEN_REACH);
      expect(behind, re.source.slice(0, 40)).toBeLessThanOrEqual(SCREEN_BEHIND);
    }
  });

  it('never match a digit in a label (the tape decides labels up to the last digit it read)', () => {
    expect(mayMatchDigit(String.raw`a[b-c.]\s{0,3}`)).toBe(false);
    for (const source of [String.raw`a\d`, 'a[0-9]', 'a[^b]', 'a.', String.raw`a\w`, 'a[/-:]']) {
      expect(mayMatchDigit(source), source).toBe(true);
    }
    expect(mayMatchDigit(SCREEN_PATTERNS[0]!.source)).toBe(false);
  });
});

/** Appends pieces, screening after each like the scanner does when numbers wait; returns the tape. */
function tapeOf(pieces: string[], screenEvery = 1): ScreenTape {
  const tape = new ScreenTape();
  pieces.forEach((p, i) => {
    tape.append(p);
    if ((i + 1) % screenEvery === 0) tape.screen(false);
  });
  tape.screen(true);
  return tape;
}

describe('ScreenTape', () => {
  it('finds a label split over pieces, a VAT prefix before its number, a dotted number, each in its window', () => {
    const pieces = [
      'Ingeschreven bij de K',
      'v',
      'K onder 33014286; ',
      'order 20240007. ',
      'btw NL',
      '805734958B01 ',
      '0202.',
      '239.951',
    ];
    const tape = tapeOf(pieces);
    const text = pieces.join('');
    for (const needle of ['K', 'NL', '0202.']) {
      const at = text.indexOf(needle);
      expect(tape.hasHit(at, at + needle.length), needle).toBe(true);
    }
    const order = text.indexOf('order');
    expect(tape.hasHit(order, order + 16)).toBe(false);
  });

  it('takes a label at a piece glued to a word before it, never one inside a piece', () => {
    expect(tapeOf(['Naam', 'KvK ', '68750110']).hasHit(0, 20)).toBe(true);
    expect(tapeOf(['Bevestigingsnummer 20240007.']).hasHit(0, 28)).toBe(false);
    expect(mayHoldIdentifier('Bevestigingsnummer 20240007.', false)).toBe(false);
  });

  it('reads again what a screen left undecided at its end: a label cut by the end of the text read so far', () => {
    const tape = new ScreenTape();
    tape.append('Ingeschreven bij de Kamer van Koop');
    tape.screen(false);
    expect(tape.hasHit(0, tape.screened)).toBe(false);
    tape.append('handel onder nummer 33014286');
    tape.screen(false);
    expect(tape.hasHit(0, tape.screened)).toBe(true);
  });

  it('answers like mayHoldIdentifier on every window of a text, however often it was screened', () => {
    const text =
      'Bel 020 123 4567 of mail. Order 20240007 van 12-03-2024. Ingeschreven bij de KvK onder 33014286, ' +
      'btw NL 8057.34.958.B.01 en ondernemingsnummer 0202.239.951. Bevestigingsnummer 20240008, € 12,50.';
    const pieces = text.match(/.{1,7}/gs)!;
    for (const every of [1, 3, 100]) {
      const tape = tapeOf(pieces, every);
      for (let from = 0; from < text.length; from += 5) {
        for (const width of [10, 40, 120]) {
          const window = text.slice(from, from + width);
          // The tape takes a label at any piece boundary, so compare with the glued reading where the window cuts a word.
          if (mayHoldIdentifier(window, false)) expect(tape.hasHit(from, from + width), window).toBe(true);
        }
      }
    }
  });
});
