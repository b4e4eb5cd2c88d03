// The lookup service: the card's lookup and the paid details (each by the plan of the identifier's family,
// lookup/plans.ts), KVK's open data on request, name search, connection tests, usage and cache. Answers only in domain
// types and typed errors. Each lookup a user waits for (lookup, details, search) has one deadline that all its requests
// and retries keep; the open data, which waits its turn for minutes, has none.
import type { IdentifierKind } from '../identifiers/types';
import type { PersistentCache } from '../net/cache';
import { deadlineAfter } from '../net/deadline';
import { withDeadline, type Http } from '../net/http';
import { PRICE_PER_QUERY_EUR, monthOf, type UsageMeter } from '../net/usage';
import type { Credentials, Limits } from '../settings/schema';
import { testConnection } from './connection';
import type { LookupResult, Part, SearchResult } from './domain';
import type { TestedService } from './errors';
import type { Fetcher, FetchOptions } from './fetcher';
import { kbodataEndpoint } from './endpoints';
import { KbodataClient } from './kbodata/client';
import { KvkClient } from './kvk/client';
import { linksFor } from '../company-links';
import { searchKbodataByName } from './lookup/belgian';
import type { PlanContext } from './lookup/context';
import { searchKvkByName } from './lookup/dutch';
import { OpenDataRequests } from './lookup/open-data';
import { OpenDataClient } from './opendata/client';
import { planFor } from './lookup/plans';
import type {
  CacheStatsResponse,
  DetailsResponse,
  OpenDataProgress,
  SearchResponse,
  TestConnectionResponse,
  UsageResponse,
} from './responses';
import { ViesClient } from './vies/client';

/** What the service needs; all injectable. */
export interface LookupServiceDeps {
  /** How requests are sent (utils/net/http.ts: with the background's address guard and failure diagnosis). */
  http: Http;
  fetcher: Fetcher;
  cache: PersistentCache;
  usage: UsageMeter;
  readCredentials: () => Promise<Credentials>;
  readLimits: () => Promise<Limits>;
  now: () => number;
  /** How long a lookup may take (default LOOKUP_DEADLINE_MS). */
  deadlineMs?: number;
}

/** How the report asks: the fetcher's options, and whether paid sources may be asked (the card: always). */
export interface LookupOptions extends Omit<FetchOptions, 'deadline'> {
  /** False: only free services (VIES, KVK Zoeken); a kind only a paid service knows gets no company part. */
  paid?: boolean;
}

/** A name search without results is an empty list, not an error. */
const emptyWhenNotFound = (p: Part<SearchResult[]>): Part<SearchResult[]> =>
  !p.ok && p.error.code === 'not-found' ? { ...p, ok: true, value: [] } : p;

/** The background's lookup service. */
export class LookupService {
  private readonly openDataRequests: OpenDataRequests;

  constructor(private readonly deps: LookupServiceDeps) {
    // One queue for the worker: its requests wait their turn (about a minute each), with no lookup deadline.
    this.openDataRequests = new OpenDataRequests(deps.fetcher, new OpenDataClient(deps.http), deps.now);
  }

  /**
   * The plans' view of one lookup: clients and fetcher bound to its deadline (a report's checks have one too, so a
   * stalled answer cannot hold a run), its options applied, the credentials as they are now.
   */
  private async context({ paid, ...fetch }: LookupOptions = {}): Promise<PlanContext> {
    const { usage, readLimits, now } = this.deps;
    const deadline = deadlineAfter(this.deps.deadlineMs);
    const http = withDeadline(this.deps.http, deadline);
    return {
      kvk: new KvkClient(http),
      vies: new ViesClient(http, now),
      kbodata: new KbodataClient(http),
      fetcher: this.deps.fetcher.with({ ...fetch, deadline }),
      usage,
      readLimits,
      now,
      credentials: await this.deps.readCredentials(),
      ...(paid === false ? { freeOnly: true } : {}),
    };
  }

  /** The card's lookup (and the report's, with options), by the plan of the identifier's family; links always given. */
  async lookup(kind: IdentifierKind, value: string, options?: LookupOptions): Promise<LookupResult> {
    const parts = await planFor(kind, value).lookup(await this.context(options), kind, value);
    return { kind, value, links: linksFor(kind, value), ...parts };
  }

  /** Which paid services have credentials set (the report offers their lookups only then). */
  async paidServices(): Promise<{ kbodata: boolean }> {
    return { kbodata: kbodataEndpoint(await this.deps.readCredentials()) !== null };
  }

  /** The paid profile (explicit request only), by the plan of the identifier's family. */
  async details(kind: IdentifierKind, value: string): Promise<DetailsResponse> {
    return planFor(kind, value).details(await this.context(), kind, value);
  }

  /** KVK's open data of a KVK number (free, about a minute per request), only when the user asks: see lookup/open-data.ts. */
  openData(kvkNumber: string, mode: 'start' | 'poll'): Promise<OpenDataProgress> {
    return this.openDataRequests.request(kvkNumber, mode);
  }

  /** Name search: KVK Zoeken by name (free) and kbodata denomination search (counts), each where set up. */
  async search(query: string): Promise<SearchResponse> {
    const ctx = await this.context();
    const [kvk, kbodata] = await Promise.all([searchKvkByName(ctx, query), searchKbodataByName(ctx, query)]);
    return {
      query,
      ...(kvk ? { kvk: emptyWhenNotFound(kvk) } : {}),
      ...(kbodata ? { kbodata: emptyWhenNotFound(kbodata) } : {}),
    };
  }

  /** Tries one service with the stored credentials (no cache; not counted). */
  async testConnection(service: TestedService): Promise<TestConnectionResponse> {
    return testConnection(this.deps.http, await this.deps.readCredentials(), service);
  }

  /** Paid queries this month per service, estimated cost and the cap. */
  async usage(): Promise<UsageResponse> {
    const cap = (await this.deps.readLimits()).monthlyPaidCap;
    const of = async (s: 'kvk' | 'kbodata') => {
      const paidQueries = await this.deps.usage.used(s);
      return { paidQueries, estimatedCostEur: Math.round(paidQueries * PRICE_PER_QUERY_EUR[s] * 100) / 100 };
    };
    return { month: monthOf(this.deps.now()), cap, services: { kvk: await of('kvk'), kbodata: await of('kbodata') } };
  }

  /** Cache size and hit figures. */
  cacheStats(): Promise<CacheStatsResponse> {
    return this.deps.cache.stats();
  }

  /** Empties the cache. */
  async clearCache(): Promise<{ removed: number }> {
    return { removed: await this.deps.cache.clear() };
  }
}
