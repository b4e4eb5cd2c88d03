import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { KVK_ROOT_DOWNLOAD_URL, KVK_ROOT_SHA256 } from '../../utils/kvk-root-certificate';

/** The help page: why KVK may be unreachable from a browser, and the two remedies (gateway, trusting the root). */
export function App() {
  return (
    <main>
      <h1 id="kvk-certificate">{t('helpTitle')}</h1>
      <section aria-labelledby="why">
        <h2 id="why">{t('helpWhyHeading')}</h2>
        <p>{t('helpWhy1')}</p>
        <p>{t('helpWhy2')}</p>
      </section>
      <section aria-labelledby="gateway">
        <h2 id="gateway">{t('helpGatewayHeading')}</h2>
        <p>{t('helpGateway1')}</p>
      </section>
      <section aria-labelledby="trust">
        <h2 id="trust">{t('helpTrustHeading')}</h2>
        <p class="caution">{t('helpTrustCaution')}</p>
        <ol>
          <li>
            {t('helpDownload')}{' '}
            <a href={KVK_ROOT_DOWNLOAD_URL} rel="noreferrer">
              {KVK_ROOT_DOWNLOAD_URL}
            </a>
          </li>
          <li>
            {t('helpFingerprint')}
            <code class="fingerprint" data-testid="fingerprint">
              {KVK_ROOT_SHA256}
            </code>
            <small>{t('helpFingerprintHow')}</small>
          </li>
          <li>
            {t('helpInstall')}
            <ul>
              <li>{t('helpWindows')}</li>
              <li>{t('helpMac')}</li>
              <li>{t('helpLinux')}</li>
              <li>{t('helpFirefox')}</li>
            </ul>
          </li>
          <li>{t('helpAfter')}</li>
        </ol>
      </section>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('helpOpenOptions')}
      </button>
    </main>
  );
}
