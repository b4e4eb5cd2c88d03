// The VAT plan (any EU VAT number but Belgium's, which the Belgian plan answers): VIES's verdict, and the company from
// VIES's name and address where the member state shares them. There is no paid profile for a foreign company.
import { companyFromVat } from '../vies/map';
import { vatCheck } from './context';
import type { LookupPlan } from './plan';

/** The plan for EU VAT numbers outside Belgium. */
export const vatPlan: LookupPlan = {
  async lookup(ctx, _kind, value) {
    const vat = await vatCheck(ctx, value);
    const company = companyFromVat(vat, value);
    return { vat, ...(company ? { company } : {}) };
  },

  async details(ctx) {
    return ctx.fetcher.errorPart('vies', { code: 'not-found', service: 'vies' });
  },
};
