import type { IdentifierKind } from '../../utils/identifiers/types';
import type { Company } from '../../utils/registry/domain';
import { kvkOrderLink, nbbAccountsLink } from '../../utils/company-links';
import { t } from '../../utils/i18n';
import { ExternalLink } from '../company/company-links';

/**
 * Filed annual accounts: no free source the extension calls lists them, so this says plainly where to find them —
 * KVK's ordering page for Dutch legal persons, the National Bank of Belgium (free) for Belgian enterprises.
 */
export function AnnualAccounts({ kind, company }: { kind: IdentifierKind; company?: Company }) {
  const kvk = company?.kvkNumber;
  const kbo = company?.kboNumber;
  if (!kvk && !kbo) return null;
  return (
    <section aria-label={t('popupAccountsHeading')} data-testid="annual-accounts">
      <h3>{t('popupAccountsHeading')}</h3>
      {kvk && (
        <p>
          {t('popupAccountsKvk')} <ExternalLink href={kvkOrderLink(kvk)}>{t('popupAccountsKvkLink')}</ExternalLink>
        </p>
      )}
      {kbo && kind !== 'kvk' && (
        <p>
          {t('popupAccountsNbb')} <ExternalLink href={nbbAccountsLink(kbo)}>{t('popupAccountsNbbLink')}</ExternalLink>
        </p>
      )}
    </section>
  );
}
