// Options: an organisation's own API address for one service. Checked with checkBaseUrl; the host permission for its
// origin (originPattern: the one each browser grants) is requested in the click itself (a user gesture), and the
// address is saved only when it is granted. The background sends this service's requests — and its key — only there.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../../utils/i18n';
import { checkBaseUrl, originPattern, type BaseUrlProblem } from '../../utils/settings/base-url';
import type { Credentials } from '../../utils/settings/schema';
import { updateCredentials } from '../../utils/settings/update';

const PROBLEMS: Record<BaseUrlProblem, MessageKey> = {
  empty: 'optionsGatewayProblemEmpty',
  invalid: 'optionsGatewayProblemInvalid',
  'not-https': 'optionsGatewayProblemNotHttps',
  credentials: 'optionsGatewayProblemCredentials',
  'query-or-fragment': 'optionsGatewayProblemQuery',
  'path-tricks': 'optionsGatewayProblemPath',
  'other-registry': 'optionsGatewayProblemOtherRegistry',
};

/** The address field of `service`; `onEdit` tells the section that what its connection test checks has changed. */
export function GatewayField(props: {
  service: 'kvk' | 'kbodata';
  credentials: Credentials;
  label: string;
  onEdit: () => void;
}) {
  const { service, credentials } = props;
  const stored = credentials[service].baseUrl;
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ kind: 'saved' | 'bad'; message: string } | null>(null);
  const id = `${service}-gateway`;

  const save = () => {
    const check = checkBaseUrl(text, service);
    if (!check.ok) return setStatus({ kind: 'bad', message: t(PROBLEMS[check.problem]) });
    // Requested before any await, so the browser still sees the user's click.
    void browser.permissions.request({ origins: [originPattern(check.origin)] }).then(
      async (granted) => {
        if (!granted) return setStatus({ kind: 'bad', message: t('optionsGatewayRefused', check.origin) });
        await updateCredentials({ [service]: { baseUrl: check.url } });
        setText('');
        setStatus({ kind: 'saved', message: t('optionsGatewaySaved') });
        props.onEdit();
      },
      () => setStatus({ kind: 'bad', message: t('optionsGatewayRefused', check.origin) }),
    );
  };

  const remove = async () => {
    if (!stored) return;
    const origin = new URL(stored).origin;
    const next = await updateCredentials({ [service]: { baseUrl: null } });
    const other = service === 'kvk' ? next.kbodata.baseUrl : next.kvk.baseUrl;
    // Kept while the other service's address needs the same pattern (in Firefox, any port of the same local host).
    const pattern = originPattern(origin);
    if (!other || originPattern(new URL(other).origin) !== pattern)
      await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    setStatus(null);
    props.onEdit();
  };

  return (
    <form
      class="cl-field cl-gateway"
      id={`${id}-field`}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellcheck={false}
        placeholder="https://"
        value={text}
        aria-describedby={`${id}-hint ${id}-status`}
        aria-invalid={status?.kind === 'bad'}
        onInput={(e) => {
          setText((e.target as HTMLInputElement).value);
          setStatus(null);
        }}
      />
      <p class="cl-hint" id={`${id}-hint`}>
        {t('optionsGatewayHint')}
      </p>
      {stored && (
        <p class="cl-stored cl-hint" data-testid={`${id}-current`}>
          {t('optionsGatewayCurrent', stored)}{' '}
          <button type="button" onClick={() => void remove()}>
            {t('optionsGatewayRemove')}
          </button>
        </p>
      )}
      <div class="cl-actions">
        <button type="submit" disabled={!text.trim()}>
          {t('optionsGatewaySave')}
        </button>
        <span id={`${id}-status`} role="status" aria-live="polite" class={status?.kind === 'bad' ? 'cl-bad' : ''}>
          {status?.message ?? ''}
        </span>
      </div>
    </form>
  );
}
