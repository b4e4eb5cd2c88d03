import { t } from '../../utils/i18n';

/** The popup: search, "on this page" and company details. */
export function App() {
  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      <p>{t('popupIntro')}</p>
    </main>
  );
}
