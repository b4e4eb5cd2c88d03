import type { VatEntry } from './catalogue-types';
import { XSS_PAYLOAD } from './nl-builders';

// VAT numbers VIES answers for, all with valid check digits. Names and addresses as VIES writes them (upper case for
// NL, as each member state sends them otherwise; `---` where the state shares nothing).

/** The VAT catalogue, by role. `VAT.de` has name and address `---`; `VAT.lu` is in an unavailable member state. */
export const VAT = {
  /** Of `NL.bv`: old form, 11-proef on the RSIN. */
  nlBv: {
    countryCode: 'NL',
    vatNumber: '857587973B01',
    valid: true,
    name: 'TEST BV DONALD',
    address: 'WATERMOLENLAAN 00001\n3447GT WOERDEN',
  },
  /** Of `NL.eenmanszaak`: 2020 form (mod 97 over `NL…B..`), fails the 11-proef on purpose. */
  nlEenmanszaak: {
    countryCode: 'NL',
    vatNumber: '003987654B23',
    valid: true,
    name: 'BAKKERIJ JANSEN-DE VRIES',
    address: 'HIZZAARDERLAAN 00003 B\n8752KA LOLLUM',
  },
  /** Of `NL.inactive`: check digits fine, but deregistered, so VIES says INVALID. */
  nlInactive: { countryCode: 'NL', vatNumber: '004123987B76', valid: false, name: '---', address: '---' },
  /** Of `NL.xss`: the name carries HTML. */
  nlXss: {
    countryCode: 'NL',
    vatNumber: '000123456B07',
    valid: true,
    name: `WEBWINKEL "KOFFIE & CO" ${XSS_PAYLOAD}`,
    address: 'MARKT 00001\n5611AA EINDHOVEN',
  },
  /** Of `BE.nv`. */
  beNv: {
    countryCode: 'BE',
    vatNumber: '0765432146',
    valid: true,
    name: 'NV Brouwerijen Fictief',
    address: 'Wetstraat 200\n1000 Brussel',
  },
  /** Of `BE.bv`. */
  beBv: {
    countryCode: 'BE',
    vatNumber: '0876543270',
    valid: true,
    name: 'SRL Société Lumière & Fils',
    address: 'Rue Féronstrée 93\n4000 Liège',
  },
  /** Of `BE.oneSeries`: a 1-series enterprise number as VAT number. */
  beOneSeries: {
    countryCode: 'BE',
    vatNumber: '1023456797',
    valid: true,
    name: 'Vermeulen, Élodie',
    address: 'Veldstraat 12\n9000 Gent',
  },
  /** Germany shares neither name nor address. */
  de: { countryCode: 'DE', vatNumber: '813442018', valid: true, name: '---', address: '---' },
  /** France. */
  fr: {
    countryCode: 'FR',
    vatNumber: '83404833048',
    valid: true,
    name: 'SAS ÉCLAIRAGES DU MIDI',
    address: '12 RUE DE LA RÉPUBLIQUE\n13001 MARSEILLE',
  },
  /** Greece: prefix `EL`, never `GR`. */
  el: {
    countryCode: 'EL',
    vatNumber: '094095807',
    valid: true,
    name: 'ΕΛΑΙΟΥΡΓΙΑ ΚΡΗΤΗΣ Α.Ε.',
    address: 'ΛΕΩΦ. ΚΝΩΣΟΥ 45\n71306 - ΗΡΑΚΛΕΙΟ',
  },
  /** Luxembourg: its member state is unavailable (GET: 200 + MS_UNAVAILABLE; POST: 500 errorWrappers). */
  lu: { countryCode: 'LU', vatNumber: '15027442', valid: true, name: 'Moselle Logistique S.à r.l.', address: '---' },
} satisfies Record<string, VatEntry>;

/** Names of the VAT catalogue entries. */
export type VatName = keyof typeof VAT;

/** Member states VIES reports as unavailable (check-status `Unavailable`, checks answer MS_UNAVAILABLE). */
export const VIES_UNAVAILABLE_STATES: readonly string[] = ['LU'];

/** Member-state codes VIES knows (Greece `EL`, Northern Ireland `XI`). Any other code is INVALID_INPUT. */
export const VIES_MEMBER_STATES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'XI',
] as const; // prettier-ignore

/** The full VAT number (`NL857587973B01`) of a catalogue entry. */
export function fullVatNumber(entry: VatEntry): string {
  return entry.countryCode + entry.vatNumber;
}
