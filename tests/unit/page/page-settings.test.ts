// The content script's preferences: the background's copy in storage.session (Chromium), the background itself when
// there is no copy yet, storage.local where content scripts have no storage.session (Firefox); changes followed live.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchPreferences } from '../../../utils/page/page-settings';
import { DEFAULT_PREFERENCES, type Preferences } from '../../../utils/settings/preferences';

const ctx = { onInvalidated: () => undefined, isValid: true };
const clickOnly: Preferences = { ...DEFAULT_PREFERENCES, lookupTrigger: 'click' };

/** The preferences `watchPreferences` applied, in order. */
function watch() {
  const applied: Preferences[] = [];
  watchPreferences(ctx, (p) => applied.push(p));
  return applied;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('watchPreferences', () => {
  it('reads the session copy and follows it, never storage.local', async () => {
    await fakeBrowser.storage.session.set({ preferences: clickOnly });
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const applied = watch();
    await vi.waitFor(() => expect(applied).toEqual([clickOnly]));
    await fakeBrowser.storage.session.set({ preferences: { ...clickOnly, disabledSites: ['example.com'] } });
    await vi.waitFor(() => expect(applied.at(-1)?.disabledSites).toEqual(['example.com']));
    expect(local).not.toHaveBeenCalled();
  });

  it('asks the background when there is no copy yet', async () => {
    fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
      (message as { type: string }).type === 'preferences' ? Promise.resolve(clickOnly) : undefined,
    );
    const applied = watch();
    await vi.waitFor(() => expect(applied).toEqual([clickOnly]));
  });

  it('reads storage.local where content scripts have no storage.session (Firefox)', async () => {
    vi.spyOn(fakeBrowser.storage, 'session', 'get').mockReturnValue(undefined as never);
    await fakeBrowser.storage.local.set({ preferences: clickOnly });
    const applied = watch();
    await vi.waitFor(() => expect(applied).toEqual([clickOnly]));
  });
});
