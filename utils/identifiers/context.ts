// Which label names a number: the nearest label before it, when nothing between them ends the sentence, cell or line.
//
// - Same line: the gap between label and number may hold words ("ingeschreven bij de KvK onder nummer …") up to
//   MAX_GAP characters, but no sentence end (`. ` after a word of 4+ letters or a digit, `!`, `?`, `;`, `|`, `•`, `·`).
// - Preceding cell or line: a TAB or NEWLINE may sit in the gap only when the gap holds nothing but punctuation and
//   spaces, i.e. the label ends the preceding cell or line ("KvK\t33014286", "Ondernemingsnummer\n0202.239.951").
// - A label naming something else (`other`: telephone, order, IBAN, HRB, …) wins only when it names the number directly
//   (only punctuation, digits and "nr"/"no" between), so "Factuur aan X (0716.349.354)" keeps its enterprise number.
// - A BSN label anywhere in the same sentence or cell silences the number.
//
// Labels are found lazily in a window before each number; numbers are asked for in increasing order, so every character
// is scanned for labels at most once (linear time).
import { LABEL_RE, labelTypeOf, type Label } from './labels.ts';

/** How far (in characters) a label may sit before the number it names, within one sentence. */
export const MAX_GAP = 80;
const WINDOW = MAX_GAP + 60; // + the longest label

/** What the context says about a number starting at some offset. */
export interface Context {
  /** The label naming the number, if any (positive types only). */
  label: Label | null;
  /** True when a label naming something else, or a BSN label, rules the number out. */
  blocked: boolean;
}

const SENTENCE_END = /[!?;|•·]|[\p{L}]{4}\.\s|\d\.\s/u;
const ONLY_PUNCT = /^[\s:.,#°º()\[\]\-–—/*]*$/;
const DIRECT = /^[\s:.,#°º()\[\]\-/+*\d]*(?:(?:nr|no|nummer|number|num|n°|nº|#)\.?[\s:.#°º()\-/+\d]*)?$/i;

/** Finds the labels before numbers in one text; ask for offsets in increasing order. */
export class LabelContext {
  private readonly re = LABEL_RE; // shared: findIdentifiers is synchronous, and each scan sets lastIndex first
  private readonly labels: Label[] = [];
  private scanned = 0; // every label starting before this offset is in `labels`
  private pending: Label | null = null; // a label found beyond the last request

  constructor(private readonly text: string) {}

  private scanTo(offset: number): void {
    if (this.pending && this.pending.start < offset) {
      this.labels.push(this.pending);
      this.scanned = this.pending.end;
      this.pending = null;
    }
    if (this.pending || this.scanned >= offset) return;
    this.re.lastIndex = Math.max(this.scanned, offset - WINDOW);
    for (;;) {
      const m = this.re.exec(this.text);
      if (!m) {
        this.scanned = this.text.length;
        return;
      }
      if (m[0].length === 0) {
        this.re.lastIndex++;
        continue;
      }
      const label: Label = { type: labelTypeOf(m), start: m.index, end: m.index + m[0].length, used: false };
      if (label.start >= offset) {
        this.pending = label;
        this.scanned = label.start;
        return;
      }
      this.labels.push(label);
      this.scanned = this.re.lastIndex;
    }
  }

  /** The context of a number starting at `start` (call with non-decreasing `start`). */
  at(start: number): Context {
    this.scanTo(start);
    const none: Context = { label: null, blocked: false };
    let i = this.labels.length - 1;
    while (i >= 0 && this.labels[i]!.end > start) i--;
    const nearest = this.labels[i];
    if (!nearest || start - nearest.end > MAX_GAP) return none;
    const gap = this.text.slice(nearest.end, start);
    if (nearest.type === 'other') return DIRECT.test(gap) ? { label: null, blocked: true } : none;
    if (!sameSegment(gap)) return none;
    if (nearest.type === 'bsn') return { label: null, blocked: true };
    // "BSN/RSIN: …": a BSN label right before the naming label also silences the number.
    const before = this.labels[i - 1];
    if (before?.type === 'bsn' && sameSegment(this.text.slice(before.end, start)))
      return { label: null, blocked: true };
    return { label: nearest.used ? null : nearest, blocked: false };
  }
}

/** True when a gap between label and number stays within one sentence, or crosses only into the next cell or line. */
function sameSegment(gap: string): boolean {
  if (gap.length > MAX_GAP) return false;
  if (/[\n\t]/.test(gap)) return ONLY_PUNCT.test(gap);
  return !SENTENCE_END.test(gap);
}
