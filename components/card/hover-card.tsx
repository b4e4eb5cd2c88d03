import type { CardActions, CardModel } from '../../utils/card/card-model';
import type { LookupResult } from '../../utils/registry/domain';
import type { RegistryError } from '../../utils/registry/errors';
import { t, uiLanguage } from '../../utils/i18n';
import { namesInLanguage } from '../../utils/company-names';
import { AddressBlock } from '../company/address-block';
import { CompanyFacts } from '../company/company-facts';
import { CompanyLinks } from '../company/company-links';
import { CopyButton } from '../company/copy-button';
import { IdentifierHeading } from '../company/identifier-heading';
import { PartSource } from '../company/part-source';
import { OpenDataFacts } from '../company/open-data-facts';
import { VatVerdict } from '../company/vat-verdict';
import { ErrorMessage } from '../error-message';
import { wordError } from '../../utils/error-messages';
import { linksFor } from '../../utils/company-links';
import { addressLines } from '../../utils/export/company-record';

/** Errors the user fixes in the settings: the card offers a button that opens the options page. */
const isSettingsError = (e: RegistryError) =>
  e.code === 'no-key' ||
  e.code === 'key-rejected' ||
  e.code === 'paid-cap-reached' ||
  e.code === 'plan-ended' ||
  e.code === 'address-not-allowed' ||
  e.code === 'requester-rejected' ||
  e.code === 'usage-unrecorded' ||
  (e.code === 'certificate' && e.service !== 'vies');

/**
 * The hover card: at once the kind, formatted number, its offline check and the public links; then the lookup as it
 * arrives (company, status, VIES verdict, source and age), every error in words with its next step. Company data is
 * rendered as text only (Preact text nodes). The body keeps a minimum height so the card does not jump on arrival.
 */
export function HoverCard({ model, actions }: { model: CardModel; actions: CardActions }) {
  const { kind, value, checksum, lookup } = model;
  const invalid = checksum === 'invalid';
  return (
    <div
      class="cl-card"
      role="dialog"
      aria-modal="false"
      aria-labelledby="cl-card-title"
      data-testid="card"
      data-state={lookup.state}
      tabIndex={-1}
    >
      <div class="cl-card-head">
        <h2 id="cl-card-title" class="cl-card-title">
          Company Lens
        </h2>
        <button
          type="button"
          class="cl-card-close"
          onClick={actions.onClose}
          aria-label={t('cardClose')}
          title={t('cardClose')}
        >
          ×
        </button>
      </div>
      <IdentifierHeading kind={kind} value={value} check={checksum} />
      <div class="cl-card-body" aria-live="polite" aria-busy={lookup.state === 'loading'}>
        {invalid ? (
          <div class="cl-card-invalid" data-testid="not-valid">
            <p>
              <strong>{t('cardNotValid')}</strong>
            </p>
            <p class="cl-muted">{t('cardNotValidNext')}</p>
          </div>
        ) : lookup.state === 'idle' ? (
          <p>
            <button type="button" class="cl-button cl-primary" onClick={actions.onLookup} data-testid="lookup-button">
              {t('cardLookUp')}
            </button>
          </p>
        ) : lookup.state === 'loading' ? (
          <Loading />
        ) : lookup.state === 'failed' ? (
          <p class="cl-card-error" data-testid="no-answer">
            {t('cardNoAnswer')}{' '}
            <button type="button" class="cl-button cl-small" onClick={actions.onLookup} data-testid="try-again">
              {t('cardTryAgain')}
            </button>
          </p>
        ) : lookup.state === 'done' ? (
          <Result result={lookup.result} actions={actions} openData={model.openData} />
        ) : null}
      </div>
      {lookup.state !== 'done' && <CompanyLinks links={linksFor(kind, value)} />}
    </div>
  );
}

/** A placeholder of the result's size: the name line and three fact lines. */
function Loading() {
  return (
    <div class="cl-card-loading" data-testid="loading">
      <p class="cl-muted">{t('popupLookingUp')}</p>
      <span class="cl-skeleton cl-skeleton-name" />
      <span class="cl-skeleton" />
      <span class="cl-skeleton" />
      <span class="cl-skeleton cl-skeleton-short" />
    </div>
  );
}

/**
 * KVK's free open data for a KVK number when no KVK key is set: a button first (nothing is sent on hover), then the
 * request as it comes, in the card's short form.
 */
function OpenData({ openData, actions }: { openData: CardModel['openData']; actions: CardActions }) {
  return (
    <section class="cl-card-open-data" aria-label={t('openDataHeading')} data-testid="card-open-data">
      {openData === undefined ? (
        <button type="button" class="cl-button" onClick={actions.onOpenData} data-testid="open-data-button">
          {t('openDataCardButton')}
        </button>
      ) : openData === 'asking' ? (
        <p class="cl-muted">{t('popupLookingUp')}</p>
      ) : openData === 'failed' ? (
        <p class="cl-card-error">{t('cardNoAnswer')}</p>
      ) : (
        <OpenDataFacts progress={openData} compact />
      )}
    </section>
  );
}

function Result({
  result,
  actions,
  openData,
}: {
  result: LookupResult;
  actions: CardActions;
  openData: CardModel['openData'];
}) {
  const part = result.company;
  const company = part?.ok ? part.value : undefined;
  const errors = [...(part && !part.ok ? [part.error] : []), ...(result.warnings ?? [])];
  const paid = part?.ok && part.source === 'kvk' && !part.demo;
  return (
    <>
      {part?.ok && company && (
        <section aria-label={t('popupCompany')} data-testid="company">
          <CompanyFacts company={company} />
          <p class="cl-card-copies">
            <CopyButton text={namesInLanguage(company, uiLanguage()).name} label={t('cardCopyName')}>
              {t('cardCopyNameShort')}
            </CopyButton>
            {company.address && (
              <CopyButton text={addressText(company.address)} label={t('cardCopyAddress')}>
                {t('cardCopyAddressShort')}
              </CopyButton>
            )}
          </p>
          <PartSource source={part.source} fetchedAt={part.fetchedAt} cached={part.cached} demo={part.demo} />
        </section>
      )}
      {errors.map((error, i) => (
        <div key={i} class="cl-card-error" data-testid="company-error">
          <ErrorMessage error={error} />
          {wordError(error).help && (
            <button
              type="button"
              class="cl-button cl-small"
              onClick={() => actions.onHelp(wordError(error).help!)}
              data-testid="open-help"
            >
              {t('errorHelpLink')}
            </button>
          )}
          {isSettingsError(error) && (
            <button type="button" class="cl-button cl-small" onClick={actions.onOptions} data-testid="open-options">
              {t('cardOpenSettings')}
            </button>
          )}
        </div>
      ))}
      {result.kind === 'kvk' && part && !part.ok && part.error.code === 'no-key' && (
        <OpenData openData={openData} actions={actions} />
      )}
      {part?.ok && part.source === 'vies' && (result.kind === 'kbo' || result.value.startsWith('BE')) && (
        <p class="cl-muted" data-testid="vies-only">
          {t('cardViesOnlyBe')}{' '}
          <button type="button" class="cl-button cl-small" onClick={actions.onOptions}>
            {t('cardOpenSettings')}
          </button>
        </p>
      )}
      {!part && result.vat?.ok && result.vat.value.verdict === 'valid' && (
        <VatRegistered name={result.vat.value.name} address={result.vat.value.address} />
      )}
      {result.vat && (
        <section aria-label={t('popupVatHeading')} class="cl-card-vat">
          <VatVerdict part={result.vat} onOpenSettings={actions.onOptions} />
          <PartSource
            source={result.vat.source}
            fetchedAt={result.vat.fetchedAt}
            cached={result.vat.cached}
            demo={result.vat.demo}
          />
        </section>
      )}
      <CompanyLinks links={result.links} company={company} />
      {part?.ok && (
        <p class="cl-card-more">
          <button type="button" class="cl-button" onClick={actions.onDetails} data-testid="more-details">
            {t('cardMoreDetails')}
          </button>{' '}
          <span class="cl-muted" data-testid="details-cost">
            {paid ? t('cardDetailsPaid') : t('cardDetailsFree')}
          </span>
        </p>
      )}
    </>
  );
}

/** VIES's own name and address for a number no register source named (or "not shared"). */
function VatRegistered({ name, address }: { name: string | null; address: string | null }) {
  if (!name) return <p class="cl-muted">{t('popupVatNoName')}</p>;
  return (
    <section data-testid="company">
      <p class="cl-name-line">
        <strong class="cl-name" data-testid="company-name">
          <bdi>{name}</bdi>
        </strong>
      </p>
      {address && <AddressBlock address={{ line: address.replace(/\n/g, ', ') }} />}
    </section>
  );
}

/** The address as plain text, one line per line (for the clipboard). */
const addressText = (address: Parameters<typeof addressLines>[0]): string => addressLines(address).join('\n');
