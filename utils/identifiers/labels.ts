// The words that name a number, in Dutch, French, English and German with their usual abbreviations. A label says what
// the digits after it are (`kvk`, `kbo`, …) or that they are something else (`other`: telephone, order, IBAN, HRB, …;
// `bsn`: a citizen's number, never reported; `foreign`: a register elsewhere, such as Companies House, whose 8-digit
// company numbers look like KVK numbers). One regex over lower-cased text, built once; its alternatives are plain words
// with bounded optional parts (no nested quantifiers), so matching is linear in the text.

/** What a label names. */
export type LabelType = 'kvk' | 'branch' | 'rsin' | 'kbo' | 'vat' | 'company' | 'bsn' | 'other' | 'foreign';

/** A label found in the text (offsets in UTF-16 code units). */
export interface Label {
  type: LabelType;
  start: number;
  end: number;
  /** Set once a number has taken this label: one label names one number. */
  used: boolean;
}

// Glue that may close a label: "-nummer", " nr.", " no", "-id", …
const NR = String.raw`(?:[ .\-]?(?:nummer|nummers|number|numbers|nr|no|nos|num|id|n°|nº))?\.?`;
const S = String.raw`[ .\-]?`; // a separator inside a compound label
const W = String.raw`\s{1,3}`; // the space between two words

const PATTERNS: Record<LabelType, string[]> = {
  kvk: [
    String.raw`k\.?${S}v\.?${S}k(?:[ .\-]?(?:dossier|inschrijving|inschrijvings|registratie|registratie-)?(?:nummer|nr|no|number|nummers))?\.?`,
    String.raw`kamer${W}van${W}koophandel`,
    String.raw`(?:dutch${W})?chamber${W}of${W}commerce${NR}`,
    String.raw`chambre${W}de${W}commerce${NR}`,
    String.raw`(?:niederl[äa]ndische${W})?handelskammer${NR}`,
    String.raw`coc${NR}`,
    String.raw`handelsregister(?:nummer|nr)?${NR}`,
    String.raw`dossiernummer`,
  ],
  branch: [
    String.raw`vestigings?(?:eenheid|eenheids)?(?:nummer|nr)?${NR}`,
    String.raw`(?:branch|establishment|establishment${W}unit|location)${W}(?:number|no|nr|id)\.?`,
    String.raw`(?:num[ée]ro${W}(?:de${W}|d')?|n[°º]\.?\s?(?:de${W}|d')?)?unit[ée]${W}d'[ée]tablissement`,
    String.raw`niederlassungs(?:nummer|einheit|einheitsnummer)${NR}`,
  ],
  rsin: [
    String.raw`rsin${NR}`,
    String.raw`rechtspersonen${W}en${W}samenwerkingsverbanden${W}informatienummer`,
    String.raw`fiscaal${S}nummer`,
    String.raw`fiscal${W}(?:number|no)\.?`,
  ],
  kbo: [
    String.raw`ondernemings(?:nummer|nr)${NR}`,
    String.raw`ond\.${S}nr\.?`,
    String.raw`o\.${S}n\.`,
    String.raw`(?:k\.?b\.?o|b\.?c\.?e)(?:[ /\-](?:kbo|bce))?${NR}`,
    String.raw`num[ée]ro${W}(?:d'|de${W})?(?:entreprise|entreprises|bce|kbo)`,
    String.raw`n[°ºo]\.?${W}?(?:d'|de${W})?entreprise`,
    String.raw`unternehmens(?:nummer|nr)${NR}`,
    String.raw`enterprise${W}(?:number|no|nr)\.?`,
    String.raw`r\.?p\.?[rm]\.?`,
    String.raw`kruispuntbank${W}van${W}ondernemingen`,
    String.raw`banque${S}carrefour${W}des${W}entreprises`,
  ],
  vat: [
    String.raw`b\.?t\.?w(?:${S}(?:identificatienummer|identificatie|nummer|nr|id|no|number))?\.?`,
    String.raw`omzetbelasting(?:nummer)?`,
    String.raw`vat(?:${S}(?:reg(?:istration)?\.?${W}?)?(?:number|no|nr|id|reg))?\.?`,
    String.raw`(?:intra${S}community${W})vat`,
    String.raw`(?:n[°º]\.?\s?|num[ée]ro${W}(?:de${W})?|num[ée]ro${W}d'identification${W}(?:[àa]${W}la${W})?)?t\.?v\.?a\.?(?:${W}intra${S}communautaire)?`,
    String.raw`mwst(?:${S}(?:nummer|nr|id))?\.?`,
    String.raw`ust\.?${S}id(?:${S}nr)?\.?|ust\.?${S}idnr\.?`,
    String.raw`umsatzsteuer(?:${S}identifikationsnummer|${S}id(?:${S}nr)?)?\.?`,
    String.raw`uid(?:${S}(?:nummer|nr))?\.?`,
    String.raw`(?:p\.?\s?|partita${W})iva`,
    String.raw`nif|cif|nip|cvr|dic|di[čc]|i[čc]${W}?dph|oib|kmkr|pvm|pvn|ddv|dds|alv|moms(?:${S}nr)?`,
  ],
  company: [
    String.raw`(?:company${W})?reg(?:istration)?\.?${W}?(?:number|no|nr|num)\.?`,
    String.raw`company${W}(?:number|no|nr|id)\.?`,
    String.raw`registered${W}(?:number|no)\.?`,
    String.raw`(?:trade|commercial)${W}regist(?:er|ry)${NR}`,
    String.raw`inschrijvings?(?:nummer|nr)\.?`,
    String.raw`registratienummer`,
    String.raw`num[ée]ro${W}d'(?:inscription|immatriculation)`,
  ],
  bsn: [
    String.raw`bsn${NR}`,
    String.raw`persoonsnummer|persoonlijk${W}nummer`,
    String.raw`burger${S}service${S}nummer`,
    String.raw`sofi${S}nummer|sofi${S}nr\.?`,
    String.raw`citizen${W}service${W}number`,
    String.raw`social${W}security${W}(?:number|no)\.?`,
    String.raw`rijksregister(?:nummer)?|insz|niss|num[ée]ro${W}de${W}registre${W}national`,
  ],
  foreign: [String.raw`england|wales|scotland|companies${W}house|united${W}kingdom|great${W}britain|royaume${S}uni`],
  other: [
    String.raw`tel|tél|tel\.|tél\.|telefoon(?:nummer)?|telefon(?:nummer)?|t[ée]l[ée]phone|phone|fax|gsm|mobiel|mobile|mob|portable|handy|mobil|whatsapp`,
    String.raw`iban|bic|swift|rekening(?:nummer|nr)?|bankrekening(?:nummer)?|account${W}(?:number|no)|kontonummer|konto|compte(?:${W}bancaire)?`,
    String.raw`order(?:${S}(?:nummer|number|nr|no|id))?|bestel(?:nummer|nr|ling)|bestellnummer|auftragsnummer|commande|n[°º]${W}?de${W}commande`,
    String.raw`klant(?:nummer|nr)|customer${W}(?:number|no|id)|client${W}(?:number|no|id)|kundennummer|num[ée]ro${W}(?:de${W})?client`,
    String.raw`factuur(?:nummer|nr)|invoice${W}(?:number|no|nr|id)|rechnungsnummer|num[ée]ro${W}de${W}facture`,
    String.raw`artikel(?:nummer|nr)?|article|art${S}nr|sku|ean|gtin|isbn|upc`,
    String.raw`ref|referentie|reference|r[ée]f[ée]rence|referenz|kenmerk|betalingskenmerk|transacti(?:e|on)(?:${S}(?:id|nummer|number))?`,
    String.raw`track(?:ing)?(?:${W}(?:&|and|en)${W}trace)?|zending(?:nummer)?|pakket(?:nummer)?|sendungsnummer`,
    String.raw`hrb|hra|amtsgericht|registergericht|steuernummer|steuer${S}nr|st${S}nr|siret|siren|rcs`,
    String.raw`bedrag|totaal|subtotaal|total|subtotal|amount|montant|betrag|summe|prijs|price|prix|preis|saldo|balance|eur|euro`,
    String.raw`uittreksel|extract|d\.d\.|dd\.|dated|gedateerd`,
    String.raw`postbus|po${W}box|postfach|bo[îi]te${W}postale|datum|date|polis(?:nummer)?|lid(?:nummer|nr)|member(?:ship)?${W}(?:number|no)`,
  ],
};

const TYPES = Object.keys(PATTERNS) as LabelType[];

// Letters and digits for the word boundaries (lower case: the regex runs on lower-cased text, see lowerForLabels).
const WORD = String.raw`a-z0-9\u00df-\u00f6\u00f8-\u024f`;

/**
 * The label regex, to run on lower-cased text: one capture group per label type, whole words only (no letter or digit
 * right before, no letter after). Without the `i` and `u` flags it compiles in a third of the time (the content script
 * pays this once per page) and scans faster.
 */
export const LABEL_RE = new RegExp(
  `(?<![${WORD}])(?:` + TYPES.map((t) => `(${PATTERNS[t].join('|')})`).join('|') + `)(?![${WORD.replace('0-9', '')}])`,
  'g',
);

/** The label types that name a number (the others only rule numbers out). */
const NAMING: readonly LabelType[] = ['kvk', 'branch', 'rsin', 'kbo', 'vat', 'company'];
const NAMING_SOURCE = NAMING.flatMap((t) => PATTERNS[t])
  .join('|')
  .replaceAll(W, String.raw`\s{0,3}`);

/**
 * For the page scanner's screen (screen.ts), on normalised text in any case (the `i` flag spares a lower-cased copy):
 * any naming label, with the spaces between its words optional (a page may split `Kamer van<br>Koophandel` over lines)
 * and without the checks around it, so it finds a superset of LABEL_RE's naming labels. The screen checks that a label
 * starts a word (LABEL_RE's look-behind, WORD_ANY_CASE) only where the page's nodes do not glue words together
 * (`<td>Naam</td><td>KvK</td>` reads `NaamKvK`): one regex for both cases, since a page pays for compiling each one.
 */
export const NAMING_LABEL_SCREEN = new RegExp(NAMING_SOURCE, 'gi');

/** A character LABEL_RE's look-behind takes for part of a word, in either case. */
export const WORD_ANY_CASE = new RegExp(`[${WORD}]`, 'i');

/**
 * True for a character a label regex's look-behind may take for part of a word, in either case (a superset: it only
 * decides when the scanner uses the slower screen).
 */
export function isLabelWordChar(code: number): boolean {
  if (code < 0x2b0) {
    return (
      (code >= 48 && code <= 57) ||
      ((code | 32) >= 97 && (code | 32) <= 122) ||
      (code >= 0xc0 && code !== 0xd7 && code !== 0xf7)
    );
  }
  if (code >= 0xff10 && code <= 0xff5a) return true; // full-width, normalised to ASCII
  const c = String.fromCharCode(code); // rare letters that fold into Latin ones (K, Å, ẞ…)
  return WORD_ANY_CASE.test(c) || WORD_ANY_CASE.test(c.toLowerCase());
}

/** The text in lower case with the same offsets (toLowerCase lengthens a few characters, such as İ; then only A–Z, À–Þ). */
export function lowerForLabels(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z\u00c0-\u00de]/g, (c) => c.toLowerCase());
}

/** The type of a LABEL_RE match, from which capture group matched. */
export function labelTypeOf(match: RegExpExecArray): LabelType {
  for (let i = 0; i < TYPES.length; i++) if (match[i + 1] !== undefined) return TYPES[i]!;
  return 'other';
}

/** All labels in a short text (used when parsing one typed value; finding uses the windowed scan in context.ts). */
export function labelsIn(text: string): Label[] {
  const re = new RegExp(LABEL_RE.source, LABEL_RE.flags);
  text = lowerForLabels(text);
  const out: Label[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ type: labelTypeOf(m), start: m.index, end: m.index + m[0].length, used: false });
  }
  return out;
}
