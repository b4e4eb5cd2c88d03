// zod schemas of kbodata.app v1 answers (kbodata.app's API documentation): `{ success, data, count?, pagination? }` around each payload.
import { z } from 'zod';

const optStr = z.string().nullish();
const numOrStr = z.union([z.number(), z.string()]).transform(String);

/** kbodata's envelope: `success` 1 and the payload in `data`. */
export const envelope = <T extends z.ZodType>(data: T) =>
  z.object({ success: z.union([z.literal(1), z.literal(true), z.literal('1')]), data });

export const KboAddressSchema = z.object({
  type: numOrStr.nullish(),
  typeDescription: optStr,
  zipcode: numOrStr.nullish(),
  cityNL: optStr,
  cityFR: optStr,
  streetNL: optStr,
  streetFR: optStr,
  addressNumber: numOrStr.nullish(),
  addressAdditional: optStr,
  dateRevoke: optStr,
});
export type KboAddress = z.infer<typeof KboAddressSchema>;

/** A denomination: type 1 legal name (one per language), 2 abbreviation, 3 commercial name; dated like addresses. */
export const KboDenominationSchema = z.object({
  value: z.string(),
  language: optStr,
  type: numOrStr.nullish(),
  typeDescription: optStr,
  dateStart: optStr,
  dateRevoke: optStr,
});
export type KboDenomination = z.infer<typeof KboDenominationSchema>;

const number10 = z.string().regex(/^\d{10}$/);

/** `enterprise/get.json`. */
export const KboEnterpriseSchema = z.object({
  enterpriseNumber: number10,
  status: numOrStr.nullish(),
  type: numOrStr.nullish(),
  juridicalSituationCode: optStr,
  juridicalSituationDescription: optStr,
  juridicalFormCode: optStr,
  juridicalFormDescription: optStr,
  dateStart: optStr,
  vatNumber: optStr,
  addresses: z.array(KboAddressSchema).nullish(),
  establishments: z
    .array(
      z.object({
        establishmentNumber: number10,
        dateStart: optStr,
        addresses: z.array(KboAddressSchema).nullish(),
        denominations: z.array(KboDenominationSchema).nullish(),
      }),
    )
    .nullish(),
  denominations: z.array(KboDenominationSchema).nullish(),
});
export type KboEnterprise = z.infer<typeof KboEnterpriseSchema>;

/** `establishment/get.json`. */
export const KboEstablishmentSchema = z.object({
  enterpriseNumber: number10,
  establishmentNumber: number10,
  dateStart: optStr,
  addresses: z.array(KboAddressSchema).nullish(),
  denominations: z.array(KboDenominationSchema).nullish(),
});
export type KboEstablishment = z.infer<typeof KboEstablishmentSchema>;

/** `activity/get-list.json` items: one per activity group (VAT `BTW001`, social security…) and NACE version. */
export const KboActivitySchema = z.object({
  activityGroup: optStr,
  naceVersion: numOrStr.nullish(),
  naceCode: z.string(),
  naceDescription: optStr,
  classification: optStr,
});
export type KboActivity = z.infer<typeof KboActivitySchema>;

/** `denomination/search.json` items. */
export const KboDenominationHitSchema = z.object({
  entityNumber: number10,
  entityType: z.enum(['enterprise', 'establishment']).or(z.string()),
  enterpriseNumber: optStr,
  value: z.string(),
  language: optStr,
  type: numOrStr.nullish(),
});
export type KboDenominationHit = z.infer<typeof KboDenominationHitSchema>;

/** `authorization/me.json`. */
export const KboMeSchema = z.object({
  customer: z.object({ username: z.string(), planDescription: optStr }),
  accessToken: z.object({ isDevelopment: z.boolean().nullish(), dateExpiration: optStr }),
});
export type KboMe = z.infer<typeof KboMeSchema>;
