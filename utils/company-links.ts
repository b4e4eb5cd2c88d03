// Public pages beyond the registry links of a lookup: ordering a KVK extract (and filed annual accounts), and the
// National Bank of Belgium's free consultation of filed annual accounts. Pure; for the popup and the card.

/** KVK's page for ordering an extract (uittreksel) and filed documents of a registration. */
export function kvkOrderLink(kvkNumber: string, branchNumber?: string): string {
  return `https://www.kvk.nl/bestellen/#/${encodeURIComponent(kvkNumber + (branchNumber ?? ''))}`;
}

/** The NBB Central Balance Sheet Office: a Belgian enterprise's filed annual accounts, free to consult. */
export function nbbAccountsLink(enterpriseNumber: string): string {
  return `https://consult.cbso.nbb.be/consult-enterprise/${encodeURIComponent(enterpriseNumber)}`;
}
