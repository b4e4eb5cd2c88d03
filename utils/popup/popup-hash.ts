// The popup page's address for one screen, so the card ("More details") and the context menu can open the popup's
// views in a tab: `popup.html#details/<kind>/<value>` and `popup.html#search/<reason>/<text>`. Pure.
import { IDENTIFIER_KINDS, type IdentifierKind } from '../identifiers/types';

/** A screen the popup can open at: one number's details, or a name search (with why the text was not a number). */
export type PopupTarget =
  { type: 'details'; kind: IdentifierKind; value: string } | { type: 'search'; query: string; reason?: string };

/** The hash (with `#`) that opens `target`. */
export function popupHash(target: PopupTarget): string {
  return target.type === 'details'
    ? `#details/${target.kind}/${encodeURIComponent(target.value)}`
    : `#search/${encodeURIComponent(target.reason ?? '')}/${encodeURIComponent(target.query)}`;
}

/** The target a hash names, or undefined for anything else (the home screen). */
export function targetFromHash(hash: string): PopupTarget | undefined {
  const parts = hash.replace(/^#/, '').split('/');
  try {
    if (parts[0] === 'details' && parts.length === 3) {
      const kind = parts[1] as IdentifierKind;
      const value = decodeURIComponent(parts[2]!);
      if (IDENTIFIER_KINDS.includes(kind) && /^[0-9A-Z+*]{2,20}$/.test(value)) return { type: 'details', kind, value };
    }
    if (parts[0] === 'search' && parts.length >= 3) {
      const reason = decodeURIComponent(parts[1]!);
      const query = decodeURIComponent(parts.slice(2).join('/')).trim().slice(0, 200);
      if (query) return { type: 'search', query, ...(reason ? { reason } : {}) };
    }
  } catch {
    // A malformed escape: the home screen.
  }
  return undefined;
}
