// The popup's screens and how lists move focus with the arrow keys.
import type { IdentifierKind } from '../../utils/identifiers/types';

/** One screen of the popup: home (search + on this page), name-search results, or one identifier's details. */
export type Screen =
  { type: 'home' } | { type: 'results'; query: string } | { type: 'details'; kind: IdentifierKind; value: string };

/** ArrowUp/ArrowDown (and Home/End) move focus between the buttons of a list. */
export function onListKeyDown(event: KeyboardEvent): void {
  const list = event.currentTarget as HTMLElement;
  const items = [...list.querySelectorAll<HTMLElement>('[data-list-item]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const to =
    event.key === 'ArrowDown'
      ? Math.min(at + 1, items.length - 1)
      : event.key === 'ArrowUp'
        ? Math.max(at - 1, 0)
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? items.length - 1
            : -1;
  if (to < 0 || at < 0) return;
  event.preventDefault();
  items[to]?.focus();
}
