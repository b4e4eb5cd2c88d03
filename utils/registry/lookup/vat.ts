// The VAT plan (any EU VAT number but Belgium's, which the Belgian plan answers): VIES's verdict, and the company from
// VIES's name and address where the member state shares them. A Dutch legal entity's VAT number holds its RSIN
// (NL + RSIN + B + two digits): with a KVK key, KVK Zoeken (free) by that RSIN says who the company is — its KVK number,
// status and address — beside VIES's verdict. There is no paid profile for a VAT number.
import { rsinValid } from '../../identifiers/checks/national';
import { kvkEndpoint } from '../endpoints';
import { companyFromVat } from '../vies/map';
import { vatCheck } from './context';
import { kvkCompany } from './dutch';
import type { LookupPlan } from './plan';

/** The RSIN inside a Dutch VAT number (`NL` + 9 digits + `B` + 2 digits), when those digits pass the 11-proef. */
export function rsinOfDutchVat(vat: string): string | undefined {
  const m = /^NL(\d{9})B\d\d$/.exec(vat);
  return m && rsinValid(m[1]!) ? m[1] : undefined;
}

/** The plan for EU VAT numbers outside Belgium. */
export const vatPlan: LookupPlan = {
  async lookup(ctx, _kind, value) {
    const rsin = rsinOfDutchVat(value);
    const kvk = rsin ? kvkEndpoint(ctx.credentials) : null;
    const [vat, registered] = await Promise.all([
      vatCheck(ctx, value),
      rsin && kvk ? kvkCompany(ctx, kvk, 'rsin', rsin) : undefined,
    ]);
    // KVK's answer when it knows the RSIN; otherwise VIES's name and address, with KVK's failure (not a plain "no
    // such RSIN": a sole trader's VAT number holds none) as a warning.
    if (registered?.ok) return { vat, company: registered };
    const company = companyFromVat(vat, value);
    const failed = registered && registered.error.code !== 'not-found' ? registered : undefined;
    return {
      vat,
      ...(company ? { company } : failed ? { company: failed } : {}),
      ...(company && failed ? { warnings: [failed.error] } : {}),
    };
  },

  async details(ctx) {
    return ctx.fetcher.errorPart('vies', { code: 'not-found', service: 'vies' });
  },
};
