import { credentialsItem, preferencesItem } from '../../utils/settings/items';
import { CredentialsSchema, PreferencesSchema, type Credentials } from '../../utils/settings/schema';
import type { Preferences } from '../../utils/settings/preferences';
import { t } from '../../utils/i18n';
import { useStored } from '../../components/use-stored';
import { KvkSection } from '../../components/options/kvk-section';
import { KbodataSection } from '../../components/options/kbodata-section';
import { ViesSection } from '../../components/options/vies-section';
import { DetectionSection } from '../../components/options/detection-section';
import { SitesSection } from '../../components/options/sites-section';
import { UsageSection } from '../../components/options/usage-section';
import { CacheSection } from '../../components/options/cache-section';

const parseCredentials = (raw: unknown): Credentials => CredentialsSchema.parse(raw);
const parsePreferences = (raw: unknown): Preferences => PreferencesSchema.parse(raw) as Preferences;

/** The options page: API keys, detection and privacy settings, usage. */
export function App() {
  const credentials = useStored(credentialsItem, parseCredentials);
  const preferences = useStored(preferencesItem, parsePreferences);
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>
      {credentials && (
        <>
          <KvkSection credentials={credentials} />
          <KbodataSection credentials={credentials} />
          <ViesSection credentials={credentials} />
        </>
      )}
      {preferences && (
        <>
          <DetectionSection preferences={preferences} />
          <SitesSection preferences={preferences} />
        </>
      )}
      <UsageSection />
      <CacheSection />
    </main>
  );
}
