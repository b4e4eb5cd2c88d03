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

/** The error body on 4xx/5xx: `{ actionSucceed: false, errorWrappers: [{ error, message }] }`; gives the first code. */
export const ViesErrorSchema = z
  .object({ errorWrappers: z.array(z.object({ error: z.string(), message: optStr })).min(1) })
  .transform((b) => b.errorWrappers[0]!.error);

/** `GET /check-status`. */
export const ViesStatusSchema = z.object({
  vow: z.object({ available: z.boolean() }).optional(),
  countries: z.array(z.object({ countryCode: z.string(), availability: z.string() })),
});
export type ViesStatus = z.infer<typeof ViesStatusSchema>;
