// zod schemas of KVK's open datasets (opendata.kvk.nl), parsed defensively: dates as `YYYYMMDD` or ISO strings (or a
// number), the postcode region as number or string, unknown fields ignored, the annual accounts as one document or an
// array of them, each a tree of `{ key, value }` nodes.
import { z } from 'zod';
import { jaNee } from '../kvk/schema';

const numOrStr = z.union([z.number(), z.string()]).transform((v) => String(v).trim());
/** Absent, null and empty all mean "none". */
const optionalText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || String(v).trim() === '' ? undefined : String(v).trim()));

/** "Basis bedrijfsgegevens" of one KVK number (BVs and NVs only). */
export const BasisSchema = z.object({
  kvkNummer: optionalText,
  datumAanvang: optionalText,
  actief: jaNee.optional().nullable(),
  insolventieCode: optionalText,
  rechtsvormCode: optionalText,
  postcodeRegio: optionalText,
  activiteiten: z
    .array(z.object({ sbiCode: numOrStr, soortActiviteit: z.string().optional().nullable() }))
    .nullable()
    .optional(),
  lidstaat: optionalText,
});
export type Basis = z.infer<typeof BasisSchema>;

/** One node of an annual account's tree: a key with a value, or a group of nodes. */
export interface AccountsNode {
  key?: string;
  value?: string | number | boolean | null;
  opendataFields?: AccountsNode[];
}

const AccountsNodeSchema: z.ZodType<AccountsNode> = z.lazy(() =>
  z.object({
    key: z.string().optional(),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    opendataFields: z.array(AccountsNodeSchema).optional(),
  }),
);

/** One filed annual account: a tree whose root holds the nodes (an object without them is not one). */
const AccountsDocumentSchema = z.object({ opendataFields: z.array(AccountsNodeSchema) });

/** "Jaarrekeningen": one document (one financial year) or an array of them. */
export const AccountsSchema = z.union([AccountsDocumentSchema, z.array(AccountsDocumentSchema)]);
export type Accounts = z.infer<typeof AccountsSchema>;
