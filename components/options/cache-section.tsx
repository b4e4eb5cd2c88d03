// Options: how many answers are cached, and "clear cache".
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { CacheStatsResponse } from '../../utils/messaging/background-messages';
import { sendMessage } from '../../utils/messaging/send';
import { useBackground } from './use-background';

/** The cache section. */
export function CacheSection() {
  const [stats, refresh] = useBackground<CacheStatsResponse>(() => sendMessage({ type: 'cache-stats' }));
  const [cleared, setCleared] = useState<number | undefined>(undefined);
  const clear = async () => {
    const answer = await sendMessage({ type: 'clear-cache' });
    setCleared(answer.removed);
    refresh();
  };
  return (
    <section aria-labelledby="cache-heading">
      <h2 id="cache-heading">{t('optionsCacheHeading')}</h2>
      <p class="cl-hint">{t('optionsCacheIntro')}</p>
      <p data-testid="cache-entries">
        {stats ? t('optionsCacheEntries', [String(stats.entries), String(stats.maxEntries)]) : t('optionsLoading')}
      </p>
      <div class="cl-actions">
        <button type="button" onClick={() => void clear()} disabled={!stats || stats.entries === 0}>
          {t('optionsCacheClear')}
        </button>
        <span role="status" aria-live="polite">
          {cleared !== undefined ? t('optionsCacheCleared', String(cleared)) : ''}
        </span>
      </div>
    </section>
  );
}
