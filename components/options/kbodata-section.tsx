// Options: kbodata.app username and token (masked, removable) and the connection test that shows the plan.
import { useState } from 'preact/hooks';
import { t, uiLanguage } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging/send';
import type { Credentials } from '../../utils/settings/schema';
import { updateCredentials } from '../../utils/settings/update';
import { MaskedSecretField } from '../masked-secret-field';
import { TestConnection } from '../test-connection';
import { GatewayField } from './gateway-field';
import { SaveRow } from './save-row';

/** `2099-03-31` in the user's language; the text itself when it is not a date. */
function formatDate(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The kbodata.app section. */
export function KbodataSection(props: { credentials: Credentials }) {
  const { kbodata } = props.credentials;
  const [username, setUsername] = useState<string | undefined>(undefined);
  const [token, setToken] = useState('');
  const [saved, setSaved] = useState(false);
  const [edits, setEdits] = useState(0);
  const edited = () => setEdits((n) => n + 1);
  const shownUser = username ?? kbodata.username;
  const dirty = (username !== undefined && username.trim() !== kbodata.username) || token.trim() !== '';

  const save = async () => {
    if (!dirty) return;
    await updateCredentials({
      kbodata: { username: shownUser.trim(), ...(token.trim() ? { token: token.trim() } : {}) },
    });
    setUsername(undefined);
    setToken('');
    setSaved(true);
  };

  return (
    <section aria-labelledby="kbodata-heading">
      <h2 id="kbodata-heading">{t('optionsKbodataHeading')}</h2>
      <p class="cl-hint">{t('optionsKbodataIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div class="cl-field">
          <label for="kbodata-username">{t('optionsKbodataUsername')}</label>
          <input
            id="kbodata-username"
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={shownUser}
            onInput={(e) => {
              setUsername((e.currentTarget as HTMLInputElement).value);
              setSaved(false);
              edited();
            }}
          />
        </div>
        <MaskedSecretField
          id="kbodata-token"
          label={t('optionsKbodataToken')}
          stored={kbodata.token}
          value={token}
          onInput={(v) => {
            setToken(v);
            setSaved(false);
            edited();
          }}
          onRemove={() => {
            edited();
            void updateCredentials({ kbodata: { token: '' } }).then(() => setSaved(false));
          }}
        />
        <SaveRow disabled={!dirty} saved={saved} />
      </form>
      <GatewayField
        service="kbodata"
        credentials={props.credentials}
        label={t('optionsGatewayKbodataLabel')}
        onEdit={edited}
      />
      <TestConnection
        id="kbodata-test"
        reset={edits}
        run={async () => {
          await save();
          return sendMessage({ type: 'test-connection', service: 'kbodata' });
        }}
        describe={(info) =>
          info.service === 'kbodata' && (
            <>
              <p>{t('optionsKbodataWorks', [info.plan || '—', info.username])}</p>
              {info.development && <p>{t('optionsKbodataDevelopment')}</p>}
              {info.expires && <p>{t('optionsKbodataExpires', formatDate(info.expires))}</p>}
              {info.address && <p>{t('optionsGatewayTested', info.address)}</p>}
            </>
          )
        }
      />
    </section>
  );
}
