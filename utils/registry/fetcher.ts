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

/** What a lookup's plans use of the fetcher: its jobs all end by the lookup's deadline (Fetcher.within). */
export type LookupFetcher = Pick<Fetcher, 'get' | 'errorPart'>;

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
   * Runs a job, or answers from the cache; identical jobs in flight share one request. With a `deadline`, no try
   * starts after it (the job's requests must carry it too: utils/net/http.ts withDeadline).
   */
  get<T>(job: Job<T>, deadline?: Deadline): Promise<Part<T>> {
    return this.flights.run(job.key, () => this.fetch(job, deadline));
  }

  /** This fetcher for the jobs of one lookup: each ends by `deadline`. */
  within(deadline: Deadline): LookupFetcher {
    return { get: (job) => this.get(job, deadline), errorPart: (service, error) => this.errorPart(service, error) };
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

  private async fetch<T>(job: Job<T>, deadline?: Deadline): Promise<Part<T>> {
    const meta = { source: job.service, ...(job.demo ? { demo: true } : {}) };
    const hit = await this.deps.cache.get(job.key, this.storedSchema(job.schema));
    if (hit)
      return { ...cleanStrings(hit.value as Outcome<T>), ...meta, fetchedAt: hit.storedAt, cached: true } as Part<T>;

    const attempt = async (): Promise<Outcome<T>> => {
      // Past the deadline nothing is counted or sent.
      if (deadline?.signal.aborted) return { ok: false, error: { code: 'timeout', service: job.service } };
      if (job.metered) {
        const reserved = await this.deps.usage.reserve(job.metered, this.deps.readCap);
        if (!reserved.ok) return { ok: false, error: refusalError(job.service, reserved) };
      }
      return this.pacers[job.service].run(() => {
        this.started[job.service]++;
        return job.run();
      }, job.pace);
    };
    const decide = job.retry ?? retryTemporaryErrors;
    const outcome = cleanStrings(await withRetry(attempt, decide, this.deps.retry ?? DEFAULT_RETRY, deadline));
    const fetchedAt = this.deps.now();
    // Not awaited: the answer goes back now; a failed write is reported and costs only a later cache miss.
    this.deps.cache.set(job.key, outcome, cacheAge(outcome, job.kind), fetchedAt).catch(reportWriteFailure);
    return { ...outcome, ...meta, fetchedAt, cached: false } as Part<T>;
  }
}
