// What the lookup service answers, besides the card's LookupResult (domain.ts): the popup's name search and paid
// details, the options page's connection test, usage and cache figures. The background's message contract
// (utils/messaging/background-messages.ts) answers with these types; the service never imports the contract.
import type { Part, Profile, SearchResult } from './domain';
import type { RegistryError, Service } from './errors';

/** The answer to `search`: one part per service asked (a service without credentials is absent). */
export interface SearchResponse {
  query: string;
  kvk?: Part<SearchResult[]>;
  kbodata?: Part<SearchResult[]>;
}

/** The answer to `details`. */
export type DetailsResponse = Part<Profile>;

/** What a successful connection test learned. */
export type ConnectionInfo =
  /** `address`: the organisation's own address the test went to, when one is set. */
  | { service: 'kvk'; environment: 'production' | 'test'; address?: string }
  | { service: 'vies'; available: boolean; unavailableMemberStates: string[] }
  | {
      service: 'kbodata';
      plan: string;
      username: string;
      development: boolean;
      /** ISO date the access token expires, when kbodata says. */
      expires?: string;
      address?: string;
    };

/** The answer to `test-connection`. */
export type TestConnectionResponse = { ok: true; info: ConnectionInfo } | { ok: false; error: RegistryError };

/** Paid queries of one service this month. `estimatedCostEur`: KVK €0.02 a query; kbodata is a flat plan (0). */
export interface ServiceUsage {
  paidQueries: number;
  estimatedCostEur: number;
}

/** The answer to `usage`. `month` is the calendar month in UTC, `YYYY-MM`; `cap` applies to each service. */
export interface UsageResponse {
  month: string;
  cap: number;
  services: Record<Exclude<Service, 'vies'>, ServiceUsage>;
}

/** The answer to `cache-stats`: entries stored and hits/misses since the worker started. */
export interface CacheStatsResponse {
  entries: number;
  maxEntries: number;
  hits: number;
  misses: number;
}

/** The answer to `clear-cache`: how many entries were removed. */
export interface ClearCacheResponse {
  removed: number;
}
