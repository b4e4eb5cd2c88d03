import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';

/**
 * The help page: what a refused registry certificate means (every registry serves a public certificate, so something
 * between the user and the registry is the cause), its usual causes and what to do about them.
 */
export function App() {
  return (
    <main>
      <h1 id="certificate">{t('helpTitle')}</h1>
      <p>{t('helpIntro')}</p>
      <section aria-labelledby="causes">
        <h2 id="causes">{t('helpCausesHeading')}</h2>
        <ul>
          <li>{t('helpCauseProxy')}</li>
          <li>{t('helpCauseClock')}</li>
          <li>{t('helpCauseOutdated')}</li>
        </ul>
      </section>
      <section aria-labelledby="remedies">
        <h2 id="remedies">{t('helpRemediesHeading')}</h2>
        <ol>
          <li>{t('helpRemedyClock')}</li>
          <li>{t('helpRemedyIt')}</li>
          <li>{t('helpRemedyGateway')}</li>
          <li>{t('helpRemedyUpdate')}</li>
        </ol>
        <p class="caution">{t('helpCaution')}</p>
        <p>{t('helpHistory')}</p>
        <p>{t('helpAfter')}</p>
      </section>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('helpOpenOptions')}
      </button>
    </main>
  );
}
