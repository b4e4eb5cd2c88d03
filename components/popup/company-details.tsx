import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { IdentifierKind } from '../../utils/identifiers/types';
import type { LookupResult, Profile } from '../../utils/registry/domain';
import { checkIdentifier } from '../../utils/identifiers';
import { sendMessage } from '../../utils/messaging/send';
import { t } from '../../utils/i18n';
import { CompanyFacts } from '../company/company-facts';
import { CompanyLinks } from '../company/company-links';
import { IdentifierHeading } from '../company/identifier-heading';
import { PartSource } from '../company/part-source';
import { VatVerdict } from '../company/vat-verdict';
import { AnnualAccounts } from './annual-accounts';
import { ExportPanel } from './export-panel';
import { OpenDataSection, type OpenDataState } from './open-data-section';
import { PaidProfile, type ProfileProps } from './paid-profile';
import { PopupError } from './popup-error';

/**
 * One identifier's details: the card (company, status, VIES verdict, source and age), links, KVK's open data on
 * request, filed annual accounts, the paid profile on request, and export. A number whose check fails is shown as such
 * and not looked up.
 */
export function CompanyDetails({ kind, value }: { kind: IdentifierKind; value: string }) {
  const check = checkIdentifier(kind, value);
  const failsCheck = check === 'invalid';
  const [result, setResult] = useState<LookupResult | 'failed' | null>(null);
  const [profile, setProfile] = useState<Profile | undefined>(undefined);
  const [openData, setOpenData] = useState<OpenDataState>(undefined);

  useEffect(() => {
    if (failsCheck) return;
    let live = true;
    setResult(null);
    setProfile(undefined);
    setOpenData(undefined);
    sendMessage({ type: 'lookup', kind, value }).then(
      (r) => live && setResult(r),
      () => live && setResult('failed'),
    );
    return () => {
      live = false;
    };
  }, [kind, value, failsCheck]);

  return (
    <div class="cl-details" data-testid="details">
      <IdentifierHeading kind={kind} value={value} check={check} />
      {failsCheck ? (
        <p class="cl-message" data-testid="details-message">
          {t('popupDetailsChecksum')}
        </p>
      ) : result === null ? (
        <p aria-busy="true">{t('popupLookingUp')}</p>
      ) : result === 'failed' ? (
        <p class="cl-message">{t('popupNoAnswer')}</p>
      ) : (
        <Loaded result={result} profile={profile} onProfile={setProfile} openData={openData} onOpenData={setOpenData} />
      )}
    </div>
  );
}

function Loaded({
  result,
  profile,
  onProfile,
  openData,
  onOpenData,
}: ProfileProps & { openData: OpenDataState; onOpenData: (v: OpenDataState) => void }) {
  const part = result.company;
  const company = part?.ok ? (profile ? { ...part.value, ...profile.company } : part.value) : undefined;
  // The open data is asked by KVK number: the number itself, or the company's once a register named it.
  const kvkNumber = result.kind === 'kvk' ? result.value : company?.kvkNumber;
  return (
    <>
      {part?.ok && company && (
        <section aria-label={t('popupCompany')}>
          <CompanyFacts company={company} />
          <PartSource source={part.source} fetchedAt={part.fetchedAt} cached={part.cached} demo={part.demo} />
        </section>
      )}
      {part && !part.ok && (
        <div data-testid="company-error">
          <PopupError error={part.error} />
        </div>
      )}
      {!part && result.vat?.ok && result.vat.value.verdict === 'valid' && <p class="cl-muted">{t('popupVatNoName')}</p>}
      {result.vat && (
        <section aria-label={t('popupVatHeading')}>
          <h3>{t('popupVatHeading')}</h3>
          <VatVerdict
            part={result.vat}
            showConsultationHint
            onOpenSettings={() => void browser.runtime.openOptionsPage()}
          />
        </section>
      )}
      <CompanyLinks links={result.links} company={company} />
      {kvkNumber && <OpenDataSection kvkNumber={kvkNumber} company={part} view={openData} onView={onOpenData} />}
      <AnnualAccounts kind={result.kind} company={company} />
      {part?.ok && <PaidProfile result={result} profile={profile} onProfile={onProfile} />}
      {part?.ok && (
        <ExportPanel result={result} profile={profile} openData={typeof openData === 'object' ? openData : undefined} />
      )}
    </>
  );
}
