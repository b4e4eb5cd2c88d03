import { Fragment, type ComponentChildren } from 'preact';
import type { Company } from '../../utils/registry/domain';
import { namesInLanguage } from '../../utils/company-names';
import { formatIdentifier } from '../../utils/identifiers/format';
import { formatDate } from '../../utils/format-display';
import { t, uiLanguage } from '../../utils/i18n';
import { AddressBlock } from './address-block';
import { StatusPill } from './status-pill';

function Row({ label, children, testId }: { label: string; children: ComponentChildren; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/**
 * What the card shows about a company: name (in the UI language where the register has it) and status, its legal
 * names in other languages, trade names, legal form, address, start date, main activity and its registration numbers.
 * Every value is rendered as text; each of the registry's own strings in a <bdi>, so right-to-left text in one cannot
 * reorder what stands around it.
 */
export function CompanyFacts({ company }: { company: Company }) {
  const lang = uiLanguage();
  const { name, others } = namesInLanguage(company, lang);
  return (
    <div class="cl-company">
      <p class="cl-name-line">
        <strong class="cl-name" data-testid="company-name">
          <bdi>{name}</bdi>
        </strong>{' '}
        <StatusPill status={company.status} />
      </p>
      <dl class="cl-facts">
        {others.length > 0 && (
          <Row label={t('popupNamesOtherLanguages')} testId="other-names">
            {others.map((n) => `${n.name} (${n.language.toUpperCase()})`).join(' · ')}
          </Row>
        )}
        {company.tradeNames.length > 0 && (
          <Row label={t('popupTradeNames')} testId="trade-names">
            {company.tradeNames.map((name, i) => (
              <Fragment key={i}>
                {i > 0 && ' · '}
                <bdi>{name}</bdi>
              </Fragment>
            ))}
          </Row>
        )}
        {company.legalForm && (
          <Row label={t('popupLegalForm')}>
            <bdi>{company.legalForm}</bdi>
          </Row>
        )}
        {company.address && (
          <Row label={t('popupAddress')}>
            <AddressBlock address={company.address} />
          </Row>
        )}
        {company.startDate && <Row label={t('popupStartDate')}>{formatDate(company.startDate, lang)}</Row>}
        {company.mainActivity && (
          <Row label={t('popupMainActivity')}>
            {company.mainActivity.code} <bdi>{company.mainActivity.description}</bdi>
          </Row>
        )}
        {company.kvkNumber && <Row label={t('popupKindKvk')}>{company.kvkNumber}</Row>}
        {company.branchNumber && <Row label={t('popupKindKvkBranch')}>{company.branchNumber}</Row>}
        {company.rsin && <Row label={t('popupKindRsin')}>{company.rsin}</Row>}
        {company.kboNumber && <Row label={t('popupKindKbo')}>{formatIdentifier('kbo', company.kboNumber)}</Row>}
        {company.establishmentNumber && (
          <Row label={t('popupKindKboEstablishment')}>
            {formatIdentifier('kbo-establishment', company.establishmentNumber)}
          </Row>
        )}
        {company.vatNumber && <Row label={t('popupKindVat')}>{company.vatNumber}</Row>}
      </dl>
    </div>
  );
}
