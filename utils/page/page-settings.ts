// The content script's view of the user's preferences: read once, then followed live (storage.onChanged), so a change
// made in the options page or the popup applies to open tabs without a reload. In Chromium it reads the background's
// copy in storage.session (storage.local, with the keys, is locked to the extension's own pages); where there is no
// copy yet (the worker has not started since the browser did) it asks the background. In Firefox, which has no
// storage.session in content scripts, it reads storage.local (utils/background/storage-access.ts).
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/send';
import { PREFERENCES_KEY, readPreferences, SESSION_PREFERENCES_KEY, type Preferences } from '../settings/preferences';

/** Where this browser gives content scripts the preferences: the session copy, or storage.local itself. */
function preferencesArea(): { area: 'session' | 'local'; key: string } {
  return browser.storage.session
    ? { area: 'session', key: SESSION_PREFERENCES_KEY }
    : { area: 'local', key: PREFERENCES_KEY.slice('local:'.length) };
}

/** Calls `apply` with the stored preferences, then again after every change, until the context is invalidated. */
export function watchPreferences(
  ctx: { onInvalidated(cb: () => void): unknown; isValid: boolean },
  apply: (prefs: Preferences) => void,
): void {
  const { area, key } = preferencesArea();
  let changedMeanwhile = false;
  const first = (raw: unknown) => {
    if (!changedMeanwhile && ctx.isValid) apply(readPreferences(raw));
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== area || !(key in changes) || !ctx.isValid) return;
    changedMeanwhile = true;
    apply(readPreferences(changes[key]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
  const askBackground = () =>
    sendMessage({ type: 'preferences' }).then(first, (error: unknown) => {
      console.error('Company Lens: preferences unreadable, using the defaults', error);
      first(undefined);
    });
  browser.storage[area]
    .get(key)
    .then(
      (stored) => (stored[key] === undefined && area === 'session' ? askBackground() : first(stored[key])),
      askBackground,
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
