// zod schemas of VIES REST answers: the per-member-state GET, the POST check, its error body, check-status.
import { z } from 'zod';

const optStr = z.string().nullish();

/** `GET /ms/{cc}/vat/{number}`. */
export const ViesMsCheckSchema = z.object({
  isValid: z.boolean(),
  requestDate: optStr,
  userError: optStr,
  name: optStr,
  address: optStr,
  requestIdentifier: optStr,
  vatNumber: optStr,
});
export type ViesMsCheck = z.infer<typeof ViesMsCheckSchema>;

/** `POST /check-vat-number`. */
export const ViesPostCheckSchema = z.object({
  countryCode: optStr,
  vatNumber: optStr,
  requestDate: optStr,
  valid: z.boolean(),
  userError: optStr,
  requestIdentifier: optStr,
  name: optStr,
  address: optStr,
});
export type ViesPostCheck = z.infer<typeof ViesPostCheckSchema>;

/**
 * The error body `{ actionSucceed: false, errorWrappers: [{ error, message? }] }`, on 4xx/5xx and sometimes on HTTP
 * 200; gives the first code.
 */
export const ViesErrorSchema = z
  .object({ errorWrappers: z.array(z.object({ error: z.string(), message: optStr })).min(1) })
  .transform((b) => b.errorWrappers[0]!.error);

/**
 * A member state's `availability` in check-status. "Monitoring Disabled" means VIES does not watch that state's system:
 * its checks may well work, so it is not "unavailable". Other values are accepted (and treated as available).
 */
export const VIES_AVAILABILITY = ['Available', 'Unavailable', 'Monitoring Disabled'] as const;

/** `GET /check-status`. */
export const ViesStatusSchema = z.object({
  vow: z.object({ available: z.boolean() }).optional(),
  countries: z.array(
    z.object({ countryCode: z.string(), availability: z.union([z.enum(VIES_AVAILABILITY), z.string()]) }),
  ),
});
export type ViesStatus = z.infer<typeof ViesStatusSchema>;
