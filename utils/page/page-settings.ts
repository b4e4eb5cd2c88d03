// The content script's view of the user's preferences: read once, then followed live (storage.onChanged), so a change
// made in the options page or the popup applies to open tabs without a reload. Reads only the preferences item.
import { browser } from 'wxt/browser';
import { PREFERENCES_KEY, readPreferences, type Preferences } from '../settings/preferences';

/** The storage.local key behind PREFERENCES_KEY (`local:preferences`). */
const STORAGE_KEY = PREFERENCES_KEY.slice('local:'.length);

/** Calls `apply` with the stored preferences, then again after every change, until the context is invalidated. */
export function watchPreferences(
  ctx: { onInvalidated(cb: () => void): unknown; isValid: boolean },
  apply: (prefs: Preferences) => void,
): void {
  let changedMeanwhile = false;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(STORAGE_KEY in changes) || !ctx.isValid) return;
    changedMeanwhile = true;
    apply(readPreferences(changes[STORAGE_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
  browser.storage.local.get(STORAGE_KEY).then(
    (stored) => {
      if (!changedMeanwhile && ctx.isValid) apply(readPreferences(stored[STORAGE_KEY]));
    },
    (error: unknown) => {
      console.error('Company Lens: preferences unreadable, using the defaults', error);
      if (!changedMeanwhile && ctx.isValid) apply(readPreferences(undefined));
    },
  );
}

/** The host name the "never run on" list is checked against: the frame's own, or for about:blank/srcdoc frames the
 * origin of the document that made them. */
export function siteHostname(loc: Location = location): string {
  if (loc.hostname) return loc.hostname;
  const ancestor = loc.ancestorOrigins?.[0];
  try {
    return ancestor ? new URL(ancestor).hostname : '';
  } catch {
    return '';
  }
}
