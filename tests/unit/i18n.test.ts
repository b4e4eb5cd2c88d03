import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { t, uiLanguage } from '../../utils/i18n';

describe('i18n helpers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns the browser translation, and the key when a message is missing', () => {
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key) => (key === 'popupTitle' ? 'Company Lens' : ''));
    expect(t('popupTitle')).toBe('Company Lens');
    expect(t('optionsIntro')).toBe('optionsIntro');
  });

  it.each([
    ['nl-BE', 'nl'],
    ['fr-BE', 'fr'],
    ['de-DE', 'en'],
    ['en-GB', 'en'],
  ])('maps the browser language %s to %s', (browserLang, expected) => {
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(browserLang);
    expect(uiLanguage()).toBe(expected);
  });
});
