import { useMemo, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging/send';
import { identifiersInText } from '../../utils/report/list-parse';
import { REPORT_MAX_ROWS } from '../../utils/report/schema';

/**
 * "Check a list": paste a spreadsheet column, a CSV or an e-mail; every identifier in it is found (the identifier
 * engine), counted, and checked in a new report. More than 2,000 numbers: a clear message, and the first 2,000.
 */
export function CheckList({ onCreated }: { onCreated: (id: string) => void }) {
  const [text, setText] = useState('');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const items = useMemo(() => identifiersInText(text), [text]);
  const tooMany = items.length > REPORT_MAX_ROWS;
  const create = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const { id } = await sendMessage({
        type: 'report-create',
        source: { type: 'list' },
        items: items.slice(0, REPORT_MAX_ROWS).map(({ kind, value, written }) => ({ kind, value, written })),
      });
      onCreated(id);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="cl-r-list-heading" data-testid="check-list">
      <h1 id="cl-r-list-heading">{t('reportListTitle')}</h1>
      <p>{t('reportListIntro')}</p>
      <label class="cl-r-paste">
        {t('reportListLabel')}
        <textarea
          rows={12}
          value={text}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          spellcheck={false}
        />
      </label>
      <p role="status" data-testid="list-found">
        {items.length === 0
          ? t('reportListNone')
          : tooMany
            ? t('reportListTooMany', [String(items.length), String(REPORT_MAX_ROWS)])
            : t('reportListFound', String(items.length))}
      </p>
      <p>
        <button type="button" disabled={items.length === 0 || busy} onClick={() => void create()}>
          {tooMany ? t('reportListCheckFirst', String(REPORT_MAX_ROWS)) : t('reportListCheck', String(items.length))}
        </button>
      </p>
      {failed && (
        <p class="cl-bad" role="alert">
          {t('reportCreateFailed')}
        </p>
      )}
    </section>
  );
}
