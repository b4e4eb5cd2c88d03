import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, isSiteDisabled, readPreferences } from '../../utils/settings/preferences';

describe('readPreferences', () => {
  it('gives the defaults for nothing stored or garbage', () => {
    expect(readPreferences(undefined)).toEqual(DEFAULT_PREFERENCES);
    expect(readPreferences('x')).toEqual(DEFAULT_PREFERENCES);
    expect(readPreferences({ detect: 'no', disabledSites: 7, lookupTrigger: 'never' })).toEqual(DEFAULT_PREFERENCES);
  });

  it('keeps valid fields and drops invalid ones one by one', () => {
    const prefs = readPreferences({
      detect: { kvk: false, rsin: 'yes', vat: false },
      disabledSites: ['Example.COM', 3, 'intranet.local'],
      lookupTrigger: 'click',
    });
    expect(prefs.detect).toEqual({ ...DEFAULT_PREFERENCES.detect, kvk: false, vat: false });
    expect(prefs.disabledSites).toEqual(['example.com', 'intranet.local']);
    expect(prefs.lookupTrigger).toBe('click');
  });
});

describe('isSiteDisabled', () => {
  it('matches the site and its subdomains, not look-alikes', () => {
    expect(isSiteDisabled('example.com', ['example.com'])).toBe(true);
    expect(isSiteDisabled('shop.example.com', ['example.com'])).toBe(true);
    expect(isSiteDisabled('EXAMPLE.com.', ['example.com'])).toBe(true);
    expect(isSiteDisabled('notexample.com', ['example.com'])).toBe(false);
    expect(isSiteDisabled('example.com.evil.org', ['example.com'])).toBe(false);
  });
});
