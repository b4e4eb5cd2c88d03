// The persistent answer cache: storage.local (survives the worker being stopped), an age per kind of answer,
// bounded with least-recently-used eviction, clearable, and readable without a request.
import type { z } from 'zod';
import type { KeyValueStore } from './store';

const ENTRY_PREFIX = 'cache:';
const INDEX_KEY = 'cache-index';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** How long each kind of answer stays fresh. */
export const CACHE_AGES = {
  /** Company data from a registry (KVK Zoeken, kbodata, profiles). */
  registry: 7 * DAY,
  /** A VIES verdict valid / invalid. */
  vatVerdict: DAY,
  /** "No such number". */
  notFound: DAY,
  /** Outages, rate limits, network and certificate failures: at most a minute. */
  temporary: MINUTE,
} as const;

/** Entries kept at most (each is one storage.local key of a few hundred bytes). */
export const DEFAULT_MAX_ENTRIES = 1000;

/** One stored answer: `value` as given, `storedAt` (epoch ms), `expiresAt`. */
interface StoredEntry {
  value: unknown;
  storedAt: number;
  expiresAt: number;
}

/** The index kept in one key: per cache key, [expiresAt, lastUsed]. */
type Index = Record<string, [number, number]>;

/** A fresh cached value and when it was stored. */
export interface CacheHit<T> {
  value: T;
  storedAt: number;
}

/** A persistent LRU cache with per-entry ages. All methods are safe to call concurrently. */
export class PersistentCache {
  private index: Index | undefined;
  private loading: Promise<Index> | undefined;
  private writes: Promise<void> = Promise.resolve();
  /** Hits and misses since the worker started. */
  readonly counters = { hits: 0, misses: 0 };

  constructor(
    private readonly store: KeyValueStore,
    private readonly options: { maxEntries?: number; now?: () => number } = {},
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private get maxEntries(): number {
    return this.options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  }

  private async loadIndex(): Promise<Index> {
    if (this.index) return this.index;
    this.loading ??= this.store.get([INDEX_KEY]).then((got) => {
      const raw = got[INDEX_KEY];
      const index: Index = {};
      if (raw && typeof raw === 'object') {
        for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
          if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number') index[k] = [v[0], v[1]];
        }
      }
      this.index = index;
      return index;
    });
    return this.loading;
  }

  /** Serialises writes so the stored index never loses an update. */
  private write(op: () => Promise<void>): Promise<void> {
    this.writes = this.writes.then(op, op);
    return this.writes;
  }

  /**
   * The fresh value under `key`, validated with `schema`, or undefined (missing, expired, or no longer valid). A hit
   * marks the entry as recently used. This never causes a request: it is how the card reads without one.
   */
  async get<S extends z.ZodType>(key: string, schema: S): Promise<CacheHit<z.infer<S>> | undefined> {
    const index = await this.loadIndex();
    const meta = index[key];
    const now = this.now();
    if (!meta || meta[0] <= now) {
      this.counters.misses++;
      return undefined;
    }
    const got = await this.store.get([ENTRY_PREFIX + key]);
    const entry = got[ENTRY_PREFIX + key] as StoredEntry | undefined;
    const parsed = entry ? schema.safeParse(entry.value) : undefined;
    if (!entry || !parsed?.success || entry.expiresAt <= now) {
      this.counters.misses++;
      await this.delete([key]);
      return undefined;
    }
    this.counters.hits++;
    meta[1] = now;
    await this.write(() => this.store.set({ [INDEX_KEY]: this.index }));
    return { value: parsed.data as z.infer<S>, storedAt: entry.storedAt };
  }

  /** Stores `value` for `ageMs` (nothing when ageMs ≤ 0), evicting the least recently used entries beyond the bound. */
  async set(key: string, value: unknown, ageMs: number, storedAt = this.now()): Promise<void> {
    if (ageMs <= 0) return;
    const index = await this.loadIndex();
    const now = this.now();
    index[key] = [storedAt + ageMs, now];
    const evicted = this.evict(index, now);
    await this.write(async () => {
      if (evicted.length) await this.store.remove(evicted.map((k) => ENTRY_PREFIX + k));
      await this.store.set({
        [ENTRY_PREFIX + key]: { value, storedAt, expiresAt: storedAt + ageMs } satisfies StoredEntry,
        [INDEX_KEY]: index,
      });
    });
  }

  /** Drops expired entries, then the least recently used ones, until the bound holds. Returns the removed keys. */
  private evict(index: Index, now: number): string[] {
    const removed: string[] = [];
    for (const [k, [expiresAt]] of Object.entries(index)) {
      if (expiresAt <= now) {
        removed.push(k);
        delete index[k];
      }
    }
    const keys = Object.keys(index);
    if (keys.length > this.maxEntries) {
      keys.sort((a, b) => index[a]![1] - index[b]![1]);
      for (const k of keys.slice(0, keys.length - this.maxEntries)) {
        removed.push(k);
        delete index[k];
      }
    }
    return removed;
  }

  private async delete(keys: string[]): Promise<void> {
    const index = await this.loadIndex();
    for (const k of keys) delete index[k];
    await this.write(async () => {
      await this.store.remove(keys.map((k) => ENTRY_PREFIX + k));
      await this.store.set({ [INDEX_KEY]: index });
    });
  }

  /** Removes every entry; returns how many there were. */
  async clear(): Promise<number> {
    const index = await this.loadIndex();
    const keys = Object.keys(index);
    await this.delete(keys);
    return keys.length;
  }

  /** Entries stored now (fresh or not yet evicted) and the bound. */
  async stats(): Promise<{ entries: number; maxEntries: number; hits: number; misses: number }> {
    const index = await this.loadIndex();
    return { entries: Object.keys(index).length, maxEntries: this.maxEntries, ...this.counters };
  }
}
