import { useEffect, useState } from 'preact/hooks';
import { CheckList } from '../../components/report/check-list';
import { ReportList } from '../../components/report/report-list';
import { ReportView } from '../../components/report/report-view';
import { t } from '../../utils/i18n';

/** `report.html#<id>`: one report; anything else: "Check a list" and the list of reports (components/report). */
export function App() {
  const [hash, setHash] = useState(location.hash.slice(1));
  useEffect(() => {
    const onHash = () => setHash(location.hash.slice(1));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const open = (id: string) => (location.hash = id);
  return (
    <main class="cl-r-page">
      {hash && hash !== 'new' ? (
        <ReportView key={hash} id={hash} onDeleted={() => open('new')} />
      ) : (
        <>
          <CheckList onCreated={open} />
          <section aria-labelledby="cl-r-reports-heading">
            <h2 id="cl-r-reports-heading">{t('reportsHeading')}</h2>
            <p class="cl-hint">{t('reportsKept')}</p>
            <ReportList hrefOf={(id) => `#${id}`} />
          </section>
        </>
      )}
    </main>
  );
}
