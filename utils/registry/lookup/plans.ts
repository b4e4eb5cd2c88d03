// Which plan answers which identifier: by kind, and for a VAT number by its country (a Belgian VAT number is its
// enterprise, answered by the Belgian plan).
import type { IdentifierKind } from '../../identifiers/types';
import { belgianPlan } from './belgian';
import { belgianNumber } from './context';
import { dutchPlan } from './dutch';
import type { LookupPlan } from './plan';
import { vatPlan } from './vat';

/** The plan registered for each kind. */
const PLANS: Record<IdentifierKind, LookupPlan> = {
  kvk: dutchPlan,
  'kvk-branch': dutchPlan,
  rsin: dutchPlan,
  kbo: belgianPlan,
  'kbo-establishment': belgianPlan,
  vat: vatPlan,
};

/** The plan for one identifier. */
export function planFor(kind: IdentifierKind, value: string): LookupPlan {
  return kind === 'vat' && belgianNumber(kind, value) ? belgianPlan : PLANS[kind];
}
