import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import { browser } from 'wxt/browser';

const en = JSON.parse(readFileSync(resolve('public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;

/** Makes t() answer from the real English catalogue, with Chrome's `$1`-style substitution, in an en-US browser. */
export function speakEnglish(): void {
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (en[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  });
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-US');
}
