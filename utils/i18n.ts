import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

/** Every user-facing string has a key in `public/_locales/<lang>/messages.json`; English is the reference. */
export type MessageKey = keyof typeof messages;

/** Looks up a user-facing string in the browser's language (en, nl or fr), with optional `$1`-style substitutions. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The UI language the browser chose from our locales, for `lang` attributes and number/date formatting. */
export function uiLanguage(): 'en' | 'nl' | 'fr' {
  const lang = browser.i18n.getUILanguage().slice(0, 2).toLowerCase();
  return lang === 'nl' || lang === 'fr' ? lang : 'en';
}
