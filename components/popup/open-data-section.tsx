import { useEffect, useRef } from 'preact/hooks';
import { followOpenData, type OpenDataView } from '../../utils/open-data-follow';
import { t } from '../../utils/i18n';
import type { Company, Part } from '../../utils/registry/domain';
import { INSOLVENT, OpenDataFacts } from '../company/open-data-facts';
import { openDataStatusLabel } from '../company/labels';

/** The section's state: nothing asked yet, asked and waiting for the first answer, or the request as it goes. */
export type OpenDataState = OpenDataView | 'asking' | undefined;

/** True when the request ended with a set that could not be had (worth a "try again"). */
const failed = (view: OpenDataState) =>
  view === 'failed' ||
  (typeof view === 'object' &&
    view.done &&
    [view.basis, view.accounts].some((s) => s.state === 'done' && !s.part.ok && s.part.error.code !== 'not-found'));

/**
 * "KVK open data (free)" for a KVK number: nothing is sent until the button is clicked; then both sets as they come,
 * with the wait for each. Where Zoeken (`company`, from KVK) says active and the open data registers an insolvency,
 * both are shown, each with its source, and a line says they differ.
 */
export function OpenDataSection({
  kvkNumber,
  company,
  view,
  onView,
}: {
  kvkNumber: string;
  company?: Part<Company>;
  view: OpenDataState;
  onView: (view: OpenDataState) => void;
}) {
  const stopRef = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => stopRef.current?.(), []);

  const ask = () => {
    stopRef.current?.();
    onView('asking');
    stopRef.current = followOpenData(kvkNumber, onView);
  };

  const basis = typeof view === 'object' && view.basis.state === 'done' && view.basis.part.ok ? view.basis.part : null;
  const zoekenActive = company?.ok && company.source === 'kvk' && company.value.status === 'active';
  const conflict = basis && zoekenActive && INSOLVENT.includes(basis.value.status);

  return (
    <section aria-labelledby="cl-open-data-heading" data-testid="open-data">
      <h3 id="cl-open-data-heading">{t('openDataHeading')}</h3>
      {view === undefined && <p class="cl-muted">{t('openDataIntro')}</p>}
      {view === 'asking' && <p aria-busy="true">{t('popupLookingUp')}</p>}
      {view === 'failed' && <p class="cl-message">{t('popupNoAnswer')}</p>}
      {typeof view === 'object' && <OpenDataFacts progress={view} />}
      {conflict && (
        <p class="cl-conflict" role="note" data-testid="open-data-conflict">
          {t('openDataConflict', openDataStatusLabel(basis.value))}
        </p>
      )}
      {(view === undefined || failed(view)) && (
        <button type="button" class="cl-button" onClick={ask} data-testid="open-data-button">
          {view === undefined ? t('openDataButton') : t('openDataRetry')}
        </button>
      )}
    </section>
  );
}
