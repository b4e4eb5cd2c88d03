import type { Company, Link } from '../../utils/registry/domain';
import { kvkOrderLink } from '../../utils/company-links';
import { t } from '../../utils/i18n';

/** A link that opens in a new tab and tells the opened page nothing about us. */
export function ExternalLink({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** The public pages about a company: kvk.nl, KBO Public Search, and KVK's extract ordering for Dutch registrations. */
export function CompanyLinks({ links, company }: { links: Link[]; company?: Company }) {
  // One link per register: the company's own (by KVK or enterprise number) before the looked-up number's.
  const urls = new Map<Link['kind'], Link>();
  for (const l of [...(company?.links ?? []), ...links]) if (!urls.has(l.kind)) urls.set(l.kind, l);
  const kvkNumber = company?.kvkNumber;
  if (urls.size === 0 && !kvkNumber) return null;
  return (
    <ul class="cl-links" data-testid="links">
      {[...urls.values()].map((l) => (
        <li key={l.url}>
          <ExternalLink href={l.url}>{l.kind === 'kvk' ? t('popupLinkKvk') : t('popupLinkKbo')}</ExternalLink>
        </li>
      ))}
      {kvkNumber && (
        <li>
          <ExternalLink href={kvkOrderLink(kvkNumber, company?.branchNumber)}>{t('popupLinkKvkOrder')}</ExternalLink>
        </li>
      )}
    </ul>
  );
}
