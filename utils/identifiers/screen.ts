// A cheap, conservative test the page scanner runs before it gathers a block and calls findIdentifiers: most numbers on
// a page (phone numbers, order numbers, dates, prices) have no label, no country prefix and no dotted Belgian form near
// them, and cannot be reported. The screen looks only for those three things, so it never rules out text in which the
// engine would find something (tests/unit/identifiers-screen.test.ts checks this against the corpus and the engine's
// own test texts).
//
// Two forms: mayHoldIdentifier screens one text; ScreenTape screens the page's text as the walk reads it, once, and
// answers for any window of it (the scanner asks for the window around each number: on a page dense with numbers
// those windows overlap, and screening each would read the same characters several times).
import { isLabelWordChar, NAMING_LABEL_SCREEN } from './labels.ts';
import { normaliseText } from './normalise.ts';
import { VAT_PREFIX_SCREEN } from './vat-shapes.ts';

/**
 * `0123.456.789`: the dotted Belgian enterprise number that names itself (find.ts isCanonicalKbo). Written to start
 * with its first dot (the digits around it in look-arounds), which Chromium finds ~2.5× faster in prose than a
 * pattern starting with `\d`.
 */
const DOTTED_KBO = /\.(?=\d{3}\.\d{3})(?<=\d{4}\.)/g;

/**
 * VAT_PREFIX_SCREEN, global (the tape screens from a position on). Not joined with DOTTED_KBO: irregexp scans for the
 * uppercase prefixes of this one with a fast skip, which a leading `.` (frequent in text) would defeat.
 */
const VAT_PREFIX = new RegExp(VAT_PREFIX_SCREEN.source, 'g');

/**
 * A naming label that starts a word: NAMING_LABEL_SCREEN behind `\b`. Every label starts with an ASCII letter, so `\b`
 * holds where the character before is not an ASCII letter or digit (an underscore, which `\b` takes for a word
 * character, is mapped to a space first, see forScreen): a superset of LABEL_RE's word start. Traced in Chromium 156,
 * `\b` up front makes the big case-insensitive alternation 3–5× faster (4–7 ns a character instead of 13–24), because
 * the alternation is only tried where a word starts.
 */
const LABEL_START = new RegExp(`\\b(?:${NAMING_LABEL_SCREEN.source})`, 'gi');

/** The patterns the screen runs (their reach is checked against SCREEN_BEHIND and SCREEN_REACH by the tests). */
export const SCREEN_PATTERNS: readonly RegExp[] = [LABEL_START, VAT_PREFIX, DOTTED_KBO];

/**
 * How far before a match start the patterns look (the dotted number's `(?<=\d{4}\.)`), and how far after it a match can
 * reach (the longest label, a VAT prefix with its number): tests/unit/identifiers-screen.test.ts checks both against
 * the patterns.
 */
export const SCREEN_BEHIND = 5;
export const SCREEN_REACH = 96;

/**
 * The text a caller must include around a number for the screen to be sound: the engine looks for the label naming a
 * number at most LABEL_WINDOW characters before it, and for one named after it at most AFTER_WINDOW characters after.
 */
export { AFTER_WINDOW as SCREEN_AFTER, LABEL_WINDOW as SCREEN_BEFORE } from './context.ts';

/** The text as the patterns read it: normalised (same offsets), underscores as spaces (`\b` counts them as letters). */
function forScreen(text: string): string {
  const n = normaliseText(text);
  return n.includes('_') ? n.replaceAll('_', ' ') : n;
}

function found(re: RegExp, text: string, from = 0): boolean {
  re.lastIndex = from;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}

/**
 * False when `text` holds no naming label, no VAT country prefix and no dotted Belgian enterprise number: then
 * findIdentifiers reports nothing for the numbers in it. Pass the page's text around the numbers as the scanner read
 * it, nodes joined as they come, and `glued` true when somewhere a node ending in a letter or digit is followed by one
 * starting with one (a word boundary the page has but the joined text lost): then a label may start anywhere, else it
 * must start a word. True means "maybe": the engine decides.
 */
export function mayHoldIdentifier(text: string, glued = true): boolean {
  const n = forScreen(text);
  if (found(VAT_PREFIX, n) || found(DOTTED_KBO, n)) return true;
  return found(glued ? NAMING_LABEL_SCREEN : LABEL_START, n);
}

/** True for a character a label can start with (labels start with a letter; full-width ones are normalised). */
function mayStartLabel(code: number): boolean {
  return ((code | 32) >= 97 && (code | 32) <= 122) || (code >= 0xff21 && code <= 0xff5a);
}

/** The last ASCII digit in `text` at or after `from`, looking back at most `reach` characters from the end; or -1. */
function lastDigit(text: string, from: number, reach: number): number {
  for (let i = text.length - 1, stop = Math.max(from, text.length - reach); i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return i;
  }
  return -1;
}

/**
 * The page's text as the walk reads it (node by node, in pieces that keep their positions), screened once: `screen()`
 * finds the matches in what was appended since the last call, and `hasHit(from, to)` says whether any starts in a
 * window. What the last screen could not decide (a match that may go on past the end) is read again by the next one,
 * at most SCREEN_REACH characters, and for labels only after the last digit (no label holds one): each character is
 * read by the patterns a bounded number of times, however many numbers ask about it. A label that starts where a piece
 * meets a word character before it is looked for there too (the page may have a word boundary the joined text lost).
 * Positions only grow, across `clear()` too.
 */
export class ScreenTape {
  readonly #pieces: string[] = [];
  readonly #starts: number[] = [];
  /** The first piece still kept. */
  #head = 0;
  #end = 0;
  /** The last character appended (NaN at the start of a stretch). */
  #last = NaN;
  /** Where a piece starting with a letter follows a word character (`\b` does not hold there). */
  readonly #seams: number[] = [];
  /** Match starts found so far, in order. */
  readonly #hits: number[] = [];
  /** Label matches starting before #labelFrom, and other matches starting before #otherFrom, are all found. */
  #labelFrom = 0;
  #otherFrom = 0;
  /** Every match ending at or before this position has been found. */
  #screened = 0;

  /** The position after the last character appended. */
  get end(): number {
    return this.#end;
  }

  /** The position up to which every match is known (`hasHit` may be asked about windows ending there). */
  get screened(): number {
    return this.#screened;
  }

  /** The first position still held (windows must not reach before it). */
  get start(): number {
    return this.#head < this.#pieces.length ? this.#starts[this.#head]! : this.#end;
  }

  /** Forgets everything appended: the next piece starts a new stretch, with no text before it. */
  clear(): void {
    this.#pieces.length = this.#starts.length = this.#seams.length = this.#hits.length = this.#head = 0;
    this.#labelFrom = this.#otherFrom = this.#screened = this.#end;
    this.#last = NaN;
  }

  /** Appends one node's text; returns its position. */
  append(piece: string): number {
    const at = this.#end;
    if (!piece.length) return at;
    // (At a stretch's start there is no character before: its slow path for rare letters would run for nothing.)
    if (!Number.isNaN(this.#last) && isLabelWordChar(this.#last) && mayStartLabel(piece.charCodeAt(0))) {
      this.#seams.push(at);
    }
    this.#pieces.push(piece);
    this.#starts.push(at);
    this.#end = at + piece.length;
    this.#last = piece.charCodeAt(piece.length - 1);
    return at;
  }

  /** True when a match starts in [from, to); `to` must not be past `screened`. */
  hasHit(from: number, to: number): boolean {
    const hits = this.#hits;
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < hits.length && hits[lo]! < to;
  }

  /**
   * Finds the matches in the text appended since the last call up to position `to` (default: all of it), and in what
   * that call left undecided. `final`: no text follows (the walk ended), so nothing is left undecided.
   */
  screen(final: boolean, to = this.#end): void {
    const end = Math.min(to, this.#end);
    const from = Math.min(this.#labelFrom, this.#otherFrom);
    if (from < end) {
      const base = Math.max(this.start, from - SCREEN_BEHIND);
      const text = forScreen(this.#text(base, end));
      const hits = this.#hits;
      const before = hits.length;
      this.#scan(LABEL_START, text, base, this.#labelFrom);
      for (const s of this.#seams) {
        if (s < this.#labelFrom) continue;
        // `\b` holds at a string's start: the label regex on the text from the seam, a match there counts.
        LABEL_START.lastIndex = 0;
        if (LABEL_START.exec(text.slice(s - base, s - base + SCREEN_REACH))?.index === 0) hits.push(s);
      }
      LABEL_START.lastIndex = 0;
      this.#scan(VAT_PREFIX, text, base, this.#otherFrom);
      this.#scan(DOTTED_KBO, text, base, this.#otherFrom);
      if (hits.length > before) sortTail(hits, before);
      if (final) this.#labelFrom = this.#otherFrom = end;
      else {
        const digit = lastDigit(text, this.#labelFrom - base, SCREEN_REACH);
        this.#labelFrom = Math.max(this.#labelFrom, end - SCREEN_REACH, digit < 0 ? 0 : base + digit + 1);
        this.#otherFrom = Math.max(this.#otherFrom, end - SCREEN_REACH);
      }
      const seams = this.#seams;
      let done = 0;
      while (done < seams.length && seams[done]! < this.#labelFrom) done++;
      dropFront(seams, done);
    }
    this.#screened = Math.max(this.#screened, end);
  }

  /**
   * Drops what no later window or screen needs: text before `keep` and the screens' frontiers (less what the patterns
   * look back), and hits before `keep`.
   */
  trim(keep: number): void {
    const hits = this.#hits;
    let dead = 0;
    while (dead < hits.length && hits[dead]! < keep) dead++;
    dropFront(hits, dead);
    const textFrom = Math.min(keep, this.#labelFrom, this.#otherFrom) - SCREEN_BEHIND;
    const pieces = this.#pieces;
    const starts = this.#starts;
    while (this.#head + 1 < pieces.length && starts[this.#head + 1]! <= textFrom) this.#head++;
    if (this.#head >= 256) {
      dropFront(pieces, this.#head);
      dropFront(starts, this.#head);
      this.#head = 0;
    }
  }

  /** The text held from position `from` to `to`, joined once per screen into one flat string. */
  #text(from: number, to: number): string {
    const pieces = this.#pieces;
    const starts = this.#starts;
    let i = this.#head;
    while (i + 1 < pieces.length && starts[i + 1]! <= from) i++;
    let j = i + 1;
    while (j < pieces.length && starts[j]! < to) j++;
    const first = pieces[i]!.slice(from - starts[i]!, to - starts[i]!);
    if (j === i + 1) return first;
    const last = pieces[j - 1]!;
    const end = last.slice(0, to - starts[j - 1]!);
    return first + (j - i > 2 ? pieces.slice(i + 1, j - 1).join('') : '') + end;
  }

  /** Records the start of every match of `re` in `text` (which starts at position `base`) from position `from` on. */
  #scan(re: RegExp, text: string, base: number, from: number): void {
    const hits = this.#hits;
    re.lastIndex = Math.max(0, from - base);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      hits.push(base + m.index);
      re.lastIndex = m.index + 1;
    }
    re.lastIndex = 0;
  }
}

/** Sorts `list` from `from` on and merges it into the sorted part before (hits are few: insertion is enough). */
function sortTail(list: number[], from: number): void {
  for (let i = Math.max(1, from); i < list.length; i++) {
    const v = list[i]!;
    let j = i - 1;
    while (j >= 0 && list[j]! > v) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = v;
  }
}

/** Removes the first `n` items of `list` in place (`splice` would allocate an array of them). */
export function dropFront<T>(list: T[], n: number): void {
  if (n <= 0) return;
  list.copyWithin(0, n);
  list.length -= n;
}
