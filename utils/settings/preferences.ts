// Preferences the content script may read: what to detect, where not to run, when to look up.
// Deliberately zod-free (the content script must not bundle zod). The zod schema in the settings module is the
// source of truth for writing; `readPreferences` is the tolerant reader the content script uses, and a unit test
// keeps the two in agreement. API keys are NOT here: they live in a separate storage item the content script never reads
// (and in Chromium cannot read: it reads a copy of the preferences in storage.session).
import { IDENTIFIER_KINDS, type IdentifierKind } from '../identifiers/types';

/** The storage item holding the preferences (WXT storage key, `local:` area). */
export const PREFERENCES_KEY = 'local:preferences' as const;

/**
 * The storage.session key of the background's copy of the preferences: in Chromium the one thing content scripts
 * may read (storage.local is locked to the extension's own pages: utils/background/storage-access.ts).
 */
export const SESSION_PREFERENCES_KEY = 'preferences' as const;

export interface Preferences {
  /** Detection on or off per kind. */
  detect: Record<IdentifierKind, boolean>;
  /** Host names (lower case, no port) where the extension never runs; `example.com` also covers its subdomains. */
  disabledSites: string[];
  /** Look up on hover, or only when the user clicks (nothing is sent until then). */
  lookupTrigger: 'hover' | 'click';
}

/** What a new installation starts with. */
export const DEFAULT_PREFERENCES: Preferences = {
  detect: Object.fromEntries(IDENTIFIER_KINDS.map((k) => [k, true])) as Record<IdentifierKind, boolean>,
  disabledSites: [],
  lookupTrigger: 'hover',
};

/** Reads stored preferences without zod: any missing or malformed field falls back to its default. */
export function readPreferences(raw: unknown): Preferences {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Preferences, unknown>>;
  const detectRaw = (value.detect && typeof value.detect === 'object' ? value.detect : {}) as Record<string, unknown>;
  const detect = { ...DEFAULT_PREFERENCES.detect };
  for (const kind of IDENTIFIER_KINDS) if (typeof detectRaw[kind] === 'boolean') detect[kind] = detectRaw[kind];
  const disabledSites = Array.isArray(value.disabledSites)
    ? value.disabledSites.filter((s): s is string => typeof s === 'string').map((s) => s.toLowerCase())
    : [];
  const lookupTrigger = value.lookupTrigger === 'click' ? 'click' : 'hover';
  return { detect, disabledSites, lookupTrigger };
}

/** True when `hostname` is one of `disabledSites` or a subdomain of one. */
export function isSiteDisabled(hostname: string, disabledSites: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}
