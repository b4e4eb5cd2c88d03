import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { z } from 'zod';
import { IDENTIFIER_KINDS } from '../../utils/identifiers/types';
import { credentialsItem, readCredentials, readLimits, readPreferencesSetting } from '../../utils/settings/items';
import { MIGRATIONS, versionOf } from '../../utils/settings/migrations';
import { DEFAULT_PREFERENCES, readPreferences, type Preferences } from '../../utils/settings/preferences';
import {
  CredentialsSchema,
  DEFAULT_CREDENTIALS,
  LimitsSchema,
  OPEN_DATA_INTERVAL_MS,
  OpenDataTestIntervalSchema,
  PreferencesSchema,
} from '../../utils/settings/schema';

beforeEach(() => fakeBrowser.reset());

describe('PreferencesSchema', () => {
  it('infers exactly the zod-free Preferences type', () => {
    expectTypeOf<z.infer<typeof PreferencesSchema>>().toEqualTypeOf<Preferences>();
  });

  it('agrees with readPreferences on valid input', () => {
    const samples: Preferences[] = [
      DEFAULT_PREFERENCES,
      {
        detect: Object.fromEntries(IDENTIFIER_KINDS.map((k, i) => [k, i % 2 === 0])) as Preferences['detect'],
        disabledSites: ['example.com', 'intranet.local'],
        lookupTrigger: 'click',
      },
    ];
    for (const sample of samples) expect(PreferencesSchema.parse(sample)).toEqual(readPreferences(sample));
  });

  it('falls back field by field like readPreferences', () => {
    const damaged = { detect: { kvk: false, vat: 'yes' }, disabledSites: 'x', lookupTrigger: 'never' };
    expect(PreferencesSchema.parse(damaged)).toEqual(readPreferences(damaged));
    expect(PreferencesSchema.parse('garbage')).toEqual(DEFAULT_PREFERENCES);
  });

  it('loses only the damaged entry of disabledSites, like readPreferences', () => {
    const damaged = { disabledSites: ['Example.COM', 42, null, { site: 'x' }, 'intranet.local'] };
    expect(PreferencesSchema.parse(damaged).disabledSites).toEqual(['example.com', 'intranet.local']);
    expect(PreferencesSchema.parse(damaged)).toEqual(readPreferences(damaged));
  });
});

describe('CredentialsSchema', () => {
  it('keeps valid fields, drops damaged ones and refuses non-https base addresses', () => {
    const parsed = CredentialsSchema.parse({
      kvk: { apiKey: ' abc ', useTestEnvironment: 'yes', baseUrl: 'http://gateway.example/kvk' },
      kbodata: { username: 'me@example.com', token: 7, baseUrl: 'https://kbo-gw.example/v1' },
      vies: { requesterVat: 'nl805734958b01' },
    });
    expect(parsed).toEqual({
      kvk: { apiKey: 'abc', useTestEnvironment: false, baseUrl: null },
      kbodata: { username: 'me@example.com', token: '', baseUrl: 'https://kbo-gw.example/v1' },
      vies: { requesterVat: 'NL805734958B01' },
    });
    expect(CredentialsSchema.parse(null)).toEqual(DEFAULT_CREDENTIALS);
  });
  it('defaults the paid cap to 500 and refuses negative caps', () => {
    expect(LimitsSchema.parse({})).toEqual({ monthlyPaidCap: 500 });
    expect(LimitsSchema.parse({ monthlyPaidCap: -3 })).toEqual({ monthlyPaidCap: 500 });
    expect(LimitsSchema.parse({ monthlyPaidCap: 20 })).toEqual({ monthlyPaidCap: 20 });
  });

  it("keeps KVK's minute between open-data requests unless a test shortens it, never under a second", () => {
    expect(OPEN_DATA_INTERVAL_MS).toBe(60_000);
    expect(OpenDataTestIntervalSchema.parse(null)).toBe(60_000);
    expect(OpenDataTestIntervalSchema.parse(undefined)).toBe(60_000);
    expect(OpenDataTestIntervalSchema.parse(3_000)).toBe(3_000);
    for (const bad of [0, 999, -5, 1.5e3 + 0.5, 120_000, Infinity, '3000', { ms: 3000 }])
      expect(OpenDataTestIntervalSchema.parse(bad), String(bad)).toBe(60_000);
  });
});

describe('settings items', () => {
  it('live in storage.local (never sync) and read through their schemas', async () => {
    await credentialsItem.setValue({
      ...DEFAULT_CREDENTIALS,
      kvk: { apiKey: 'k', useTestEnvironment: true, baseUrl: null },
    });
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toContain('credentials');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect((await readCredentials()).kvk.apiKey).toBe('k');
    await fakeBrowser.storage.local.set({ preferences: { lookupTrigger: 'click', detect: 3 } });
    expect(await readPreferencesSetting()).toEqual({ ...DEFAULT_PREFERENCES, lookupTrigger: 'click' });
    await fakeBrowser.storage.local.set({ limits: 'broken' });
    expect(await readLimits()).toEqual({ monthlyPaidCap: 500 });
  });

  it('are versioned: version = 1 + migrations, each migration numbered 2..version', () => {
    for (const migrations of Object.values(MIGRATIONS)) {
      const version = versionOf(migrations);
      expect(Object.keys(migrations).map(Number).sort()).toEqual(Array.from({ length: version - 1 }, (_, i) => i + 2));
    }
  });
});
