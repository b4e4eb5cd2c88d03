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
  /** KVK's open data (changes slowly; each request costs a minute of its limit). */
  openData: 3 * DAY,
  /** "Not in KVK's open data": a legal form other than BV or NV, which does not change. */
  openDataNotFound: 7 * DAY,
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

/** Resolves after the current task, so a write starts once the answer that caused it has been sent. */
const afterThisTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Reports a cache write that failed (the answer it would have kept was already given). */
export function reportWriteFailure(error: unknown): void {
  console.error('Company Lens: could not write the answer cache:', error instanceof Error ? error.message : error);
}

/** The index kept in one key: per cache key, [expiresAt, lastUsed]. */
type Index = Record<string, [number, number]>;

/** A fresh cached value and when it was stored. */
export interface CacheHit<T> {
  value: T;
  storedAt: number;
}

/**
 * A persistent LRU cache with per-entry ages. All methods are safe to call concurrently.
 *
 * `set` does not make its caller wait for storage: the entry is readable from memory at once (`pending`) and written
 * after the current task, so an answer can go back to the extension's page before its cache write. Writes are
 * serialised (`writes`), so the stored index never loses an update; `get` consults the pending entries first, so a read
 * that arrives while a write is under way neither misses nor drops the fresh entry.
 */
export class PersistentCache {
  private index: Index | undefined;
  private loading: Promise<Index> | undefined;
  private writes: Promise<void> = Promise.resolve();
  /** Entries given to `set` whose storage write has not finished: key → entry. */
  private readonly pending = new Map<string, StoredEntry>();
  /** An index write for recently-used marks is queued and has not started. */
  private touchQueued = false;
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
    this.loading ??= this.store.get([INDEX_KEY]).then(
      (got) => {
        const raw = got[INDEX_KEY];
        const index: Index = {};
        if (raw && typeof raw === 'object') {
          for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
            if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number') index[k] = [v[0], v[1]];
          }
        }
        this.index = index;
        return index;
      },
      (error: unknown) => {
        this.loading = undefined; // the next call tries again
        throw error;
      },
    );
    return this.loading;
  }

  /** Reads the index ahead of the first lookup (the worker just started), so the lookup does not wait for it. */
  warmUp(): void {
    this.loadIndex().catch(() => undefined); // a failure is met again, and reported, by the first get
  }

  /** Serialises writes so the stored index never loses an update. */
  private write(op: () => Promise<void>): Promise<void> {
    this.writes = this.writes.then(op, op);
    return this.writes;
  }

  /** Resolves when no write is queued or under way (including writes queued while waiting). */
  async idle(): Promise<void> {
    let last: Promise<void>;
    do {
      last = this.writes;
      await last.catch(() => undefined);
    } while (last !== this.writes);
  }

  /** A write nobody waits for (marking an entry as recently used): failures are reported, not thrown. */
  private writeInBackground(op: () => Promise<void>): void {
    this.write(op).catch(reportWriteFailure);
  }

  /** Stores the index after a hit marked an entry as recently used (once for a burst of hits), after this task. */
  private touchIndex(index: Index): void {
    if (this.touchQueued) return;
    this.touchQueued = true;
    this.writeInBackground(async () => {
      await afterThisTask();
      this.touchQueued = false;
      await this.store.set({ [INDEX_KEY]: index });
    });
  }

  /** The pending entry under `key` as a hit, or undefined when there is none, or it is expired or no longer fits. */
  private pendingHit<S extends z.ZodType>(key: string, schema: S, now: number) {
    const entry = this.pending.get(key);
    const parsed = entry && schema.safeParse(entry.value);
    if (!entry || !parsed?.success || entry.expiresAt <= now) return undefined;
    return { value: parsed.data as z.infer<S>, storedAt: entry.storedAt };
  }

  /**
   * The fresh value under `key`, validated with `schema`, or undefined (missing, expired, or no longer valid). A hit
   * marks the entry as recently used. This never causes a request: it is how the card reads without one.
   */
  async get<S extends z.ZodType>(key: string, schema: S): Promise<CacheHit<z.infer<S>> | undefined> {
    if (this.pending.has(key)) return this.count(this.pendingHit(key, schema, this.now()));
    const index = await this.loadIndex();
    const meta = index[key];
    const now = this.now();
    // Not stored yet: a `set` made while the index was being read (the worker's first read) may have it.
    if (!meta || meta[0] <= now) return this.count(this.pendingHit(key, schema, now));
    const got = await this.store.get([ENTRY_PREFIX + key]);
    // A `set` of this key may have started while storage was read: its entry is the newer one.
    if (this.pending.has(key)) return this.count(this.pendingHit(key, schema, now));
    const entry = got[ENTRY_PREFIX + key] as StoredEntry | undefined;
    const parsed = entry ? schema.safeParse(entry.value) : undefined;
    if (!entry || !parsed?.success || entry.expiresAt <= now) {
      this.writeInBackground(() => this.remove([key], (k) => index[k] === meta));
      return this.count(undefined);
    }
    meta[1] = now;
    this.touchIndex(index);
    return this.count({ value: parsed.data as z.infer<S>, storedAt: entry.storedAt });
  }

  private count<T>(hit: T | undefined): T | undefined {
    if (hit) this.counters.hits++;
    else this.counters.misses++;
    return hit;
  }

  /**
   * Stores `value` for `ageMs` (nothing when ageMs ≤ 0), evicting the least recently used entries beyond the bound.
   * `get` finds the value at once; the storage write starts after the current task. The promise settles when the
   * write is done (rejects when it failed: the entry is then dropped from memory too, as if never stored).
   */
  set(key: string, value: unknown, ageMs: number, storedAt = this.now()): Promise<void> {
    if (ageMs <= 0) return Promise.resolve();
    const entry: StoredEntry = { value, storedAt, expiresAt: storedAt + ageMs };
    this.pending.set(key, entry);
    const done = this.write(async () => {
      await afterThisTask();
      if (this.pending.get(key) !== entry) return; // cleared, or replaced by a newer set whose write follows
      const index = await this.loadIndex();
      const now = this.now();
      const meta: [number, number] = [entry.expiresAt, now];
      index[key] = meta;
      const evicted = this.evict(index, now);
      try {
        if (evicted.length) await this.store.remove(evicted.map((k) => ENTRY_PREFIX + k));
        await this.store.set({ [ENTRY_PREFIX + key]: entry, [INDEX_KEY]: index });
      } catch (error) {
        if (index[key] === meta) delete index[key];
        throw error;
      }
    });
    const settle = () => {
      if (this.pending.get(key) === entry) this.pending.delete(key);
    };
    done.then(settle, settle);
    return done;
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

  /** Removes `keys` (those `still` approves when the write runs) from the index and from storage; call inside `write`. */
  private async remove(keys: string[], still: (key: string) => boolean = () => true): Promise<void> {
    const index = await this.loadIndex();
    const gone = keys.filter(still);
    if (!gone.length) return;
    for (const k of gone) delete index[k];
    await this.store.remove(gone.map((k) => ENTRY_PREFIX + k));
    await this.store.set({ [INDEX_KEY]: index });
  }

  /** Removes every entry; returns how many there were. */
  async clear(): Promise<number> {
    const index = await this.loadIndex();
    const keys = new Set([...Object.keys(index), ...this.pending.keys()]);
    this.pending.clear(); // their writes see they were cleared and store nothing
    await this.write(() => this.remove(Object.keys(index)));
    return keys.size;
  }

  /** Entries stored now (fresh or not yet evicted) and the bound. */
  async stats(): Promise<{ entries: number; maxEntries: number; hits: number; misses: number }> {
    const index = await this.loadIndex();
    const entries = new Set([...Object.keys(index), ...this.pending.keys()]).size;
    return { entries, maxEntries: this.maxEntries, ...this.counters };
  }
}
