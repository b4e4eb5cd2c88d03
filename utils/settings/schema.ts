// The settings' zod schemas: the single source of truth for what is stored. Background and options page only
// (the content script reads preferences with the zod-free ./preferences.ts, kept in agreement by a unit test).
// Every field has a fallback (`.catch`), and every list loses only its damaged entries (./per-entry.ts), so a damaged
// stored value loses only what is damaged.
import { z } from 'zod';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../identifiers/types';
import { checkBaseUrl } from './base-url';
import { listOf } from './per-entry';
import { DEFAULT_PREFERENCES } from './preferences';

const detectShape = Object.fromEntries(IDENTIFIER_KINDS.map((kind) => [kind, z.boolean().catch(true)])) as {
  [K in IdentifierKind]: z.ZodCatch<z.ZodBoolean>;
};

/** `local:preferences`: exactly the shape of `Preferences` in ./preferences.ts. */
export const PreferencesSchema = z
  .object({
    detect: z.object(detectShape).catch(DEFAULT_PREFERENCES.detect),
    /** One damaged entry drops itself, not the list (the content script's reader does the same). */
    disabledSites: listOf(z.string().toLowerCase()),
    lookupTrigger: z.enum(['hover', 'click']).catch('hover'),
  })
  .catch(DEFAULT_PREFERENCES);

/**
 * An organisation's own base address for a service, or null for the public one. Stored only when it passes
 * checkBaseUrl (https, or http on this computer; no credentials, query, fragment or path tricks), normalised.
 */
const baseUrl = (service: 'kvk' | 'kbodata') =>
  z
    .string()
    .nullable()
    .transform((value, ctx) => {
      if (value === null) return null;
      const check = checkBaseUrl(value, service);
      if (!check.ok) {
        ctx.addIssue({ code: 'custom', message: check.problem });
        return z.NEVER;
      }
      return check.url;
    })
    .catch(null);

/**
 * `local:credentials`: keys and the requester number. Only the background and the options page read this item;
 * keys go only to their own service's host.
 */
export const CredentialsSchema = z
  .object({
    kvk: z
      .object({
        apiKey: z.string().trim().catch(''),
        /** Use KVK's test environment with its public test key (fictional data): the demo mode. */
        useTestEnvironment: z.boolean().catch(false),
        baseUrl: baseUrl('kvk'),
      })
      .catch({ apiKey: '', useTestEnvironment: false, baseUrl: null }),
    kbodata: z
      .object({
        username: z.string().trim().catch(''),
        token: z.string().trim().catch(''),
        baseUrl: baseUrl('kbodata'),
      })
      .catch({ username: '', token: '', baseUrl: null }),
    vies: z
      .object({
        /** The user's own VAT number (e.g. `NL805734958B01`), sent as requester to get a consultation number. */
        requesterVat: z.string().trim().toUpperCase().catch(''),
      })
      .catch({ requesterVat: '' }),
  })
  .catch({
    kvk: { apiKey: '', useTestEnvironment: false, baseUrl: null },
    kbodata: { username: '', token: '', baseUrl: null },
    vies: { requesterVat: '' },
  });
export type Credentials = z.infer<typeof CredentialsSchema>;

/** `local:limits`: the monthly cap on paid queries, per service (KVK paid products, kbodata requests). */
export const LimitsSchema = z
  .object({ monthlyPaidCap: z.number().int().min(0).max(1_000_000).catch(500) })
  .catch({ monthlyPaidCap: 500 });
export type Limits = z.infer<typeof LimitsSchema>;

/** KVK's open data: about one request a minute per internet address. */
export const OPEN_DATA_INTERVAL_MS = 60_000;

/**
 * `local:openDataTestInterval`: a shorter gap between open-data requests, for the end-to-end tests of the production
 * build (which cannot wait a minute per request). Not on the options page; only shorter, and never under 1 s: any
 * other value, or none, is KVK's minute (docs/open-data.md).
 */
export const OpenDataTestIntervalSchema = z
  .number()
  .int()
  .min(1_000)
  .max(OPEN_DATA_INTERVAL_MS)
  .catch(OPEN_DATA_INTERVAL_MS);

/** What a new installation starts with. */
export const DEFAULT_CREDENTIALS: Credentials = CredentialsSchema.parse(undefined);
export const DEFAULT_LIMITS: Limits = LimitsSchema.parse(undefined);
