// The background's storage access: storage.local locked and storage.session opened where the browser can (Chromium),
// and a copy of the preferences — nothing else — in storage.session, rewritten only when they change.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mirrorPreferences, setAccessLevels, setUpStorageAccess } from '../../utils/background/storage-access';
import { DEFAULT_PREFERENCES } from '../../utils/settings/preferences';

beforeEach(() => fakeBrowser.reset());

describe('storage access', () => {
  it('locks storage.local to trusted contexts and opens storage.session, where the browser has setAccessLevel', async () => {
    const local = vi.fn(async () => undefined);
    const session = vi.fn(async () => undefined);
    Object.assign(fakeBrowser.storage.local, { setAccessLevel: local });
    Object.assign(fakeBrowser.storage.session, { setAccessLevel: session });
    try {
      await setAccessLevels();
      expect(local).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
      expect(session).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });
    } finally {
      delete (fakeBrowser.storage.local as { setAccessLevel?: unknown }).setAccessLevel;
      delete (fakeBrowser.storage.session as { setAccessLevel?: unknown }).setAccessLevel;
    }
    await expect(setAccessLevels()).resolves.toBeUndefined(); // Firefox: nothing to call
  });

  it('copies only the preferences, read through their schema, and writes only when they changed', async () => {
    await fakeBrowser.storage.local.set({
      preferences: { lookupTrigger: 'click', disabledSites: ['Example.com', 7] },
      credentials: { kvk: { apiKey: 'secret' } },
    });
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    const expected = { ...DEFAULT_PREFERENCES, lookupTrigger: 'click', disabledSites: ['example.com'] };
    expect(await mirrorPreferences()).toEqual(expected);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ preferences: expected });
    await mirrorPreferences();
    expect(set).toHaveBeenCalledTimes(1);
  });

  it('follows every change of the stored preferences', async () => {
    setUpStorageAccess();
    await fakeBrowser.storage.local.set({ preferences: { disabledSites: ['a.test'] } });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.session.get('preferences')).preferences).toMatchObject({
        disabledSites: ['a.test'],
      }),
    );
  });
});
