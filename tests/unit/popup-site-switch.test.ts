import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PREFERENCES, isSiteDisabled } from '../../utils/settings/preferences';
import { loadPreferences, setSiteDisabled, siteOf, withSiteDisabled } from '../../utils/popup/site-switch';

describe('siteOf', () => {
  it('gives the host of web pages only', () => {
    expect(siteOf('https://Shop.Example.com./a?b')).toBe('shop.example.com');
    expect(siteOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(siteOf('file:///tmp/a.html')).toBe('');
    expect(siteOf('chrome://extensions')).toBe('');
    expect(siteOf('not a url')).toBe('');
  });
});

describe('withSiteDisabled', () => {
  it('adds the host once and removes every entry covering it when switched back on', () => {
    const off = withSiteDisabled({ ...DEFAULT_PREFERENCES, disabledSites: ['other.org'] }, 'shop.example.com', true);
    expect(off.disabledSites).toEqual(['other.org', 'shop.example.com']);
    expect(withSiteDisabled(off, 'shop.example.com', true).disabledSites).toEqual(['other.org', 'shop.example.com']);
    const parent = { ...DEFAULT_PREFERENCES, disabledSites: ['example.com', 'other.org'] };
    const on = withSiteDisabled(parent, 'shop.example.com', false);
    expect(on.disabledSites).toEqual(['other.org']);
    expect(isSiteDisabled('shop.example.com', on.disabledSites)).toBe(false);
  });
});

describe('setSiteDisabled', () => {
  beforeEach(() => fakeBrowser.reset());

  it('writes the preferences item and keeps its other fields', async () => {
    await fakeBrowser.storage.local.set({ preferences: { ...DEFAULT_PREFERENCES, lookupTrigger: 'click' } });
    expect(await setSiteDisabled('127.0.0.1', true)).toBe(true);
    expect((await loadPreferences()).disabledSites).toEqual(['127.0.0.1']);
    expect((await loadPreferences()).lookupTrigger).toBe('click');
    expect(await setSiteDisabled('127.0.0.1', false)).toBe(false);
    expect(
      ((await fakeBrowser.storage.local.get('preferences')).preferences as { disabledSites: string[] }).disabledSites,
    ).toEqual([]);
  });
});
