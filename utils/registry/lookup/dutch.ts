// The Dutch plan (KVK number, vestigingsnummer, RSIN): KVK Zoeken (free) for the card with the user's key or in KVK's
// test environment (demo); Basisprofiel / Vestigingsprofiel (paid in production) only for the details.
import type { IdentifierKind } from '../../identifiers/types';
import { CompanySchema, ProfileSchema, type Company, type Part, type Profile, type SearchResult } from '../domain';
import { kvkEndpoint, type KvkEndpoint } from '../endpoints';
import { basisprofielToProfile, vestigingsprofielToProfile, zoekenToCompany, zoekenToResults } from '../kvk/map';
import { kvkScope, mapOutcome, noKey, SEARCH_RESULTS, type PlanContext } from './context';
import type { LookupPlan } from './plan';

/** Which Zoeken parameter finds each Dutch kind. */
const ZOEKEN_PARAM: Partial<Record<IdentifierKind, string>> = {
  kvk: 'kvkNummer',
  'kvk-branch': 'vestigingsnummer',
  rsin: 'rsin',
};

/** KVK Zoeken for one number (free) → company. */
export function kvkCompany(
  ctx: PlanContext,
  e: KvkEndpoint,
  kind: IdentifierKind,
  value: string,
): Promise<Part<Company>> {
  const param = ZOEKEN_PARAM[kind]!;
  return ctx.fetcher.get({
    service: 'kvk',
    key: `kvk:${kvkScope(e)}:zoeken:${param}=${value}`,
    schema: CompanySchema,
    kind: 'registry',
    demo: e.test,
    run: async () =>
      mapOutcome(
        await ctx.kvk.zoeken(e, { [param]: value, inclusiefInactieveRegistraties: 'true' }),
        zoekenToCompany,
        'kvk',
      ),
  });
}

/** The plan for KVK numbers, vestigingsnummers and RSINs. */
export const dutchPlan: LookupPlan = {
  async lookup(ctx, kind, value) {
    const kvk = kvkEndpoint(ctx.credentials);
    return { company: kvk ? await kvkCompany(ctx, kvk, kind, value) : noKey(ctx, 'kvk') };
  },

  async details(ctx, kind, value) {
    const kvk = kvkEndpoint(ctx.credentials);
    if (!kvk) return noKey(ctx, 'kvk');
    let number = value;
    if (kind === 'rsin') {
      // An RSIN's profile is its KVK number's: found with the free Zoeken first.
      const found = await kvkCompany(ctx, kvk, kind, value);
      if (!found.ok) return found;
      if (!found.value.kvkNumber) return ctx.fetcher.errorPart('kvk', { code: 'not-found', service: 'kvk' });
      number = found.value.kvkNumber;
    }
    const branch = kind === 'kvk-branch';
    return ctx.fetcher.get<Profile>({
      service: 'kvk',
      key: `kvk:${kvkScope(kvk)}:${branch ? 'vestigingsprofiel' : 'basisprofiel'}:${number}`,
      schema: ProfileSchema,
      kind: 'registry',
      demo: kvk.test,
      ...(kvk.test ? {} : { metered: 'kvk' as const }),
      run: async () =>
        branch
          ? mapOutcome(await ctx.kvk.vestigingsprofiel(kvk, number), vestigingsprofielToProfile, 'kvk')
          : mapOutcome(await ctx.kvk.basisprofiel(kvk, number), basisprofielToProfile, 'kvk'),
    });
  },
};

/** KVK Zoeken by name (free; a strict full-name match), or undefined when KVK is not set up. */
export function searchKvkByName(ctx: PlanContext, query: string): Promise<Part<SearchResult[]>> | undefined {
  const kvk = kvkEndpoint(ctx.credentials);
  if (!kvk) return undefined;
  return ctx.fetcher.get({
    service: 'kvk',
    key: `kvk:${kvkScope(kvk)}:zoeken:naam=${query.toLowerCase()}`,
    schema: SEARCH_RESULTS,
    kind: 'registry',
    demo: kvk.test,
    run: async () =>
      mapOutcome(await ctx.kvk.zoeken(kvk, { naam: query, resultatenPerPagina: '20' }), zoekenToResults, 'kvk'),
  });
}
