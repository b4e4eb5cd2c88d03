// Who may read which storage area. storage.local holds the API keys, the answer cache and the usage count: in
// Chromium it is locked to the extension's own pages and worker (a content script's read fails, so a compromised page
// process cannot take the keys through it). Content scripts need only the preferences: the background keeps a copy of
// them, and nothing else, in storage.session, which it opens to content scripts. Firefox has no setAccessLevel
// (https://bugzilla.mozilla.org/show_bug.cgi?id=1724754) and no storage.session in content scripts: there the
// content script reads the preferences from storage.local, which stays readable to it (docs/security.md).
import { browser } from 'wxt/browser';
import { readPreferencesSetting } from '../settings/items';
import { PREFERENCES_KEY, SESSION_PREFERENCES_KEY, type Preferences } from '../settings/preferences';

/** What Chromium adds to a storage area (absent in Firefox and in webextension-polyfill's types). */
interface AccessLevelArea {
  setAccessLevel?(options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }): Promise<void>;
}

/** The storage.local key behind PREFERENCES_KEY. */
const LOCAL_KEY = PREFERENCES_KEY.slice('local:'.length);

const report = (what: string) => (error: unknown) =>
  console.error(`Company Lens: could not ${what}:`, error instanceof Error ? error.message : error);

/** Locks storage.local and opens the session copy to content scripts (Chromium; a no-op where unsupported). */
export async function setAccessLevels(): Promise<void> {
  const local = browser.storage.local as unknown as AccessLevelArea;
  const session = browser.storage.session as unknown as AccessLevelArea | undefined;
  if (!local.setAccessLevel || !session?.setAccessLevel) return;
  await Promise.all([
    local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }),
    session.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }),
  ]);
}

/**
 * Copies the stored preferences (read through their schema) to storage.session, where content scripts read them;
 * writes only when the copy differs, so open tabs hear of real changes only. Returns the preferences.
 */
export async function mirrorPreferences(): Promise<Preferences> {
  const preferences = await readPreferencesSetting();
  const session = browser.storage.session;
  if (!session) return preferences;
  const copy = (await session.get(SESSION_PREFERENCES_KEY))[SESSION_PREFERENCES_KEY];
  if (JSON.stringify(copy) !== JSON.stringify(preferences))
    await session.set({ [SESSION_PREFERENCES_KEY]: preferences });
  return preferences;
}

/**
 * Sets the access levels and the session copy whenever the worker starts (after an install or update, and at the
 * browser's start: storage.session is empty then), and follows every change of the stored preferences.
 */
export function setUpStorageAccess(): void {
  const mirror = () => void mirrorPreferences().catch(report('copy the preferences for content scripts'));
  // A listener for the browser's start makes Chromium start this worker then, before any tab asks it anything.
  browser.runtime.onStartup.addListener(mirror);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && LOCAL_KEY in changes) mirror();
  });
  setAccessLevels().catch(report('set the storage access levels'));
  mirror();
}
