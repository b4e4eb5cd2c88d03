// The lookup service: the plan per identifier kind (which service is asked, in which order, what works without a
// key), name search, paid details, connection tests, usage and cache. Answers only in domain types and typed errors.
import { z } from 'zod';
import type { IdentifierKind } from '../identifiers/types';
import type {
  CacheStatsResponse,
  DetailsResponse,
  SearchResponse,
  TestConnectionResponse,
  UsageResponse,
} from '../messaging/background-messages';
import type { FetchFn } from '../net/http';
import { PRICE_PER_QUERY_EUR, monthOf, type UsageMeter } from '../net/usage';
import type { PersistentCache } from '../net/cache';
import type { Credentials, Limits } from '../settings/schema';
import {
  CompanySchema,
  ProfileSchema,
  SearchResultSchema,
  VatCheckSchema,
  type Company,
  type LookupResult,
  type Part,
  type Profile,
  type SearchResult,
  type VatCheck,
} from './domain';
import {
  DEFAULT_BASE_URLS,
  kbodataEndpoint,
  kvkEndpoint,
  viesEndpoint,
  type KbodataEndpoint,
  type KvkEndpoint,
} from './endpoints';
import { failure, success, type Outcome, type Service } from './errors';
import type { Fetcher } from './fetcher';
import { KbodataClient } from './kbodata/client';
import {
  denominationsToResults,
  enterpriseToCompany,
  enterpriseToProfile,
  establishmentToCompany,
  establishmentToProfile,
} from './kbodata/map';
import { KvkClient } from './kvk/client';
import { basisprofielToProfile, vestigingsprofielToProfile, zoekenToCompany, zoekenToResults } from './kvk/map';
import { linksFor } from './links';
import { testConnection } from './connection';
import { companyFromVat } from './vies/map';
import { retryVies, ViesClient } from './vies/client';

/** What the service needs; all injectable. */
export interface LookupServiceDeps {
  fetch: FetchFn;
  fetcher: Fetcher;
  cache: PersistentCache;
  usage: UsageMeter;
  readCredentials: () => Promise<Credentials>;
  readLimits: () => Promise<Limits>;
  now: () => number;
}

/** Maps a successful outcome's value; a mapper returning undefined means "nothing found" at `service`. */
const map = <A, B>(o: Outcome<A>, f: (a: A) => B | undefined, service: Service = 'kvk'): Outcome<B> => {
  if (!o.ok) return o;
  const v = f(o.value);
  return v === undefined ? failure({ code: 'not-found', service }) : success(v);
};

/** A name search's results (one schema object, so the fetcher builds and compiles its cache schema once). */
const SEARCH_RESULTS = z.array(SearchResultSchema);

/** Which Zoeken parameter finds each KVK kind. */
const KVK_PARAM: Partial<Record<IdentifierKind, string>> = {
  kvk: 'kvkNummer',
  'kvk-branch': 'vestigingsnummer',
  rsin: 'rsin',
};

/** The background's lookup service. */
export class LookupService {
  private readonly kvk: KvkClient;
  private readonly vies: ViesClient;
  private readonly kbodata: KbodataClient;

  constructor(private readonly deps: LookupServiceDeps) {
    this.kvk = new KvkClient(deps.fetch);
    this.vies = new ViesClient(deps.fetch, deps.now);
    this.kbodata = new KbodataClient(deps.fetch);
  }

  private today(): string {
    return new Date(this.deps.now()).toISOString().slice(0, 10);
  }

  /** The cache scope of a KVK endpoint: test, production, or production through an organisation's own address. */
  private env(e: KvkEndpoint): string {
    if (e.test) return 'test';
    return e.baseUrl === DEFAULT_BASE_URLS.kvkProduction ? 'prod' : `prod@${e.baseUrl}`;
  }

  /** KVK Zoeken for one number (free) → company. */
  private kvkCompany(e: KvkEndpoint, kind: IdentifierKind, value: string): Promise<Part<Company>> {
    const param = KVK_PARAM[kind]!;
    return this.deps.fetcher.get({
      service: 'kvk',
      key: `kvk:${this.env(e)}:zoeken:${param}=${value}`,
      schema: CompanySchema,
      kind: 'registry',
      demo: e.test,
      run: async () =>
        map(await this.kvk.zoeken(e, { [param]: value, inclusiefInactieveRegistraties: 'true' }), zoekenToCompany),
    });
  }

  /** VIES check of a full VAT number (free). */
  private vatCheck(vat: string, requesterVat: string | null, baseUrl: string): Promise<Part<VatCheck>> {
    return this.deps.fetcher.get({
      service: 'vies',
      key: `vies:${vat}${requesterVat ? `:as:${requesterVat}` : ''}`,
      schema: VatCheckSchema,
      kind: 'vat',
      retry: retryVies,
      run: () =>
        requesterVat
          ? this.vies.checkWithRequester(baseUrl, vat, requesterVat)
          : this.vies.checkByMemberState(baseUrl, vat),
    });
  }

  /** kbodata enterprise (counts against the plan) → company. */
  private kboEnterprise(e: KbodataEndpoint, number: string): Promise<Part<Company>> {
    const today = this.today();
    return this.deps.fetcher.get({
      service: 'kbodata',
      key: `kbodata:enterprise:${number}`,
      schema: CompanySchema,
      kind: 'registry',
      metered: 'kbodata',
      run: async () => map(await this.kbodata.enterprise(e, number), (x) => enterpriseToCompany(x, today)),
    });
  }

  private kboEstablishment(e: KbodataEndpoint, number: string): Promise<Part<Company>> {
    const today = this.today();
    return this.deps.fetcher.get({
      service: 'kbodata',
      key: `kbodata:establishment:${number}`,
      schema: CompanySchema,
      kind: 'registry',
      metered: 'kbodata',
      run: async () => map(await this.kbodata.establishment(e, number), (x) => establishmentToCompany(x, today)),
    });
  }

  /**
   * The card's lookup. Plan per kind:
   * - KVK number / vestigingsnummer / RSIN: KVK Zoeken (free) with the user's key, or the test environment (demo);
   *   without either: `no-key`.
   * - Belgian enterprise number: VIES for `BE` + number (free) and, with kbodata credentials, kbodata's enterprise;
   *   without them the company comes from VIES's name and address when shared.
   * - Belgian establishment: kbodata only.
   * - VAT number: VIES; a Belgian one also asks kbodata (when set up); otherwise the company is VIES's name/address.
   * Links are always given.
   */
  async lookup(kind: IdentifierKind, value: string): Promise<LookupResult> {
    const credentials = await this.deps.readCredentials();
    const result: LookupResult = { kind, value, links: linksFor(kind, value) };
    const vies = viesEndpoint(credentials);
    const kbo = kbodataEndpoint(credentials);
    if (kind in KVK_PARAM) {
      const kvk = kvkEndpoint(credentials);
      result.company = kvk
        ? await this.kvkCompany(kvk, kind, value)
        : this.deps.fetcher.errorPart('kvk', { code: 'no-key', service: 'kvk' });
    } else if (kind === 'kbo' || (kind === 'vat' && value.startsWith('BE'))) {
      const number = kind === 'kbo' ? value : value.slice(2);
      const vat = `BE${number}`;
      const [vatPart, companyPart] = await Promise.all([
        this.vatCheck(vat, vies.requesterVat, vies.baseUrl),
        kbo ? this.kboEnterprise(kbo, number) : undefined,
      ]);
      result.vat = vatPart;
      const usable =
        companyPart && (companyPart.ok || companyPart.error.code === 'not-found') ? companyPart : undefined;
      const fromVies = usable ? undefined : companyFromVat(vatPart, vat);
      if (fromVies && companyPart && !companyPart.ok) result.warnings = [companyPart.error];
      result.company =
        usable ??
        fromVies ??
        companyPart ??
        this.deps.fetcher.errorPart('kbodata', { code: 'no-key', service: 'kbodata' });
    } else if (kind === 'kbo-establishment') {
      result.company = kbo
        ? await this.kboEstablishment(kbo, value)
        : this.deps.fetcher.errorPart('kbodata', { code: 'no-key', service: 'kbodata' });
    } else if (kind === 'vat') {
      result.vat = await this.vatCheck(value, vies.requesterVat, vies.baseUrl);
      const company = companyFromVat(result.vat, value);
      if (company) result.company = company;
    }
    return result;
  }

  /** Name search: KVK Zoeken by name (free) and kbodata denomination search (counts), each where set up. */
  async search(query: string): Promise<SearchResponse> {
    const credentials = await this.deps.readCredentials();
    const kvk = kvkEndpoint(credentials);
    const kbo = kbodataEndpoint(credentials);
    const emptyWhenNotFound = (p: Part<SearchResult[]>): Part<SearchResult[]> =>
      !p.ok && p.error.code === 'not-found' ? { ...p, ok: true, value: [] } : p;
    const [kvkPart, kboPart] = await Promise.all([
      kvk
        ? this.deps.fetcher.get({
            service: 'kvk',
            key: `kvk:${this.env(kvk)}:zoeken:naam=${query.toLowerCase()}`,
            schema: SEARCH_RESULTS,
            kind: 'registry',
            demo: kvk.test,
            run: async () =>
              map(await this.kvk.zoeken(kvk, { naam: query, resultatenPerPagina: '20' }), zoekenToResults),
          })
        : undefined,
      kbo
        ? this.deps.fetcher.get({
            service: 'kbodata',
            key: `kbodata:search:${query.toLowerCase()}`,
            schema: SEARCH_RESULTS,
            kind: 'registry',
            metered: 'kbodata',
            run: async () => map(await this.kbodata.searchDenominations(kbo, query), denominationsToResults),
          })
        : undefined,
    ]);
    return {
      query,
      ...(kvkPart ? { kvk: emptyWhenNotFound(kvkPart) } : {}),
      ...(kboPart ? { kbodata: emptyWhenNotFound(kboPart) } : {}),
    };
  }

  /** The paid profile (explicit request only): KVK Basisprofiel / Vestigingsprofiel, kbodata enterprise + activities. */
  async details(kind: IdentifierKind, value: string): Promise<DetailsResponse> {
    const credentials = await this.deps.readCredentials();
    const fetcher = this.deps.fetcher;
    if (kind === 'kvk' || kind === 'kvk-branch' || kind === 'rsin') {
      const kvk = kvkEndpoint(credentials);
      if (!kvk) return fetcher.errorPart('kvk', { code: 'no-key', service: 'kvk' });
      let number = value;
      if (kind === 'rsin') {
        const found = await this.kvkCompany(kvk, kind, value);
        if (!found.ok || !found.value.kvkNumber)
          return found.ok ? fetcher.errorPart('kvk', { code: 'not-found', service: 'kvk' }) : found;
        number = found.value.kvkNumber;
      }
      const branch = kind === 'kvk-branch';
      return fetcher.get<Profile>({
        service: 'kvk',
        key: `kvk:${this.env(kvk)}:${branch ? 'vestigingsprofiel' : 'basisprofiel'}:${number}`,
        schema: ProfileSchema,
        kind: 'registry',
        demo: kvk.test,
        ...(kvk.test ? {} : { metered: 'kvk' as const }),
        run: async () =>
          branch
            ? map(await this.kvk.vestigingsprofiel(kvk, number), vestigingsprofielToProfile)
            : map(await this.kvk.basisprofiel(kvk, number), basisprofielToProfile),
      });
    }
    const belgian = kind === 'kbo' || kind === 'kbo-establishment' || (kind === 'vat' && value.startsWith('BE'));
    if (!belgian) return fetcher.errorPart('vies', { code: 'not-found', service: 'vies' });
    const kbo = kbodataEndpoint(credentials);
    if (!kbo) return fetcher.errorPart('kbodata', { code: 'no-key', service: 'kbodata' });
    const number = kind === 'vat' ? value.slice(2) : value;
    const establishment = kind === 'kbo-establishment';
    const today = this.today();
    return fetcher.get<Profile>({
      service: 'kbodata',
      key: `kbodata:profile:${number}`,
      schema: ProfileSchema,
      kind: 'registry',
      metered: 'kbodata',
      run: async () => {
        const entity = establishment
          ? await this.kbodata.establishment(kbo, number)
          : await this.kbodata.enterprise(kbo, number);
        if (!entity.ok) return entity;
        const reserved = await this.deps.usage.reserve(
          'kbodata',
          async () => (await this.deps.readLimits()).monthlyPaidCap,
        );
        if (!reserved.ok)
          return failure({ code: 'paid-cap-reached', service: 'kbodata', cap: reserved.cap, used: reserved.used });
        const activities = await this.kbodata.activities(kbo, number);
        const list = activities.ok ? activities.value : [];
        if (!activities.ok && activities.error.code !== 'not-found') return activities;
        return success(
          'establishmentNumber' in entity.value
            ? establishmentToProfile(entity.value, list, today)
            : enterpriseToProfile(entity.value, list, today),
        );
      },
    });
  }

  /** Tries one service with the stored credentials (no cache; not counted). */
  async testConnection(service: Service): Promise<TestConnectionResponse> {
    return testConnection(this.deps.fetch, await this.deps.readCredentials(), service);
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
