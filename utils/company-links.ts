// Public pages about a number, always offered, even without any key: the registries' own pages (kvk.nl, KBO Public
// Search), ordering a KVK extract (and filed annual accounts), and the National Bank of Belgium's free consultation of
// filed annual accounts. Pure and zod-free; for the background, the popup and the card.
import type { IdentifierKind } from './identifiers/types';
import type { Link } from './registry/domain';

/** kvk.nl search for a KVK number, vestigingsnummer or RSIN. */
export const kvkLink = (number: string): Link => ({
  kind: 'kvk',
  url: `https://www.kvk.nl/zoeken/?source=all&q=${encodeURIComponent(number)}`,
});

/** KBO Public Search for a Belgian enterprise or establishment number (10 digits). */
export const kboLink = (number: string): Link => ({
  kind: 'kbo',
  url: `https://kbopub.economie.fgov.be/kbopub/toonondernemingps.html?ondernemingsnummer=${encodeURIComponent(number)}`,
});

/** The links for an identifier: KVK kinds → kvk.nl; Belgian kinds and BE VAT numbers → KBO Public Search. */
export function linksFor(kind: IdentifierKind, value: string): Link[] {
  if (kind === 'kvk' || kind === 'kvk-branch' || kind === 'rsin') return [kvkLink(value)];
  if (kind === 'kbo' || kind === 'kbo-establishment') return [kboLink(value)];
  if (kind === 'vat' && value.startsWith('BE')) return [kboLink(value.slice(2))];
  return [];
}

/** KVK's page for ordering an extract (uittreksel) and filed documents of a registration. */
export function kvkOrderLink(kvkNumber: string, branchNumber?: string): string {
  return `https://www.kvk.nl/bestellen/#/${encodeURIComponent(kvkNumber + (branchNumber ?? ''))}`;
}

/** The NBB Central Balance Sheet Office: a Belgian enterprise's filed annual accounts, free to consult. */
export function nbbAccountsLink(enterpriseNumber: string): string {
  return `https://consult.cbso.nbb.be/consult-enterprise/${encodeURIComponent(enterpriseNumber)}`;
}
