import { useState } from 'preact/hooks';
import type { Service } from '../../utils/registry/errors';
import { formatAge } from '../../utils/format-display';
import { t, uiLanguage } from '../../utils/i18n';
import { SERVICE_NAMES } from './labels';

/** Where a part of the answer came from and how old it is; the demo mode (KVK test environment) said plainly. */
export function PartSource({
  source,
  fetchedAt,
  cached,
  demo,
}: {
  source: Service;
  fetchedAt: number;
  cached: boolean;
  demo?: boolean;
}) {
  // The age as of when this answer was first shown here.
  const [shownAt] = useState(Date.now);
  const age = formatAge(fetchedAt, Math.max(shownAt, fetchedAt), uiLanguage());
  return (
    <p class="cl-source cl-muted" data-testid="source">
      {t('popupSource', [SERVICE_NAMES[source], age])}
      {cached ? ` · ${t('popupFromCache')}` : ''}
      {demo ? <strong class="cl-demo"> · {t('popupDemoData')}</strong> : null}
    </p>
  );
}
