// The one path every registry request takes: cache → merge identical in-flight requests → usage cap → throttle (or the
// service's own pacer: the open data's per-host minute queue) → retry (within the lookup's deadline) → cache. Answers
// come back as `Part`s: value or typed error, with source, fetchedAt and whether cached, their strings without control
// characters (./clean-text.ts).
// The answer does not wait for its cache write: the cache serves it from memory until the write is done, so a later
// identical request (after the in-flight merge ended) is answered from there, never sent again.
import { z } from 'zod';
import { CACHE_AGES, type PersistentCache, reportWriteFailure } from '../net/cache';
import type { Deadline } from '../net/deadline';
import { DEFAULT_RETRY, retryTemporaryErrors, withRetry, type RetryDecision, type RetryOptions } from '../net/retry';
import type { PaceHooks, Pacer } from '../net/paced-queue';
import { DEFAULT_THROTTLE_LIMITS, SingleFlight, Throttle, type ThrottleLimits } from '../net/throttle';
import type { MeteredService, UsageMeter, UsageRefusal } from '../net/usage';
import { cleanStrings } from './clean-text';
import type { Part } from './domain';
import { RegistryErrorSchema } from './errors-schema';
import { isTemporaryError, type Outcome, type RegistryError, type Service } from './errors';

/** What a job's answer is, for how long it is cached. */
export type AnswerKind = 'registry' | 'vat' | 'open-data';

/**
 * How long an outcome is cached: registry data 7 d, VAT verdicts 1 d, not-found 1 d, the open data's answers and its
 * "not in the open data" for days (it changes slowly, and each request costs a minute), temporary failures 1 min.
 */
export function cacheAge(outcome: Outcome<unknown>, kind: AnswerKind): number {
  if (kind === 'open-data' && (outcome.ok || outcome.error.code === 'not-found'))
    return outcome.ok ? CACHE_AGES.openData : CACHE_AGES.openDataNotFound;
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

/** The error a paid query refused by the usage meter answers with. */
export function refusalError(service: Service, refusal: UsageRefusal): RegistryError {
  return refusal.reason === 'unrecorded'
    ? { code: 'usage-unrecorded', service }
    : { code: 'paid-cap-reached', service, cap: refusal.cap, used: refusal.used };
}

/** One request to make: where it is cached, how to do it, whether it is paid. */
export interface Job<T> {
  service: Service;
  /** Cache and merge key; must name the environment (KVK test or production) and every parameter. */
  key: string;
  schema: z.ZodType<T>;
  kind: AnswerKind;
  run: () => Promise<Outcome<T>>;
  /** Counted by the usage meter and stopped at the monthly cap. */
  metered?: MeteredService;
  retry?: RetryDecision;
  demo?: boolean;
  /** Told when the request is expected to go and when it goes (the open data's queue says; a throttle does not). */
  pace?: PaceHooks;
  /** The throttle lane (VIES: the member state), limited by the service's `maxConcurrentPerLane`. */
  lane?: string;
}

/** How one caller wants its jobs run (a lookup the user waits for; the report's checks). */
export interface FetchOptions {
  /** Ask the service even when the cache holds a fresh answer ("check again now"); the answer is cached as usual. */
  bypassCache?: boolean;
  /** Once aborted, no further request of the job starts: not a queued one, not a retry. */
  signal?: AbortSignal;
  /** No try starts after it (the job's requests must carry it too: utils/net/http.ts withDeadline). */
  deadline?: Deadline;
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
  /** A service's own pacer instead of its token bucket (the open data's per-host minute queue, persisted). */
  pacers?: Partial<Record<Service, Pacer>>;
}

/** Runs jobs through cache, merge, cap, throttle and retry. */
export class Fetcher {
  private readonly flights = new SingleFlight();
  /** The cache's schema per job schema (built once: zod compiles a schema on its first parse). */
  private readonly storedSchemas = new WeakMap<z.ZodType, z.ZodType>();
  private readonly pacers: Record<Service, Pacer>;
  /** Requests actually started, per service (for tests and diagnostics). */
  readonly started: Record<Service, number> = { kvk: 0, vies: 0, kbodata: 0, 'kvk-open': 0 };

  constructor(private readonly deps: FetcherDeps) {
    const limits = { ...DEFAULT_THROTTLE_LIMITS, ...deps.limits };
    const pacer = (s: Service) => deps.pacers?.[s] ?? new Throttle(limits[s]);
    this.pacers = { kvk: pacer('kvk'), vies: pacer('vies'), kbodata: pacer('kbodata'), 'kvk-open': pacer('kvk-open') };
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

  /** This fetcher with `options` applied to every job (a lookup's deadline, a report's signal). */
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

  private async fetch<T>(job: Job<T>, { bypassCache, signal, deadline }: FetchOptions): Promise<Part<T>> {
    const meta = { source: job.service, ...(job.demo ? { demo: true } : {}) };
    if (!bypassCache) {
      const hit = await this.deps.cache.get(job.key, this.storedSchema(job.schema));
      if (hit)
        return { ...cleanStrings(hit.value as Outcome<T>), ...meta, fetchedAt: hit.storedAt, cached: true } as Part<T>;
    }

    const cancelled: Outcome<T> = {
      ok: false,
      error: { code: 'service-unavailable', service: job.service, reason: CANCELLED_REASON },
    };
    // The usage count is taken in the pacer's slot, right before sending: a job stopped while it waited costs nothing,
    // and past the deadline nothing is counted or sent.
    const attempt = (): Promise<Outcome<T>> =>
      this.pacers[job.service].run(
        async (): Promise<Outcome<T>> => {
          if (signal?.aborted) return cancelled;
          if (deadline?.signal.aborted) return { ok: false, error: { code: 'timeout', service: job.service } };
          if (job.metered) {
            const reserved = await this.deps.usage.reserve(job.metered, this.deps.readCap);
            if (!reserved.ok) return { ok: false, error: refusalError(job.service, reserved) };
          }
          this.started[job.service]++;
          return job.run();
        },
        { lane: job.lane, hooks: job.pace },
      );
    const decide = job.retry ?? retryTemporaryErrors;
    const outcome = signal?.aborted
      ? cancelled
      : cleanStrings(
          await withRetry(
            attempt,
            (o) => (signal?.aborted ? null : decide(o)),
            this.deps.retry ?? DEFAULT_RETRY,
            deadline,
          ),
        );
    const fetchedAt = this.deps.now();
    // Not awaited: the answer goes back now; a failed write is reported and costs only a later cache miss.
    if (!isCancelled({ ...outcome, ...meta, fetchedAt: 0, cached: false } as Part<T>))
      this.deps.cache.set(job.key, outcome, cacheAge(outcome, job.kind), fetchedAt).catch(reportWriteFailure);
    return { ...outcome, ...meta, fetchedAt, cached: false } as Part<T>;
  }
}
