// The one path every registry request takes: cache → merge identical in-flight requests → usage cap → throttle →
// retry → cache. Answers come back as `Part`s: value or typed error, with source, fetchedAt and whether cached.
// The answer does not wait for its cache write: the cache serves it from memory until the write is done, so a later
// identical request (after the in-flight merge ended) is answered from there, never sent again.
import { z } from 'zod';
import { CACHE_AGES, type PersistentCache, reportWriteFailure } from '../net/cache';
import { DEFAULT_RETRY, retryTemporaryErrors, withRetry, type RetryDecision, type RetryOptions } from '../net/retry';
import { DEFAULT_THROTTLE_LIMITS, SingleFlight, Throttle, type ThrottleLimits } from '../net/throttle';
import type { MeteredService, UsageMeter } from '../net/usage';
import type { Part } from './domain';
import { RegistryErrorSchema } from './errors-schema';
import { isTemporaryError, type Outcome, type RegistryError, type Service } from './errors';

/** How long an outcome is cached: registry data 7 d, VAT verdicts 1 d, not-found 1 d, temporary failures 1 min. */
export function cacheAge(outcome: Outcome<unknown>, kind: 'registry' | 'vat'): number {
  if (outcome.ok) {
    if (kind === 'vat') {
      return (outcome.value as { verdict?: string }).verdict === 'unavailable'
        ? CACHE_AGES.temporary
        : CACHE_AGES.vatVerdict;
    }
    return CACHE_AGES.registry;
  }
  if (outcome.error.code === 'not-found') return CACHE_AGES.notFound;
  if (isTemporaryError(outcome.error) || outcome.error.code === 'certificate') return CACHE_AGES.temporary;
  return 0; // no key, key rejected, plan ended, cap reached, malformed: never cached
}

/** One request to make: where it is cached, how to do it, whether it is paid. */
export interface Job<T> {
  service: Service;
  /** Cache and merge key; must name the environment (KVK test or production) and every parameter. */
  key: string;
  schema: z.ZodType<T>;
  kind: 'registry' | 'vat';
  run: () => Promise<Outcome<T>>;
  /** Counted by the usage meter and stopped at the monthly cap. */
  metered?: MeteredService;
  retry?: RetryDecision;
  demo?: boolean;
  /** The throttle lane (VIES: the member state), limited by the service's `maxConcurrentPerLane`. */
  lane?: string;
}

/** How one caller wants its jobs run (the report's checks; the card leaves both out). */
export interface FetchOptions {
  /** Ask the service even when the cache holds a fresh answer ("check again now"); the answer is cached as usual. */
  bypassCache?: boolean;
  /** Once aborted, no further request of the job starts: not a queued one, not a retry. */
  signal?: AbortSignal;
}

/** What the lookup plans use of a fetcher (the fetcher itself, or a view of it with FetchOptions applied). */
export type FetcherView = Pick<Fetcher, 'get' | 'errorPart'>;

/** The `reason` of the part a job gives when its signal stopped it before it reached the service. */
export const CANCELLED_REASON = 'CANCELLED';

/** True for a part that a job's signal stopped before its request was sent. */
export function isCancelled(part: Part<unknown> | undefined): boolean {
  return part?.ok === false && part.error.code === 'service-unavailable' && part.error.reason === CANCELLED_REASON;
}

/** Dependencies of the fetcher. */
export interface FetcherDeps {
  cache: PersistentCache;
  usage: UsageMeter;
  /** The monthly cap on paid queries (read once per metered request, with the usage count). */
  readCap: () => Promise<number>;
  now: () => number;
  retry?: RetryOptions;
  limits?: Partial<Record<Service, ThrottleLimits>>;
}

/** Runs jobs through cache, merge, cap, throttle and retry. */
export class Fetcher {
  private readonly flights = new SingleFlight();
  /** The cache's schema per job schema (built once: zod compiles a schema on its first parse). */
  private readonly storedSchemas = new WeakMap<z.ZodType, z.ZodType>();
  private readonly throttles: Record<Service, Throttle>;
  /** Requests actually started, per service (for tests and diagnostics). */
  readonly started: Record<Service, number> = { kvk: 0, vies: 0, kbodata: 0 };

  constructor(private readonly deps: FetcherDeps) {
    const limits = { ...DEFAULT_THROTTLE_LIMITS, ...deps.limits };
    this.throttles = {
      kvk: new Throttle(limits.kvk),
      vies: new Throttle(limits.vies),
      kbodata: new Throttle(limits.kbodata),
    };
  }

  /** A part made of an error that needed no request (no key, nothing to ask). */
  errorPart(service: Service, error: RegistryError): Part<never> {
    return { ok: false, error, source: service, fetchedAt: this.deps.now(), cached: false };
  }

  /**
   * Runs a job, or answers from the cache; identical jobs in flight share one request (a job that bypasses the cache
   * shares only with others that do).
   */
  get<T>(job: Job<T>, options: FetchOptions = {}): Promise<Part<T>> {
    const key = options.bypassCache ? `${job.key}#fresh` : job.key;
    return this.flights.run(key, () => this.fetch(job, options));
  }

  /** This fetcher with `options` applied to every job. */
  with(options: FetchOptions): FetcherView {
    return { get: (job) => this.get(job, options), errorPart: (service, error) => this.errorPart(service, error) };
  }

  /** What the cache holds for a job: its outcome, value or typed error. */
  private storedSchema(schema: z.ZodType): z.ZodType {
    let stored = this.storedSchemas.get(schema);
    if (!stored) {
      stored = z.discriminatedUnion('ok', [
        z.object({ ok: z.literal(true), value: schema }),
        z.object({ ok: z.literal(false), error: RegistryErrorSchema }),
      ]);
      this.storedSchemas.set(schema, stored);
    }
    return stored;
  }

  private async fetch<T>(job: Job<T>, { bypassCache, signal }: FetchOptions): Promise<Part<T>> {
    const meta = { source: job.service, ...(job.demo ? { demo: true } : {}) };
    if (!bypassCache) {
      const hit = await this.deps.cache.get(job.key, this.storedSchema(job.schema));
      if (hit) return { ...(hit.value as Outcome<T>), ...meta, fetchedAt: hit.storedAt, cached: true } as Part<T>;
    }

    const cancelled: Outcome<T> = {
      ok: false,
      error: { code: 'service-unavailable', service: job.service, reason: CANCELLED_REASON },
    };
    // The usage count is taken in the throttle slot, right before sending: a job stopped while it waited costs nothing.
    const attempt = (): Promise<Outcome<T>> =>
      this.throttles[job.service].run(async (): Promise<Outcome<T>> => {
        if (signal?.aborted) return cancelled;
        if (job.metered) {
          const reserved = await this.deps.usage.reserve(job.metered, this.deps.readCap);
          if (!reserved.ok)
            return {
              ok: false,
              error: { code: 'paid-cap-reached', service: job.service, cap: reserved.cap, used: reserved.used },
            };
        }
        this.started[job.service]++;
        return job.run();
      }, job.lane);
    const decide = job.retry ?? retryTemporaryErrors;
    const outcome = signal?.aborted
      ? cancelled
      : await withRetry(attempt, (o) => (signal?.aborted ? null : decide(o)), this.deps.retry ?? DEFAULT_RETRY);
    const fetchedAt = this.deps.now();
    // Not awaited: the answer goes back now; a failed write is reported and costs only a later cache miss.
    if (outcome !== cancelled)
      this.deps.cache.set(job.key, outcome, cacheAge(outcome, job.kind), fetchedAt).catch(reportWriteFailure);
    return { ...outcome, ...meta, fetchedAt, cached: false } as Part<T>;
  }
}
