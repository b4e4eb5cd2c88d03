// Which label names a number: the nearest label before it, when nothing between them ends the sentence, cell or line.
//
// - Same line: the gap between label and number may hold words ("ingeschreven bij de KvK onder nummer …") up to
//   MAX_GAP characters, but no sentence end (`. ` after a word of 4+ letters or a digit, `!`, `?`, `;`, `|`, `•`, `·`).
// - Preceding cell or line: a TAB or NEWLINE may sit in the gap only when the gap holds nothing but punctuation and
//   spaces, i.e. the label ends the preceding cell or line ("KvK\t33014286", "Ondernemingsnummer\n0202.239.951").
// - A label naming something else (`other`: telephone, order, IBAN, HRB, …) wins only when it names the number directly
//   (only punctuation, digits and "nr"/"no" between), so "Factuur aan X (0716.349.354)" keeps its enterprise number.
// - A BSN label anywhere in the same sentence or cell silences the number.
// - Two labels joined only by "/", "en", "and", … form a cluster ("KvK/BTW: …"): the second can name what the first
//   cannot. Without any label before it, a label after the number in the same sentence may name it (`after`).
//
// Labels are found lazily in a window before each number; numbers are asked for in increasing order, so every character
// is scanned for labels at most once (linear time).
import { LABEL_RE, labelTypeOf, lowerForLabels, type Label, type LabelType } from './labels.ts';

/** How far (in characters) a label may sit before the number it names, within one sentence. */
export const MAX_GAP = 80;
/** How far before a number the label scan looks (MAX_GAP + the longest label). */
export const LABEL_WINDOW = MAX_GAP + 60;

/** What the context says about a number starting at some offset. */
export interface Context {
  /** The label naming the number, if any (positive types only). */
  label: Label | null;
  /** A second label clustered with the first ("KvK/BTW:", "KvK- en btw-nummer:"), for digits the first does not fit. */
  alt: Label | null;
  /** True when a label naming something else, or a BSN label, rules the number out. */
  blocked: boolean;
}

/** How far after a number a label that names it may end (`after`). */
export const AFTER_WINDOW = 48;
const CLUSTER =
  /^[\s/&,+\-]*(?:en|and|et|und|of|or|ou|oder|resp\.)?[\s/&,+\-]*(?:(?:nummer|nr|no|number)\.?[\s/&,+\-]*)?$/i;
const LEADS_A_NUMBER = /^[\s:.#°º()\[\]\-]*(?:(?:nr|no|nummer|number|n°|nº)\.?[\s:.#°º()\-]*)?\d/i;
const SENTENCE_END = /[!?;|•·]|[\p{L}]{4}\.\s|\d\.\s/u;
const ONLY_PUNCT = /^[\s:.,#°º()\[\]\-–—/*]*$/;
const DIRECT = /^[\s:.,#°º()\[\]\-/+*\d]*(?:(?:nr|no|nummer|number|num|n°|nº|#)\.?[\s:.#°º()\-/+\d]*)?$/i;

/** Finds the labels before numbers in one text; ask for offsets in increasing order. */
export class LabelContext {
  readonly #re = LABEL_RE; // shared: findIdentifiers is synchronous, and each scan sets lastIndex first
  readonly #text: string;
  // Only the two labels nearest before the last offset asked for matter (the nearest names the number; the one before
  // it can be a BSN label, "BSN/RSIN"), so no list grows with the text.
  #last: Label | null = null;
  #prev: Label | null = null;
  #scanned = 0; // every label ending before this offset has been seen
  readonly #result: Context = { label: null, alt: null, blocked: false };

  /** `text`: the normalised text. Only the windows the label regex runs on are lower-cased (offsets stay the same). */
  constructor(text: string) {
    this.#text = text;
  }

  #scanTo(offset: number): void {
    if (this.#scanned >= offset) return;
    // Scan only the window before the number (a slice, so the regex never runs on past it), starting one character
    // early so the look-behind sees what precedes the window; each character is scanned at most once.
    const from = Math.max(this.#scanned, offset - LABEL_WINDOW, 0);
    const base = Math.max(from - 1, 0);
    const window = lowerForLabels(this.#text.slice(base, offset));
    this.#re.lastIndex = from - base;
    for (let m = this.#re.exec(window); m; m = this.#re.exec(window)) {
      this.#prev = this.#last;
      this.#last = { type: labelTypeOf(m), start: base + m.index, end: base + m.index + m[0].length, used: false };
    }
    this.#scanned = offset;
  }

  /**
   * A label after a number in the same sentence ("onder nummer 33014286 bij de Kamer van Koophandel", "0202.239.951
   * (ondernemingsnummer)"): the type of the first label within AFTER_WINDOW characters after `end`, when only words
   * without digits lie between and the label does not lead a number of its own; null otherwise. Labels naming something
   * else are returned too (the caller decides). Independent of the forward scan (any offset).
   */
  after(end: number): LabelType | null {
    const slice = lowerForLabels(this.#text.slice(end, end + AFTER_WINDOW));
    this.#re.lastIndex = 0;
    const m = this.#re.exec(slice);
    this.#re.lastIndex = 0;
    if (!m) return null;
    const type = labelTypeOf(m);
    const gap = slice.slice(0, m.index);
    if (/\d/.test(gap) || !sameSegment(gap)) return null;
    const rest = this.#text.slice(end + m.index + m[0].length, end + m.index + m[0].length + 24);
    return LEADS_A_NUMBER.test(rest) ? null : type;
  }

  /** The context of a number starting at `start` (call with non-decreasing `start`; the result is reused). */
  at(start: number): Context {
    this.#scanTo(start);
    const r = this.#result;
    r.label = null;
    r.alt = null;
    r.blocked = false;
    const nearest = this.#last;
    if (!nearest || nearest.end > start || start - nearest.end > MAX_GAP) return r;
    const gap = this.#text.slice(nearest.end, start);
    if (nearest.type === 'other') {
      r.blocked = DIRECT.test(gap);
      return r;
    }
    if (nearest.type === 'foreign') return r; // "Registered in England and Wales No. 01234567"
    const before = this.#prev;
    // "Registered in England and Wales. Company number 01234567": a generic label right after a foreign register.
    if (nearest.type === 'company' && before?.type === 'foreign' && nearest.start - before.end < MAX_GAP) return r;
    if (!sameSegment(gap)) return r;
    // A BSN label silences the number; so does one right before the naming label ("BSN/RSIN: …").
    if (nearest.type === 'bsn' || (before?.type === 'bsn' && sameSegment(this.#text.slice(before.end, start)))) {
      r.blocked = true;
      return r;
    }
    r.label = nearest.used ? null : nearest;
    if (before && !before.used && before.type !== 'other' && before.type !== 'foreign') {
      if (CLUSTER.test(this.#text.slice(before.end, nearest.start))) r.alt = before;
    }
    return r;
  }
}

/** True when a gap between label and number stays within one sentence, or crosses only into the next cell or line. */
function sameSegment(gap: string): boolean {
  if (gap.length > MAX_GAP) return false;
  if (/[\n\t]/.test(gap)) return ONLY_PUNCT.test(gap);
  return !SENTENCE_END.test(gap);
}
