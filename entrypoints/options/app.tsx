import { t } from '../../utils/i18n';

/** The options page: API keys, detection and privacy settings, usage. */
export function App() {
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>
    </main>
  );
}
