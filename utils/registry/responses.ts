// What the lookup service answers, besides the card's LookupResult (domain.ts): the popup's name search and paid
// details, the options page's connection test, usage and cache figures. The background's message contract
// (utils/messaging/background-messages.ts) answers with these types; the service never imports the contract.
import type { FiledAccounts, OpenDataCompany, Part, Profile, SearchResult } from './domain';
import type { MeteredService } from '../net/usage';
import type { RegistryError } from './errors';

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
  services: Record<MeteredService, ServiceUsage>;
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

/**
 * Where one of the two open datasets of a request is: waiting for the other (`waiting`), in the per-host queue until
 * `sendAt` (epoch ms, the background's estimate; it moves when KVK asks to wait), on its way (`sending`), answered
 * (`done`), or not asked because the company is not in the open data (`skipped`).
 */
export type OpenDataStep<T> =
  | { state: 'waiting' }
  | { state: 'queued'; sendAt: number }
  | { state: 'sending' }
  | { state: 'done'; part: Part<T> }
  | { state: 'skipped' };

/** The answer to `open-data`: both datasets of one KVK number as far as they are; `done` once nothing more comes. */
export interface OpenDataProgress {
  kvkNumber: string;
  basis: OpenDataStep<OpenDataCompany>;
  accounts: OpenDataStep<FiledAccounts>;
  done: boolean;
}
