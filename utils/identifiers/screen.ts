// A cheap, conservative test the page scanner runs before it gathers a block and calls findIdentifiers: most numbers on
// a page (phone numbers, order numbers, dates, prices) have no label, no country prefix and no dotted Belgian form near
// them, and cannot be reported. The screen looks only for those three things, so it never rules out text in which the
// engine would find something (tests/unit/identifiers-screen.test.ts checks this against the corpus and the engine's
// own test texts).
import { NAMING_LABEL_SCREEN, WORD_ANY_CASE } from './labels.ts';
import { normaliseText } from './normalise.ts';
import { VAT_PREFIX_SCREEN } from './vat-shapes.ts';

/**
 * `0123.456.789`: the dotted Belgian enterprise number that names itself (find.ts isCanonicalKbo). Written to start
 * with its first dot (the digits around it in look-arounds), which Chromium finds ~2.5× faster in prose than a
 * pattern starting with `\d`.
 */
const DOTTED_KBO = /\.(?=\d{3}\.\d{3})(?<=\d{4}\.)/;

/**
 * The text a caller must include around a number for the screen to be sound: the engine looks for the label naming a
 * number at most LABEL_WINDOW characters before it, and for one named after it at most AFTER_WINDOW characters after.
 */
export { AFTER_WINDOW as SCREEN_AFTER, LABEL_WINDOW as SCREEN_BEFORE } from './context.ts';

/**
 * False when `text` holds no naming label, no VAT country prefix and no dotted Belgian enterprise number: then
 * findIdentifiers reports nothing for the numbers in it. Pass the page's text around the numbers as the scanner read
 * it, nodes joined as they come, and `glued` true when somewhere a node ending in a letter or digit is followed by one
 * starting with one (a word boundary the page has but the joined text lost). True means "maybe": the engine decides.
 */
export function mayHoldIdentifier(text: string, glued = true): boolean {
  const n = normaliseText(text);
  if (VAT_PREFIX_SCREEN.test(n) || DOTTED_KBO.test(n)) return true;
  const re = NAMING_LABEL_SCREEN;
  re.lastIndex = 0;
  for (let m = re.exec(n); m; m = re.exec(n)) {
    // A label starts a word, as LABEL_RE wants, unless the nodes glue words together (then anywhere will do).
    if (glued || m.index === 0 || !WORD_ANY_CASE.test(n[m.index - 1]!)) return true;
    re.lastIndex = m.index + 1;
  }
  return false;
}
