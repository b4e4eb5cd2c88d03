// The shape of a VAT number written with its country prefix, per country: the prefix (Greece as EL, also written GR;
// lower-case `nl` too) and a loose national part. The engine's VAT_RE (vat-scan.ts) and the page scanner's screen
// (VAT_PREFIX_SCREEN) are built from them; this module needs the shapes only, not the checks, so the content script
// carries the screen without the engine.
import { VAT_FORMATS } from './checks/vat-formats.ts';

/**
 * A loose form of a country's format regex: every character may be preceded by one separator (space, dot or dash) and
 * letters match either case. `^\d{9}B\d{2}$` becomes `(?:[ .\-]?\d){9}(?:[ .\-]?[Bb])(?:[ .\-]?\d){2}`. Each repeated
 * unit starts with an optional separator and then needs a character that is not one, so matching stays linear.
 */
function loose(format: RegExp): string {
  const src = format.source.replace(/^\^|\$$/g, '');
  return src.replace(/\{[^}]*\}|\\d|\[[^\]]*\]|[A-Z0-9]/g, (atom) => {
    if (atom.startsWith('{')) return atom; // a quantifier
    const cls =
      atom === '\\d' ? '\\d' : atom.startsWith('[') ? atom.replace('A-Z', 'A-Za-z') : `[${atom}${atom.toLowerCase()}]`;
    return `(?:[ .\\-]?${cls})`;
  });
}

/** Per country: its prefix pattern and its national part after at most three separators. */
export const VAT_SHAPES = Object.entries(VAT_FORMATS).map(([cc, format]) => {
  const prefix = cc === 'EL' ? '(?:EL|GR)' : cc === 'NL' ? '(?:NL|nl|Nl)' : cc;
  const body =
    cc === 'BE'
      ? String.raw`(?:\(0\) ?)?(?:[ .\-]?\d){9,10}`
      : cc === 'EL'
        ? String.raw`(?:[ .\-]?\d){8,9}`
        : cc === 'NL'
          ? String.raw`(?:[ .\-]?\d){7,9}(?:[ .\-]?[Bb])(?:[ .\-]?\d){2}`
          : loose(format);
  return { prefix, body: `[ .\\-:]{0,3}${body}` };
});

/**
 * For the page scanner's screen (screen.ts): the engine's VAT_RE (vat-scan.ts) without its look-behind (text joined
 * from several page nodes may glue a prefix to the word before it), so it finds a superset of what VAT_RE finds.
 */
export const VAT_PREFIX_SCREEN = new RegExp(VAT_SHAPES.map(({ prefix, body }) => `${prefix}(?=${body})`).join('|'));
