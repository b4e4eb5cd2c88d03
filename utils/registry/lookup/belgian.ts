// The Belgian plan (enterprise and establishment numbers, and a BE VAT number's enterprise): VIES for `BE` + number
// (free) and, with kbodata.app credentials, kbodata's enterprise or establishment (counted against the plan); without
// them, or when only free services may be asked, the company comes from VIES's name and address when VIES shares
// them. Details: kbodata's entity + activities.
import { CompanySchema, ProfileSchema, type Company, type Part, type Profile, type SearchResult } from '../domain';
import { kbodataEndpoint, type KbodataEndpoint } from '../endpoints';
import { failure, success } from '../errors';
import { refusalError } from '../fetcher';
import {
  denominationsToResults,
  enterpriseToCompany,
  enterpriseToProfile,
  establishmentToCompany,
  establishmentToProfile,
} from '../kbodata/map';
import { companyFromVat } from '../vies/map';
import { belgianNumber, mapOutcome, noKey, SEARCH_RESULTS, today, vatCheck, type PlanContext } from './context';
import type { LookupPlan } from './plan';

/** kbodata's enterprise or establishment (counts against the plan) → company. */
function kboCompany(
  ctx: PlanContext,
  e: KbodataEndpoint,
  entity: 'enterprise' | 'establishment',
  number: string,
): Promise<Part<Company>> {
  const day = today(ctx);
  return ctx.fetcher.get({
    service: 'kbodata',
    key: `kbodata:${entity}:${number}`,
    schema: CompanySchema,
    kind: 'registry',
    metered: 'kbodata',
    run: async () =>
      entity === 'enterprise'
        ? mapOutcome(await ctx.kbodata.enterprise(e, number), (x) => enterpriseToCompany(x, day), 'kbodata')
        : mapOutcome(await ctx.kbodata.establishment(e, number), (x) => establishmentToCompany(x, day), 'kbodata'),
  });
}

/** The plan for Belgian enterprise and establishment numbers, and for BE VAT numbers. */
export const belgianPlan: LookupPlan = {
  async lookup(ctx, kind, value) {
    const number = belgianNumber(kind, value)!;
    // Free only: kbodata.app (every request counts against the plan) is not asked, and not reported as missing.
    const kbo = ctx.freeOnly ? null : kbodataEndpoint(ctx.credentials);
    const missing = ctx.freeOnly ? undefined : noKey(ctx, 'kbodata');
    if (kind === 'kbo-establishment')
      return kbo
        ? { company: await kboCompany(ctx, kbo, 'establishment', number) }
        : missing
          ? { company: missing }
          : {};
    const vat = `BE${number}`;
    const [vatPart, companyPart] = await Promise.all([
      vatCheck(ctx, vat),
      kbo ? kboCompany(ctx, kbo, 'enterprise', number) : undefined,
    ]);
    // kbodata's answer wins when it has one (a company, or "no such enterprise"); otherwise VIES's name and address,
    // with kbodata's failure as a warning; otherwise kbodata's failure, or the missing key.
    const usable = companyPart && (companyPart.ok || companyPart.error.code === 'not-found') ? companyPart : undefined;
    const fromVies = usable ? undefined : companyFromVat(vatPart, vat);
    const company = usable ?? fromVies ?? companyPart ?? missing;
    return {
      vat: vatPart,
      ...(company ? { company } : {}),
      ...(fromVies && companyPart && !companyPart.ok ? { warnings: [companyPart.error] } : {}),
    };
  },

  async details(ctx, kind, value) {
    const kbo = kbodataEndpoint(ctx.credentials);
    if (!kbo) return noKey(ctx, 'kbodata');
    const number = belgianNumber(kind, value)!;
    const establishment = kind === 'kbo-establishment';
    const day = today(ctx);
    return ctx.fetcher.get<Profile>({
      service: 'kbodata',
      key: `kbodata:profile:${number}`,
      schema: ProfileSchema,
      kind: 'registry',
      metered: 'kbodata',
      run: async () => {
        const entity = establishment
          ? await ctx.kbodata.establishment(kbo, number)
          : await ctx.kbodata.enterprise(kbo, number);
        if (!entity.ok) return entity;
        // The activities are a second plan request: counted, and stopped by the cap, on their own.
        const reserved = await ctx.usage.reserve('kbodata', async () => (await ctx.readLimits()).monthlyPaidCap);
        if (!reserved.ok) return failure(refusalError('kbodata', reserved));
        const activities = await ctx.kbodata.activities(kbo, number);
        if (!activities.ok && activities.error.code !== 'not-found') return activities;
        const list = activities.ok ? activities.value : [];
        return success(
          'establishmentNumber' in entity.value
            ? establishmentToProfile(entity.value, list, day)
            : enterpriseToProfile(entity.value, list, day),
        );
      },
    });
  },
};

/** kbodata's denomination search (counts against the plan), or undefined when kbodata.app is not set up. */
export function searchKbodataByName(ctx: PlanContext, query: string): Promise<Part<SearchResult[]>> | undefined {
  const kbo = kbodataEndpoint(ctx.credentials);
  if (!kbo) return undefined;
  return ctx.fetcher.get({
    service: 'kbodata',
    key: `kbodata:search:${query.toLowerCase()}`,
    schema: SEARCH_RESULTS,
    kind: 'registry',
    metered: 'kbodata',
    run: async () => mapOutcome(await ctx.kbodata.searchDenominations(kbo, query), denominationsToResults, 'kbodata'),
  });
}
