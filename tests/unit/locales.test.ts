import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; description?: string; placeholders?: Record<string, unknown> }>;
const load = (lang: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8'));

const en = load('en');

describe('locales', () => {
  it.each(['nl', 'fr'])('%s has exactly the English keys, each non-empty', (lang) => {
    const other = load(lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(other)) expect(value.message.trim(), key).not.toBe('');
  });

  it.each(['nl', 'fr'])('%s uses the same substitutions as English in every message', (lang) => {
    const other = load(lang);
    const subs = (s: string) => [...s.matchAll(/\$(\w+)\$|\$\d/g)].map((m) => m[0]).sort();
    for (const key of Object.keys(en)) {
      expect(subs(other[key]!.message), key).toEqual(subs(en[key]!.message));
      expect(Object.keys(other[key]!.placeholders ?? {}).sort(), key).toEqual(
        Object.keys(en[key]!.placeholders ?? {}).sort(),
      );
    }
  });

  it('every English message says what it is for', () => {
    for (const [key, value] of Object.entries(en)) expect(value.description, key).toBeTruthy();
  });
});
