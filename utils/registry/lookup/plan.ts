// A lookup plan: what one family of identifiers (Dutch, Belgian, other VAT) asks of which service for the card and for
// the paid details. The service picks the plan by kind (plans.ts) and adds what every answer carries.
import type { IdentifierKind } from '../../identifiers/types';
import type { DetailsResponse } from '../responses';
import type { LookupParts, PlanContext } from './context';

/** The plan of one identifier family. */
export interface LookupPlan {
  /** The card's lookup: the company and the VIES verdict where they apply, from the cheapest source. */
  lookup(ctx: PlanContext, kind: IdentifierKind, value: string): Promise<LookupParts>;
  /** The paid profile (explicit request only: counted by the usage meter, stopped by the cap). */
  details(ctx: PlanContext, kind: IdentifierKind, value: string): Promise<DetailsResponse>;
}
