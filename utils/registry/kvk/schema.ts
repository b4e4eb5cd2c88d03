// zod schemas of KVK's answers (Zoeken v2, Basisprofiel v1, Vestigingsprofiel v1, errors), parsed defensively:
// unknown fields are ignored, both documented link shapes and both error wrappers are accepted.
import { z } from 'zod';

const str = z.string();
const numOrStr = z.union([z.number(), z.string()]).transform(String);
/** KVK's `Ja`/`Nee` flags (booleans accepted too). */
export const jaNee = z
  .union([z.boolean(), z.enum(['Ja', 'Nee', 'ja', 'nee', 'J', 'N'])])
  .transform((v) => v === true || (typeof v === 'string' && v[0]!.toUpperCase() === 'J'));

/** Links: a map `{ rel: { href } }` or an array `[{ rel, href }]` (both documented). */
export const KvkLinksSchema = z.union([
  z.record(str, z.object({ href: str })),
  z.array(z.object({ rel: str, href: str })),
]);

export const ZoekenAddressSchema = z.object({
  binnenlandsAdres: z
    .object({
      type: str.optional(),
      straatnaam: str.optional(),
      huisnummer: numOrStr.optional(),
      huisletter: str.optional(),
      postbusnummer: numOrStr.optional(),
      postcode: str.optional(),
      plaats: str.optional(),
    })
    .optional(),
  buitenlandsAdres: z
    .object({
      type: str.optional(),
      straatHuisnummer: str.optional(),
      postcodeWoonplaats: str.optional(),
      land: str.optional(),
    })
    .optional(),
});

export const ZoekenItemSchema = z.object({
  kvkNummer: z.string().regex(/^\d{8}$/),
  rsin: str.optional(),
  vestigingsnummer: str.optional(),
  naam: str,
  adres: ZoekenAddressSchema.optional(),
  type: str,
  actief: jaNee.optional(),
  vervallenNaam: str.optional(),
  _links: KvkLinksSchema.optional(),
  links: KvkLinksSchema.optional(),
});
export type ZoekenItem = z.infer<typeof ZoekenItemSchema>;

/** Zoeken v2's answer. */
export const ZoekenSchema = z.object({
  pagina: z.number().optional(),
  resultatenPerPagina: z.number().optional(),
  totaal: z.number(),
  resultaten: z.array(ZoekenItemSchema),
});
export type Zoeken = z.infer<typeof ZoekenSchema>;

export const KvkAddressSchema = z.object({
  type: str.optional(),
  indAfgeschermd: jaNee.optional(),
  volledigAdres: str.optional(),
  straatnaam: str.optional(),
  huisnummer: numOrStr.optional(),
  huisletter: str.optional(),
  huisnummerToevoeging: str.optional(),
  postcode: str.optional(),
  plaats: str.optional(),
  postbusnummer: numOrStr.optional(),
  land: str.optional(),
});
export type KvkAddress = z.infer<typeof KvkAddressSchema>;

export const SbiSchema = z.object({
  sbiCode: str,
  sbiOmschrijving: str,
  indHoofdactiviteit: jaNee.optional(),
});

const registratie = z.object({ datumAanvang: str.optional(), datumEinde: str.optional() }).optional();

/** A vestiging (Vestigingsprofiel, Basisprofiel's embedded hoofdvestiging). */
export const VestigingSchema = z.object({
  vestigingsnummer: str,
  kvkNummer: str.optional(),
  rsin: str.optional(),
  eersteHandelsnaam: str.optional(),
  indHoofdvestiging: jaNee.optional(),
  indCommercieleVestiging: jaNee.optional(),
  materieleRegistratie: registratie,
  totaalWerkzamePersonen: z.number().optional(),
  handelsnamen: z.array(z.object({ naam: str, volgorde: z.number().optional() })).optional(),
  adressen: z.array(KvkAddressSchema).optional(),
  websites: z.array(str).optional(),
  sbiActiviteiten: z.array(SbiSchema).optional(),
});
export type Vestiging = z.infer<typeof VestigingSchema>;

/** Basisprofiel v1. */
export const BasisprofielSchema = z.object({
  kvkNummer: z.string().regex(/^\d{8}$/),
  naam: str,
  formeleRegistratiedatum: str.optional(),
  materieleRegistratie: registratie,
  totaalWerkzamePersonen: z.number().optional(),
  statutaireNaam: str.optional(),
  handelsnamen: z.array(z.object({ naam: str, volgorde: z.number().optional() })).optional(),
  sbiActiviteiten: z.array(SbiSchema).optional(),
  _embedded: z
    .object({
      hoofdvestiging: VestigingSchema.optional(),
      eigenaar: z
        .object({
          rsin: str.optional(),
          rechtsvorm: str.optional(),
          uitgebreideRechtsvorm: str.optional(),
          adressen: z.array(KvkAddressSchema).optional(),
          websites: z.array(str).optional(),
        })
        .optional(),
    })
    .optional(),
});
export type Basisprofiel = z.infer<typeof BasisprofielSchema>;

const fout = z.array(z.object({ code: str, omschrijving: str.optional() }));
/** An error body: `{ fout: [...] }` or the older `{ meldingen: { fout: [...] } }`. Gives the first code. */
export const KvkErrorSchema = z
  .union([z.object({ fout }), z.object({ meldingen: z.object({ fout }) })])
  .transform((body) => ('fout' in body ? body.fout : body.meldingen.fout)[0]?.code);
