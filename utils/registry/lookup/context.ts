// What every lookup plan works with (the fetcher, the three clients, the credentials of this request, the usage meter)
// and the helpers the plans share: mapping an outcome, the "no key" part, the cache scope of a KVK endpoint, the
// Belgian number inside a kind and value, and the VIES check.
import { z } from 'zod';
import type { IdentifierKind } from '../../identifiers/types';
import type { UsageMeter } from '../../net/usage';
import type { Credentials, Limits } from '../../settings/schema';
import { SearchResultSchema, VatCheckSchema, type LookupResult, type Part, type VatCheck } from '../domain';
import { DEFAULT_BASE_URLS, viesEndpoint, type KvkEndpoint } from '../endpoints';
import { failure, success, type Outcome, type Service } from '../errors';
import type { FetcherView } from '../fetcher';
import type { KbodataClient } from '../kbodata/client';
import type { KvkClient } from '../kvk/client';
import { retryVies, splitVat, type ViesClient } from '../vies/client';

/** One request's view of the lookup service: its tools, and the credentials read for this request. */
export interface PlanContext {
  /** Bound to the lookup's options: its deadline, and a report's cache bypass and signal. */
  fetcher: FetcherView;
  kvk: KvkClient;
  vies: ViesClient;
  kbodata: KbodataClient;
  usage: UsageMeter;
  credentials: Credentials;
  readLimits: () => Promise<Limits>;
  now: () => number;
  /** Ask only the free services (the report before the user agreed to paid requests): nothing counted, nothing billed. */
  freeOnly?: boolean;
}

/** The parts of a lookup a plan fills in (the service adds the kind, the value and the links). */
export type LookupParts = Pick<LookupResult, 'company' | 'vat' | 'warnings'>;

/** A name search's results (one schema object, so the fetcher builds and compiles its cache schema once). */
export const SEARCH_RESULTS = z.array(SearchResultSchema);

/** Maps a successful outcome's value; a mapper returning undefined means "nothing found" at `service`. */
export function mapOutcome<A, B>(o: Outcome<A>, f: (a: A) => B | undefined, service: Service): Outcome<B> {
  if (!o.ok) return o;
  const v = f(o.value);
  return v === undefined ? failure({ code: 'not-found', service }) : success(v);
}

/** The part of a service whose credentials are not set: nothing is sent. */
export function noKey(ctx: PlanContext, service: Service): Part<never> {
  return ctx.fetcher.errorPart(service, { code: 'no-key', service });
}

/** Today (UTC) as `YYYY-MM-DD`: what "current" means for kbodata's dated addresses and names. */
export function today(ctx: PlanContext): string {
  return new Date(ctx.now()).toISOString().slice(0, 10);
}

/** The cache scope of a KVK endpoint: test, production, or production through an organisation's own address. */
export function kvkScope(e: KvkEndpoint): string {
  if (e.test) return 'test';
  return e.baseUrl === DEFAULT_BASE_URLS.kvkProduction ? 'prod' : `prod@${e.baseUrl}`;
}

/** The Belgian enterprise or establishment number a kind and value stand for (a BE VAT number's is its enterprise). */
export function belgianNumber(kind: IdentifierKind, value: string): string | undefined {
  if (kind === 'kbo' || kind === 'kbo-establishment') return value;
  if (kind === 'vat' && value.startsWith('BE')) return value.slice(2);
  return undefined;
}

/** VIES check of a full VAT number (free), with the user's own VAT number as requester when set. */
export function vatCheck(ctx: PlanContext, vat: string): Promise<Part<VatCheck>> {
  const { baseUrl, requesterVat } = viesEndpoint(ctx.credentials);
  return ctx.fetcher.get({
    service: 'vies',
    key: `vies:${vat}${requesterVat ? `:as:${requesterVat}` : ''}`,
    schema: VatCheckSchema,
    kind: 'vat',
    retry: retryVies,
    lane: splitVat(vat).memberState,
    run: () =>
      requesterVat
        ? ctx.vies.checkWithRequester(baseUrl, vat, requesterVat)
        : ctx.vies.checkByMemberState(baseUrl, vat),
  });
}
