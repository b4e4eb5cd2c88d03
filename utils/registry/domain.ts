// Our own domain types: what every client maps its API's answer into, and all that the UI ever sees.
// zod schemas are the source of truth (they validate cache entries read back from storage); the UI imports only the
// inferred types (`import type`), so zod never reaches the content script.
import { z } from 'zod';
import { IDENTIFIER_KINDS } from '../identifiers/types';
import { RegistryErrorSchema } from './errors-schema';
import { SERVICES, type RegistryError } from './errors';

/** An address: the structured parts we know, plus `line`, one line ready to display. */
export const AddressSchema = z.object({
  street: z.string().optional(),
  houseNumber: z.string().optional(),
  postalCode: z.string().optional(),
  city: z.string().optional(),
  /** Country name or code as the source gives it; absent for domestic addresses. */
  country: z.string().optional(),
  /** The whole address on one line, e.g. "Watermolenlaan 1, 3447GT Woerden". */
  line: z.string(),
});
export type Address = z.infer<typeof AddressSchema>;

/** Whether the company is still registered: `bankrupt` when the register says so; `unknown` when the source cannot tell. */
export const CompanyStatusSchema = z.enum(['active', 'inactive', 'bankrupt', 'unknown']);
export type CompanyStatus = z.infer<typeof CompanyStatusSchema>;

/** A public web page about the company: kvk.nl search, KBO Public Search. */
export const LinkSchema = z.object({
  kind: z.enum(['kvk', 'kbo']),
  url: z.string(),
});
export type Link = z.infer<typeof LinkSchema>;

/** An economic activity: SBI code (NL) or NACE code (BE). */
export const ActivitySchema = z.object({
  scheme: z.enum(['sbi', 'nace']),
  code: z.string(),
  description: z.string(),
  main: z.boolean(),
});
export type Activity = z.infer<typeof ActivitySchema>;

/** A name in one language: `language` is the ISO 639-1 code in lower case (`nl`, `fr`, `de`). */
export const LocalNameSchema = z.object({ language: z.string(), name: z.string() });
export type LocalName = z.infer<typeof LocalNameSchema>;

/** What the card shows about a company. Numbers are canonical digits (KVK 8, vestigingsnummer 12, KBO 10). */
export const CompanySchema = z.object({
  /** The main name: the register's first current legal name. */
  name: z.string(),
  /**
   * The legal name in each language the register holds one in (a Belgian enterprise: Dutch, French, German), in the
   * register's order; only when there are two or more. The views show the one in the UI language first.
   */
  names: z.array(LocalNameSchema).optional(),
  /** Other names the company trades under (commercial names, abbreviations): never a legal name in any language. */
  tradeNames: z.array(z.string()),
  legalForm: z.string().optional(),
  address: AddressSchema.optional(),
  status: CompanyStatusSchema,
  /** ISO date `YYYY-MM-DD` (registration or start). */
  startDate: z.string().optional(),
  mainActivity: ActivitySchema.optional(),
  kvkNumber: z.string().optional(),
  /** KVK vestigingsnummer of the establishment shown. */
  branchNumber: z.string().optional(),
  rsin: z.string().optional(),
  kboNumber: z.string().optional(),
  /** Belgian establishment unit number. */
  establishmentNumber: z.string().optional(),
  /** Full VAT number with its country prefix (`BE0123456789`). */
  vatNumber: z.string().optional(),
  links: z.array(LinkSchema),
});
export type Company = z.infer<typeof CompanySchema>;

/**
 * A VIES check. `valid` / `invalid` only when VIES said so (`invalid` ONLY for userError INVALID); anything else VIES
 * answered (member state down, timeouts, concurrency limits, HTTP 200 with isValid false but no INVALID) is
 * `unavailable`: "cannot be checked now", with VIES's code in `reason`.
 */
export const VatCheckSchema = z.object({
  verdict: z.enum(['valid', 'invalid', 'unavailable']),
  /** VIES member-state code: `EL` for Greece, `XI` for Northern Ireland. */
  memberState: z.string(),
  /** The number without its country prefix, as sent to VIES. */
  number: z.string(),
  /** When VIES checked (epoch ms). */
  checkedAt: z.number(),
  /** Name and address as registered for VAT; null when not given or not shared (VIES sends `---`). */
  name: z.string().nullable(),
  address: z.string().nullable(),
  /** Consultation number (proof of the check); only when the user's own VAT number was sent as requester. */
  consultationNumber: z.string().optional(),
  /** VIES's userError for `unavailable` (e.g. `MS_UNAVAILABLE`). */
  reason: z.string().optional(),
});
export type VatCheck = z.infer<typeof VatCheckSchema>;

/** One hit of a name search. `kind` + `number` are what to send in a `lookup` or `details` request. */
export const SearchResultSchema = z.object({
  source: z.enum(SERVICES),
  name: z.string(),
  kind: z.enum(IDENTIFIER_KINDS),
  number: z.string(),
  /** `main` / `branch` establishment, `legal-entity` (KVK rechtspersoon), `enterprise` (BE). */
  type: z.enum(['main', 'branch', 'legal-entity', 'enterprise', 'establishment']).optional(),
  city: z.string().optional(),
  active: z.boolean().optional(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

/** An establishment (KVK vestiging, Belgian establishment unit) in a paid profile. */
export const EstablishmentSchema = z.object({
  number: z.string(),
  name: z.string().optional(),
  address: AddressSchema.optional(),
  startDate: z.string().optional(),
  main: z.boolean().optional(),
});
export type Establishment = z.infer<typeof EstablishmentSchema>;

/** The paid profile: KVK Basisprofiel/Vestigingsprofiel, kbodata enterprise + establishments + activities. */
export const ProfileSchema = z.object({
  company: CompanySchema,
  activities: z.array(ActivitySchema),
  establishments: z.array(EstablishmentSchema),
  employees: z.number().optional(),
  websites: z.array(z.string()),
});
export type Profile = z.infer<typeof ProfileSchema>;

/**
 * A company's status in KVK's open dataset: an insolvency registered (`bankrupt` FAIL, `suspension-of-payments` SURS,
 * `debt-restructuring` SSAN, `insolvency` for a code we do not know: shown with that code), else active or inactive.
 */
export const OpenDataStatusSchema = z.enum([
  'active',
  'inactive',
  'bankrupt',
  'suspension-of-payments',
  'debt-restructuring',
  'insolvency',
  'unknown',
]);
export type OpenDataStatus = z.infer<typeof OpenDataStatusSchema>;

/** KVK's open "basisbedrijfsgegevens" of a BV or NV: no name and no address, but status and insolvency. */
export const OpenDataCompanySchema = z.object({
  kvkNumber: z.string(),
  status: OpenDataStatusSchema,
  /** KVK's own insolvency code (`FAIL`, `SURS`, `SSAN`, or one we do not know), when one is registered. */
  insolvencyCode: z.string().optional(),
  /** The registration is active (`actief` J/N); absent when KVK did not say. */
  active: z.boolean().optional(),
  /** KVK's legal form code (`BV`, `NV`) and its name where we know the code. */
  legalForm: z.object({ code: z.string(), name: z.string().optional() }).optional(),
  /** ISO date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when KVK leaves parts unknown). */
  startDate: z.string().optional(),
  /** Main activity first; `description` is empty for SBI codes we have no description for. */
  activities: z.array(ActivitySchema),
  /** The first two digits of the postcode. */
  postcodeRegion: z.string().optional(),
  memberState: z.string().optional(),
});
export type OpenDataCompany = z.infer<typeof OpenDataCompanySchema>;

/** The financial years whose annual accounts are in KVK's open "jaarrekeningen" (adopted, filed as XBRL), oldest first. */
export const FiledAccountsSchema = z.object({
  years: z.array(z.object({ year: z.number().int(), adoptedOn: z.string().optional() })),
});
export type FiledAccounts = z.infer<typeof FiledAccountsSchema>;

/** Where a part of an answer came from and when: each part of a lookup carries its own. */
const partMeta = {
  source: z.enum(SERVICES),
  /** When the service answered (epoch ms); older than now when served from the cache. */
  fetchedAt: z.number(),
  /** True when this part came from the cache without a request. */
  cached: z.boolean(),
  /** True when KVK's test environment (fictional data) answered: the demo mode. */
  demo: z.boolean().optional(),
};

/** One part of an answer: the value, or the typed error that stopped it. */
export const partSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value, ...partMeta }),
    z.object({ ok: z.literal(false), error: RegistryErrorSchema, ...partMeta }),
  ]);
export type Part<T> = ({ ok: true; value: T } & PartMeta) | ({ ok: false; error: RegistryError } & PartMeta);
type PartMeta = { source: (typeof SERVICES)[number]; fetchedAt: number; cached: boolean; demo?: boolean };

/**
 * The answer to a `lookup`: everything the card shows for one identifier.
 * - `company`: from the cheapest source that can say who it is (KVK Zoeken; kbodata.app; else VIES's name/address);
 *   absent when no source applies.
 * - `vat`: the VIES verdict for VAT numbers and for Belgian enterprise numbers (as `BE` + number); absent otherwise.
 * - `links`: public pages about the number (kvk.nl, KBO Public Search); always there, even when every service failed.
 */
export interface LookupResult {
  kind: (typeof IDENTIFIER_KINDS)[number];
  value: string;
  company?: Part<Company>;
  vat?: Part<VatCheck>;
  links: Link[];
  /** Errors of a preferred source that `company` fell back from (e.g. kbodata key rejected → VIES's name shown). */
  warnings?: RegistryError[];
}
