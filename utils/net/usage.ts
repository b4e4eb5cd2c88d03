// The usage meter: paid queries per service per calendar month (UTC), persistent, with the monthly cap that stops
// paid lookups before they are sent. A paid query is sent only once it is counted: when the count cannot be read or
// stored (storage full or broken) the query is refused, so the cap holds; free lookups never wait on the meter.
import { z } from 'zod';
import { mapOf } from '../settings/per-entry';
import type { KeyValueStore } from './store';

const USAGE_KEY = 'usage';
/** Months of history kept. */
const KEEP_MONTHS = 13;

/** The services whose queries cost money or plan quota. */
export type MeteredService = 'kvk' | 'kbodata';

/** Price per paid query in euros (KVK Basisprofiel/Vestigingsprofiel/Naamgeving; kbodata is a flat plan). */
export const PRICE_PER_QUERY_EUR: Record<MeteredService, number> = { kvk: 0.02, kbodata: 0 };

const count = z.number().int().nonnegative().optional().catch(undefined);

/**
 * The stored record, month by month (`YYYY-MM` → counts): a damaged month or count drops itself, so the rest of the
 * history (and the months' other service) survives. A damaged count of this month therefore restarts from zero
 * (docs/security.md says why that is preferred to refusing paid queries for the rest of the month).
 */
const UsageRecordSchema = mapOf(
  z.string().regex(/^\d{4}-\d{2}$/),
  z.object({ kvk: count, kbodata: count }).transform((c) => {
    const kept: Partial<Record<MeteredService, number>> = {};
    if (c.kvk !== undefined) kept.kvk = c.kvk;
    if (c.kbodata !== undefined) kept.kbodata = c.kbodata;
    return kept;
  }),
);
type UsageRecord = z.infer<typeof UsageRecordSchema>;

/** Why a paid query may not be sent: the cap is reached, or its count could not be read or stored. */
export type UsageRefusal =
  { ok: false; reason: 'cap'; used: number; cap: number } | { ok: false; reason: 'unrecorded' };

/** `YYYY-MM` of an instant, in UTC. */
export function monthOf(time: number): string {
  return new Date(time).toISOString().slice(0, 7);
}

/** Counts paid queries; `reserve` is atomic within the worker (operations are serialised). */
export class UsageMeter {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.chain.then(op, op);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<UsageRecord> {
    return UsageRecordSchema.parse((await this.store.get([USAGE_KEY]))[USAGE_KEY]);
  }

  /** Paid queries of `service` this month. */
  async used(service: MeteredService): Promise<number> {
    return this.serial(async () => (await this.load())[monthOf(this.now())]?.[service] ?? 0);
  }

  /**
   * Counts one paid query if this month's count is below the cap (`readCap`, read while the count is, not one after
   * the other). Returns `{ ok: true }` once the count is stored; `reason: 'cap'` when the cap is reached (nothing
   * counted; the caller answers with the paid-cap-reached error); `reason: 'unrecorded'` when the count or the cap
   * could not be read, or the new count not stored (the caller must not send the query). Never throws.
   */
  async reserve(service: MeteredService, readCap: () => Promise<number>): Promise<{ ok: true } | UsageRefusal> {
    return this.serial(async () => {
      try {
        const [record, limit] = await Promise.all([this.load(), readCap()]);
        const month = monthOf(this.now());
        const counts = (record[month] ??= {});
        const used = counts[service] ?? 0;
        if (used >= limit) return { ok: false as const, reason: 'cap' as const, used, cap: limit };
        counts[service] = used + 1;
        for (const old of Object.keys(record).sort().slice(0, -KEEP_MONTHS)) delete record[old];
        await this.store.set({ [USAGE_KEY]: record });
        return { ok: true as const };
      } catch (error) {
        console.error('Company Lens: could not record a paid query:', error instanceof Error ? error.message : error);
        return { ok: false as const, reason: 'unrecorded' as const };
      }
    });
  }
}
