// The persistent answer cache: storage.local (survives the worker being stopped), an age per kind of answer,
// bounded in entries and bytes with least-recently-used eviction, clearable, and readable without a request. Storage
// that fails (full, broken) costs the cache its persistence only: an answer whose write failed is kept in memory, and
// a read that fails is a miss. Every stored entry is read through its schema; a damaged one drops itself.
import { z } from 'zod';
import { mapOf } from '../settings/per-entry';
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

/** Entries kept at most (each is one storage.local key; 566 bytes on average, docs/security.md). */
export const DEFAULT_MAX_ENTRIES = 1000;

/**
 * Bytes the stored entries may take together (as JSON): well inside storage.local's 10 MB quota in Chromium, which
 * the settings and the usage count share, so the cache cannot fill it (docs/security.md: why not unlimitedStorage).
 */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/** A single entry larger than this (a huge registry answer) is kept in memory only. */
export const MAX_ENTRY_BYTES = 256 * 1024;

/** One stored answer: `value` as given, `storedAt` (epoch ms), `expiresAt`. */
const StoredEntrySchema = z.object({ value: z.unknown(), storedAt: z.number(), expiresAt: z.number() });
type StoredEntry = z.infer<typeof StoredEntrySchema>;

/** What an index entry without its size (written by an older version) is taken to weigh. */
const UNKNOWN_ENTRY_BYTES = 2048;

/** The index kept in one key: per cache key, [expiresAt, lastUsed, bytes]; a damaged entry drops itself. */
const IndexSchema = mapOf(
  z.string(),
  z
    .union([z.tuple([z.number(), z.number(), z.number()]), z.tuple([z.number(), z.number()])])
    .transform(([expiresAt, lastUsed, bytes]): IndexEntry => [expiresAt, lastUsed, bytes ?? UNKNOWN_ENTRY_BYTES]),
);
type IndexEntry = [expiresAt: number, lastUsed: number, bytes: number];
type Index = Record<string, IndexEntry>;

/** The size storage counts for an entry: its key and its JSON. */
const sizeOf = (key: string, entry: StoredEntry) => key.length + JSON.stringify(entry).length;

/** Resolves after the current task, so a write starts once the answer that caused it has been sent. */
const afterThisTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Reports a cache write that failed (the answer it would have kept was already given, and stays in memory). */
export function reportWriteFailure(error: unknown): void {
  console.error('Company Lens: could not write the answer cache:', error instanceof Error ? error.message : error);
}

/** Reports a cache read that failed (answered as a miss). */
function reportReadFailure(error: unknown): void {
  console.error('Company Lens: could not read the answer cache:', error instanceof Error ? error.message : error);
}

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
  /** Entries storage could not keep (the write failed, or too big): key → entry, oldest use first. */
  private readonly memory = new Map<string, StoredEntry>();
  /** An index write for recently-used marks is queued and has not started. */
  private touchQueued = false;
  /** Hits and misses since the worker started. */
  readonly counters = { hits: 0, misses: 0 };

  constructor(
    private readonly store: KeyValueStore,
    private readonly options: { maxEntries?: number; maxBytes?: number; now?: () => number } = {},
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private get maxEntries(): number {
    return this.options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  }

  private get maxBytes(): number {
    return this.options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  private async loadIndex(): Promise<Index> {
    if (this.index) return this.index;
    this.loading ??= this.store.get([INDEX_KEY]).then(
      (got) => {
        const index = IndexSchema.parse(got[INDEX_KEY]);
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

  /** The entry under `key` not (yet) in storage, as a hit: undefined when there is none, or expired, or no longer fits. */
  private heldHit<S extends z.ZodType>(key: string, schema: S, now: number) {
    const entry = this.pending.get(key) ?? this.memory.get(key);
    const parsed = entry && schema.safeParse(entry.value);
    if (!entry || !parsed?.success || entry.expiresAt <= now) return undefined;
    if (this.memory.get(key) === entry) this.keepInMemory(key, entry); // recently used
    return { value: parsed.data as z.infer<S>, storedAt: entry.storedAt };
  }

  /** Keeps an entry storage could not, dropping the least recently used beyond the entry bound. */
  private keepInMemory(key: string, entry: StoredEntry): void {
    this.memory.delete(key);
    this.memory.set(key, entry);
    for (const old of this.memory.keys()) {
      if (this.memory.size <= this.maxEntries) break;
      this.memory.delete(old);
    }
  }

  /**
   * The fresh value under `key`, validated with `schema`, or undefined (missing, expired, no longer valid, or storage
   * failed to read). A hit marks the entry as recently used. This never causes a request: it is how the card reads
   * without one. Never throws.
   */
  async get<S extends z.ZodType>(key: string, schema: S): Promise<CacheHit<z.infer<S>> | undefined> {
    const now = this.now();
    if (this.pending.has(key) || this.memory.has(key)) return this.count(this.heldHit(key, schema, now));
    try {
      return this.count(await this.stored(key, schema, now));
    } catch (error) {
      reportReadFailure(error);
      return this.count(this.heldHit(key, schema, now));
    }
  }

  /** The fresh value under `key` in storage (or set meanwhile); a damaged, stale or unfitting entry is removed. */
  private async stored<S extends z.ZodType>(key: string, schema: S, now: number) {
    const index = await this.loadIndex();
    const meta = index[key];
    // Not stored yet: a `set` made while the index was being read (the worker's first read) may have it.
    if (!meta || meta[0] <= now) return this.heldHit(key, schema, now);
    const got = await this.store.get([ENTRY_PREFIX + key]);
    // A `set` of this key may have started while storage was read: its entry is the newer one.
    if (this.pending.has(key) || this.memory.has(key)) return this.heldHit(key, schema, now);
    const entry = StoredEntrySchema.safeParse(got[ENTRY_PREFIX + key]);
    const parsed = entry.success ? schema.safeParse(entry.data.value) : undefined;
    if (!entry.success || !parsed?.success || entry.data.expiresAt <= now) {
      this.writeInBackground(() => this.remove([key], (k) => index[k] === meta));
      return undefined;
    }
    meta[1] = now;
    this.touchIndex(index);
    return { value: parsed.data as z.infer<S>, storedAt: entry.data.storedAt };
  }

  private count<T>(hit: T | undefined): T | undefined {
    if (hit) this.counters.hits++;
    else this.counters.misses++;
    return hit;
  }

  /**
   * Stores `value` for `ageMs` (nothing when ageMs ≤ 0), evicting the least recently used entries beyond the bounds.
   * `get` finds the value at once; the storage write starts after the current task. The promise settles when the
   * write is done, and rejects when it failed: the entry then stays in memory (until the worker stops).
   */
  set(key: string, value: unknown, ageMs: number, storedAt = this.now()): Promise<void> {
    if (ageMs <= 0) return Promise.resolve();
    const entry: StoredEntry = { value, storedAt, expiresAt: storedAt + ageMs };
    this.memory.delete(key);
    const bytes = sizeOf(key, entry);
    if (bytes > MAX_ENTRY_BYTES) {
      this.keepInMemory(key, entry);
      return Promise.resolve();
    }
    this.pending.set(key, entry);
    const done = this.write(async () => {
      await afterThisTask();
      if (this.pending.get(key) !== entry) return; // cleared, or replaced by a newer set whose write follows
      let index: Index | undefined;
      const meta: IndexEntry = [entry.expiresAt, this.now(), bytes];
      try {
        index = await this.loadIndex();
        index[key] = meta;
        const evicted = this.evict(index, this.now());
        if (evicted.length) await this.store.remove(evicted.map((k) => ENTRY_PREFIX + k));
        await this.store.set({ [ENTRY_PREFIX + key]: entry, [INDEX_KEY]: index });
      } catch (error) {
        if (index?.[key] === meta) delete index[key];
        if (this.pending.get(key) === entry) this.keepInMemory(key, entry);
        throw error;
      }
    });
    const settle = () => {
      if (this.pending.get(key) === entry) this.pending.delete(key);
    };
    done.then(settle, settle);
    return done;
  }

  /** Drops expired entries, then the least recently used ones, until both bounds hold. Returns the removed keys. */
  private evict(index: Index, now: number): string[] {
    const removed: string[] = [];
    let bytes = 0;
    for (const [k, [expiresAt, , size]] of Object.entries(index)) {
      if (expiresAt <= now) {
        removed.push(k);
        delete index[k];
      } else bytes += size;
    }
    const keys = Object.keys(index).sort((a, b) => index[a]![1] - index[b]![1]);
    let count = keys.length;
    for (const k of keys) {
      if (count <= this.maxEntries && bytes <= this.maxBytes) break;
      removed.push(k);
      bytes -= index[k]![2];
      count--;
      delete index[k];
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
    const keys = new Set([...Object.keys(index), ...this.pending.keys(), ...this.memory.keys()]);
    this.pending.clear(); // their writes see they were cleared and store nothing
    this.memory.clear();
    await this.write(() => this.remove(Object.keys(index)));
    return keys.size;
  }

  /** Entries stored now (fresh or not yet evicted) and the bound. */
  async stats(): Promise<{ entries: number; maxEntries: number; hits: number; misses: number }> {
    const index = await this.loadIndex();
    const entries = new Set([...Object.keys(index), ...this.pending.keys(), ...this.memory.keys()]).size;
    return { entries, maxEntries: this.maxEntries, ...this.counters };
  }
}
