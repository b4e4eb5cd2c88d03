import { useEffect, useState } from 'preact/hooks';
import type { UsageResponse } from '../../utils/messaging/background-messages';
import type { LookupResult, Profile } from '../../utils/registry/domain';
import type { RegistryError } from '../../utils/registry/errors';
import { formatDate, formatEuro } from '../../utils/format-display';
import { formatIdentifier } from '../../utils/identifiers/format';
import { sendMessage } from '../../utils/messaging/send';
import { PRICE_PER_QUERY_EUR } from '../../utils/net/usage';
import { t, uiLanguage } from '../../utils/i18n';
import { AddressBlock } from '../company/address-block';
import { ExternalLink } from '../company/company-links';
import { PopupError } from './popup-error';

/** Which paid product a lookup's company can be detailed with, or null (VIES-only numbers). */
function paidService(result: LookupResult): 'kvk' | 'kbodata' | null {
  const source = result.company?.ok ? result.company.source : null;
  if (source === 'kvk') return 'kvk';
  const belgian =
    result.kind === 'kbo' ||
    result.kind === 'kbo-establishment' ||
    (result.kind === 'vat' && result.value.startsWith('BE'));
  return source === 'kbodata' || (belgian && source === 'vies') ? 'kbodata' : null;
}

/** The cost of one "more details", said before the click. */
function costText(service: 'kvk' | 'kbodata', demo: boolean, usage: UsageResponse | null): string {
  const lang = uiLanguage();
  if (service === 'kvk' && demo) return t('popupProfileCostDemo');
  const used = usage ? t('popupProfileUsed', [String(usage.services[service].paidQueries), String(usage.cap)]) : '';
  return service === 'kvk'
    ? `${t('popupProfileCostKvk', formatEuro(PRICE_PER_QUERY_EUR.kvk, lang))} ${used}`.trim()
    : `${t('popupProfileCostKbodata')} ${used}`.trim();
}

/** A lookup's result with its paid profile once fetched (`onProfile` receives it). */
export interface ProfileProps {
  result: LookupResult;
  profile?: Profile;
  onProfile: (p: Profile) => void;
}

/** "More details" (paid): the cost first, then on click the profile — activities, establishments, employees, websites. */
export function PaidProfile({ result, profile, onProfile }: ProfileProps) {
  const service = paidService(result);
  const [usage, setUsage] = useState<UsageResponse | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | { error: RegistryError } | 'failed'>('idle');
  const demo = result.company?.demo === true;

  useEffect(() => {
    if (!service || (service === 'kvk' && demo)) return;
    sendMessage({ type: 'usage' }).then(setUsage, () => setUsage(null));
  }, [service, demo]);

  if (!service) return null;
  if (profile) return <ProfileView profile={profile} />;

  const fetchProfile = async () => {
    setState('loading');
    try {
      const answer = await sendMessage({ type: 'details', kind: result.kind, value: result.value });
      if (answer.ok) {
        setState('idle');
        onProfile(answer.value);
      } else setState({ error: answer.error });
    } catch {
      setState('failed');
    }
  };

  return (
    <section aria-labelledby="cl-profile-heading" data-testid="paid-profile">
      <h3 id="cl-profile-heading">{t('popupProfileHeading')}</h3>
      <p class="cl-muted" id="cl-profile-cost" data-testid="profile-cost">
        {costText(service, demo, usage)}
      </p>
      <button
        type="button"
        class="cl-button"
        onClick={fetchProfile}
        disabled={state === 'loading'}
        aria-describedby="cl-profile-cost"
      >
        {state === 'loading' ? t('popupProfileLoading') : t('popupProfileButton')}
      </button>
      {typeof state === 'object' && <PopupError error={state.error} />}
      {state === 'failed' && (
        <p class="cl-message" role="alert">
          {t('popupNoAnswer')}
        </p>
      )}
    </section>
  );
}

function ProfileView({ profile }: { profile: Profile }) {
  const lang = uiLanguage();
  return (
    <section aria-labelledby="cl-profile-heading" data-testid="profile">
      <h3 id="cl-profile-heading" tabIndex={-1}>
        {t('popupProfileHeading')}
      </h3>
      <dl class="cl-facts">
        {profile.company.startDate && (
          <>
            <dt>{t('popupProfileRegistered')}</dt>
            <dd>{formatDate(profile.company.startDate, lang)}</dd>
          </>
        )}
        {profile.employees !== undefined && (
          <>
            <dt>{t('popupProfileEmployees')}</dt>
            <dd data-testid="employees">{String(profile.employees)}</dd>
          </>
        )}
      </dl>
      {profile.activities.length > 0 && (
        <>
          <h4>{t('popupProfileActivities')}</h4>
          <ul data-testid="activities">
            {profile.activities.map((a) => (
              <li key={a.code}>
                {a.scheme.toUpperCase()} {a.code} <bdi>{a.description}</bdi>
                {a.main ? ` (${t('popupProfileMain')})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {profile.establishments.length > 0 && (
        <>
          <h4>{t('popupProfileEstablishments')}</h4>
          <ul data-testid="establishments">
            {profile.establishments.map((e) => (
              <li key={e.number}>
                <code>{/^\d{10}$/.test(e.number) ? formatIdentifier('kbo-establishment', e.number) : e.number}</code>
                {e.name && (
                  <>
                    {' '}
                    <bdi>{e.name}</bdi>
                  </>
                )}
                {e.main ? ` (${t('popupProfileMainBranch')})` : ''}
                {e.address && <AddressBlock address={e.address} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {profile.websites.length > 0 && (
        <>
          <h4>{t('popupProfileWebsites')}</h4>
          <ul>
            {profile.websites.map((w) => (
              <li key={w}>
                <bdi>{/^https?:\/\//i.test(w) ? <ExternalLink href={w}>{w}</ExternalLink> : w}</bdi>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
