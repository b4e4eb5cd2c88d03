// Writes to the settings items from the options page and the popup, always through the zod schemas, so what is stored
// has exactly the schema's shape. Each write lands in storage.local, which open tabs follow live (storage.onChanged).
import type { Preferences } from './preferences';
import { credentialsItem, limitsItem, preferencesItem, readCredentials, readPreferencesSetting } from './items';
import { CredentialsSchema, LimitsSchema, PreferencesSchema, type Credentials } from './schema';

let chain: Promise<unknown> = Promise.resolve();
/** Runs read-modify-write operations one after another, so two quick changes (two switches) both land. */
function serial<T>(op: () => Promise<T>): Promise<T> {
  const next = chain.then(op, op);
  chain = next.catch(() => undefined);
  return next;
}

/** A change to part of the credentials: per service, the fields to replace. */
export type CredentialsPatch = { [S in keyof Credentials]?: Partial<Credentials[S]> };

/** Replaces the given credential fields and stores the result (validated). Returns what was stored. */
export function updateCredentials(patch: CredentialsPatch): Promise<Credentials> {
  return serial(async () => {
    const current = await readCredentials();
    const next = CredentialsSchema.parse({
      kvk: { ...current.kvk, ...patch.kvk },
      kbodata: { ...current.kbodata, ...patch.kbodata },
      vies: { ...current.vies, ...patch.vies },
    });
    await credentialsItem.setValue(next);
    return next;
  });
}

/** Applies `change` to the stored preferences and stores the result (validated). Returns what was stored. */
export function updatePreferences(change: (current: Preferences) => Preferences): Promise<Preferences> {
  return serial(async () => {
    const next = PreferencesSchema.parse(change(await readPreferencesSetting())) as Preferences;
    await preferencesItem.setValue(next);
    return next;
  });
}

/** The largest monthly cap the settings accept. */
export const MAX_MONTHLY_PAID_CAP = 1_000_000;

/**
 * Stores the monthly cap on paid queries. Throws a RangeError for anything but a whole number from 0 to
 * MAX_MONTHLY_PAID_CAP (the schema would silently store the default instead). Returns what was stored.
 */
export async function setMonthlyPaidCap(cap: number): Promise<number> {
  if (!Number.isInteger(cap) || cap < 0 || cap > MAX_MONTHLY_PAID_CAP) throw new RangeError('monthly cap out of range');
  const next = LimitsSchema.parse({ monthlyPaidCap: cap });
  await limitsItem.setValue(next);
  return next.monthlyPaidCap;
}
