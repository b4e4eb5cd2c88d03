// "Don't run on this site": adds or removes the active tab's host in the preferences' disabledSites. Pure functions
// plus a zod-free read-modify-write of the stored preferences (the popup does not bundle zod).
import { browser } from 'wxt/browser';
import { isSiteDisabled, PREFERENCES_KEY, readPreferences, type Preferences } from '../settings/preferences';

/** The storage.local key behind `local:preferences`. */
const STORAGE_KEY = PREFERENCES_KEY.slice('local:'.length);

/** The host name the switch works on (lower case, no trailing dot); '' for pages without one (file:, about:). */
export function siteOf(url: string): string {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? hostname.toLowerCase().replace(/\.$/, '') : '';
  } catch {
    return '';
  }
}

/**
 * The preferences with `host` switched off (added to disabledSites) or back on. Switching on removes every entry that
 * covers the host — the host itself and any parent domain entered in the options — or the switch could not work.
 */
export function withSiteDisabled(prefs: Preferences, host: string, disabled: boolean): Preferences {
  const site = host.toLowerCase().replace(/\.$/, '');
  const others = prefs.disabledSites.filter((s) => !isSiteDisabled(site, [s]));
  return { ...prefs, disabledSites: disabled ? [...others, site] : others };
}

/** Reads the stored preferences (tolerantly: damaged fields fall back to defaults). */
export async function loadPreferences(): Promise<Preferences> {
  const stored = await browser.storage.local.get(STORAGE_KEY);
  return readPreferences(stored[STORAGE_KEY]);
}

/** Switches the extension off or on for `host`; open tabs follow the change live. Returns the new state. */
export async function setSiteDisabled(host: string, disabled: boolean): Promise<boolean> {
  const next = withSiteDisabled(await loadPreferences(), host, disabled);
  await browser.storage.local.set({ [STORAGE_KEY]: next });
  return isSiteDisabled(host, next.disabledSites);
}
