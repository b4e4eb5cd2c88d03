// The usage meter: paid queries per service per calendar month (UTC), persistent, with the monthly cap that stops
// paid lookups before they are sent.
import type { KeyValueStore } from './store';

const USAGE_KEY = 'usage';
/** Months of history kept. */
const KEEP_MONTHS = 13;

/** The services whose queries cost money or plan quota. */
export type MeteredService = 'kvk' | 'kbodata';

/** Price per paid query in euros (KVK Basisprofiel/Vestigingsprofiel/Naamgeving; kbodata is a flat plan). */
export const PRICE_PER_QUERY_EUR: Record<MeteredService, number> = { kvk: 0.02, kbodata: 0 };

type UsageRecord = Record<string, Partial<Record<MeteredService, number>>>;

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
    const raw = (await this.store.get([USAGE_KEY]))[USAGE_KEY];
    return raw && typeof raw === 'object' ? (raw as UsageRecord) : {};
  }

  /** Paid queries of `service` this month. */
  async used(service: MeteredService): Promise<number> {
    return this.serial(async () => (await this.load())[monthOf(this.now())]?.[service] ?? 0);
  }

  /**
   * Counts one paid query if this month's count is below the cap (`readCap`, read while the count is, not one after
   * the other). Returns `{ ok: true }` once the count is stored, or `{ ok: false, used, cap }` when
   * the cap is reached (nothing counted; the caller answers with the paid-cap-reached error).
   */
  async reserve(
    service: MeteredService,
    readCap: () => Promise<number>,
  ): Promise<{ ok: true } | { ok: false; used: number; cap: number }> {
    return this.serial(async () => {
      const [record, limit] = await Promise.all([this.load(), readCap()]);
      const month = monthOf(this.now());
      const counts = (record[month] ??= {});
      const used = counts[service] ?? 0;
      if (used >= limit) return { ok: false as const, used, cap: limit };
      counts[service] = used + 1;
      for (const old of Object.keys(record).sort().slice(0, -KEEP_MONTHS)) delete record[old];
      await this.store.set({ [USAGE_KEY]: record });
      return { ok: true as const };
    });
  }
}
