// The fixture registry's catalogue: fictional companies written by us, by name. Tests use `NL.bv.kvkNummer`,
// `BE.nv.enterpriseNumber`, `VAT.de` and so on, never bare numbers. README "The fixture registry" lists them.

export type * from './catalogue-types';
export { NL, NL_ERROR_NUMBERS, XSS_PAYLOAD, type NlCompanyName } from './companies-nl';
export { BE, BE_ESTABLISHMENTS, type BeEnterpriseName } from './companies-be';
export { VAT, VIES_MEMBER_STATES, VIES_UNAVAILABLE_STATES, fullVatNumber, type VatName } from './vat-numbers';
