// VIES answers → our domain types: a company from the name and address VIES shares for a valid number.
import type { Company, Part, VatCheck } from '../domain';
import { kboLink } from '../../company-links';

/** A company from a VIES check that shares a name (source `vies`, status unknown); undefined otherwise. */
export function companyFromVat(vat: Part<VatCheck>, vatNumber: string): Part<Company> | undefined {
  if (!vat.ok || vat.value.verdict !== 'valid' || !vat.value.name) return undefined;
  const be = vatNumber.startsWith('BE') ? vatNumber.slice(2) : undefined;
  const address = vat.value.address?.replace(/\s*\n\s*/g, ', ');
  const company: Company = {
    name: vat.value.name,
    tradeNames: [],
    ...(address ? { address: { line: address } } : {}),
    status: 'unknown',
    vatNumber,
    ...(be ? { kboNumber: be } : {}),
    links: be ? [kboLink(be)] : [],
  };
  return { ok: true, value: company, source: 'vies', fetchedAt: vat.fetchedAt, cached: vat.cached };
}
