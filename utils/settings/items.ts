// The settings' WXT storage items (`local:` area only, never sync), versioned, read through their zod schema.
import { storage } from 'wxt/utils/storage';
import type { z } from 'zod';
import { MIGRATIONS, versionOf } from './migrations';
import { PREFERENCES_KEY, type Preferences } from './preferences';
import {
  CredentialsSchema,
  LimitsSchema,
  OpenDataTestIntervalSchema,
  PreferencesSchema,
  DEFAULT_CREDENTIALS,
  DEFAULT_LIMITS,
  type Credentials,
  type Limits,
} from './schema';
import { DEFAULT_PREFERENCES } from './preferences';

/** Storage key of the credentials: read only by the background and the options page. */
export const CREDENTIALS_KEY = 'local:credentials' as const;
/** Storage key of the monthly paid-query cap. */
export const LIMITS_KEY = 'local:limits' as const;

/** `local:preferences` (what to detect, where not to run, hover or click). */
export const preferencesItem = storage.defineItem<Preferences>(PREFERENCES_KEY, {
  fallback: DEFAULT_PREFERENCES,
  version: versionOf(MIGRATIONS.preferences),
  migrations: MIGRATIONS.preferences,
});

/** `local:credentials` (KVK key / test environment, kbodata user + token, own VAT number, base URLs). */
export const credentialsItem = storage.defineItem<Credentials>(CREDENTIALS_KEY, {
  fallback: DEFAULT_CREDENTIALS,
  version: versionOf(MIGRATIONS.credentials),
  migrations: MIGRATIONS.credentials,
});

/** `local:limits` (monthly cap on paid queries). */
export const limitsItem = storage.defineItem<Limits>(LIMITS_KEY, {
  fallback: DEFAULT_LIMITS,
  version: versionOf(MIGRATIONS.limits),
  migrations: MIGRATIONS.limits,
});

/** `local:openDataTestInterval` (tests only; see OpenDataTestIntervalSchema): absent in real use. */
export const openDataTestIntervalItem = storage.defineItem<number | null>('local:openDataTestInterval', {
  fallback: null,
});

async function read<S extends z.ZodType>(item: { getValue(): Promise<unknown> }, schema: S): Promise<z.infer<S>> {
  return schema.parse(await item.getValue()) as z.infer<S>;
}

/** Reads the preferences; damaged fields fall back to their defaults. */
export const readPreferencesSetting = (): Promise<Preferences> => read(preferencesItem, PreferencesSchema);
/** Reads the credentials (background and options page only). */
export const readCredentials = (): Promise<Credentials> => read(credentialsItem, CredentialsSchema);
/** Reads the paid-query cap. */
export const readLimits = (): Promise<Limits> => read(limitsItem, LimitsSchema);
/** The gap between KVK open-data requests: a minute, unless a test shortened it. */
export const readOpenDataInterval = (): Promise<number> => read(openDataTestIntervalItem, OpenDataTestIntervalSchema);
