// Options: paid queries this month per service with the estimated cost, and the monthly cap that stops paid lookups.
import { useState } from 'preact/hooks';
import { wordError } from '../../utils/error-messages';
import { t, uiLanguage } from '../../utils/i18n';
import type { UsageResponse } from '../../utils/messaging/background-messages';
import { sendMessage } from '../../utils/messaging/send';
import { MAX_MONTHLY_PAID_CAP, setMonthlyPaidCap } from '../../utils/settings/update';
import { say } from '../error-message';
import { useBackground } from './use-background';

const METERED = ['kvk', 'kbodata'] as const;

/** `2026-11` as "November 2026" in the user's language. */
function monthName(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(uiLanguage(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

const euro = (amount: number) =>
  new Intl.NumberFormat(uiLanguage(), { style: 'currency', currency: 'EUR' }).format(amount);

/** The usage and cap section. */
export function UsageSection() {
  const [usage] = useBackground<UsageResponse>(() => sendMessage({ type: 'usage' }));
  const [capInput, setCapInput] = useState<string | undefined>(undefined);
  const [capState, setCapState] = useState<'saved' | 'invalid' | undefined>(undefined);

  const saveCap = async () => {
    const text = (capInput ?? '').trim();
    const cap = Number(text);
    if (!/^\d+$/.test(text) || cap > MAX_MONTHLY_PAID_CAP) return setCapState('invalid');
    await setMonthlyPaidCap(cap);
    setCapInput(undefined);
    setCapState('saved');
  };

  const NOTES = { kvk: t('optionsUsageKvkNote'), kbodata: t('optionsUsageKbodataNote') };
  const NAMES = { kvk: 'KVK', kbodata: 'kbodata.app' };
  const total = usage ? METERED.reduce((sum, s) => sum + usage.services[s].estimatedCostEur, 0) : 0;

  return (
    <section aria-labelledby="usage-heading">
      <h2 id="usage-heading">{t('optionsUsageHeading')}</h2>
      {!usage ? (
        <p class="cl-hint">{t('optionsLoading')}</p>
      ) : (
        <>
          <table class="cl-table" data-testid="usage-table">
            <caption>{t('optionsUsageCaption', monthName(usage.month))}</caption>
            <thead>
              <tr>
                <th scope="col">{t('optionsUsageService')}</th>
                <th scope="col">{t('optionsUsagePaidQueries')}</th>
                <th scope="col">{t('optionsUsageCost')}</th>
              </tr>
            </thead>
            <tbody>
              {METERED.map((s) => (
                <tr key={s} data-service={s}>
                  <th scope="row">
                    {NAMES[s]}
                    <span class="cl-hint cl-block">{NOTES[s]}</span>
                  </th>
                  <td>{usage.services[s].paidQueries}</td>
                  <td>{euro(usage.services[s].estimatedCostEur)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('optionsUsageTotal')}</th>
                <td></td>
                <td>{euro(total)}</td>
              </tr>
            </tfoot>
          </table>
          <div role="status" aria-live="polite" data-testid="cap-notice">
            {METERED.filter((s) => usage.services[s].paidQueries >= usage.cap).map((s) => {
              const wording = wordError({
                code: 'paid-cap-reached',
                service: s,
                cap: usage.cap,
                used: usage.services[s].paidQueries,
              });
              return (
                <p key={s} class="cl-bad">
                  {say(wording.message)} {say(wording.next)}
                </p>
              );
            })}
          </div>
        </>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void saveCap();
        }}
      >
        <div class="cl-field">
          <label for="monthly-cap">{t('optionsCapLabel')}</label>
          <div class="cl-inline">
            <input
              id="monthly-cap"
              type="number"
              min={0}
              max={MAX_MONTHLY_PAID_CAP}
              step={1}
              inputMode="numeric"
              value={capInput ?? (usage ? String(usage.cap) : '')}
              aria-invalid={capState === 'invalid' ? true : undefined}
              aria-describedby="monthly-cap-state"
              onInput={(e) => {
                setCapInput((e.currentTarget as HTMLInputElement).value);
                setCapState(undefined);
              }}
            />
            <button type="submit" disabled={capInput === undefined}>
              {t('optionsSave')}
            </button>
          </div>
          <p
            id="monthly-cap-state"
            class={capState === 'invalid' ? 'cl-bad' : 'cl-hint'}
            role="status"
            aria-live="polite"
          >
            {capState === 'invalid'
              ? t('optionsCapInvalid')
              : capState === 'saved'
                ? t('optionsSaved')
                : t('optionsCapHint')}
          </p>
        </div>
      </form>
    </section>
  );
}
