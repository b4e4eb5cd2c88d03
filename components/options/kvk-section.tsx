// Options: the KVK API key (masked, removable), the "use the KVK test environment" switch, the organisation's own
// address, a link to the help page on refused certificates and the connection test.
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging/send';
import type { Credentials } from '../../utils/settings/schema';
import { updateCredentials } from '../../utils/settings/update';
import { MaskedSecretField } from '../masked-secret-field';
import { Switch } from '../switch';
import { TestConnection } from '../test-connection';
import { GatewayField } from './gateway-field';
import { helpHref } from './help-href';
import { SaveRow } from './save-row';

/** The KVK section; `credentials` is the stored value (followed live). */
export function KvkSection(props: { credentials: Credentials }) {
  const { kvk } = props.credentials;
  const [key, setKey] = useState('');
  const [saved, setSaved] = useState(false);
  const [edits, setEdits] = useState(0);
  const edited = () => setEdits((n) => n + 1);

  const save = async () => {
    if (!key.trim()) return;
    await updateCredentials({ kvk: { apiKey: key.trim() } });
    setKey('');
    setSaved(true);
  };

  return (
    <section aria-labelledby="kvk-heading">
      <h2 id="kvk-heading">{t('optionsKvkHeading')}</h2>
      <p class="cl-hint">{t('optionsKvkIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <MaskedSecretField
          id="kvk-key"
          label={t('optionsKvkKeyLabel')}
          stored={kvk.apiKey}
          value={key}
          onInput={(v) => {
            setKey(v);
            setSaved(false);
            edited();
          }}
          onRemove={() => {
            edited();
            void updateCredentials({ kvk: { apiKey: '' } }).then(() => setSaved(false));
          }}
        />
        <SaveRow disabled={!key.trim()} saved={saved} />
      </form>
      <Switch
        id="kvk-test-environment"
        checked={kvk.useTestEnvironment}
        hint={t('optionsKvkTestEnvironmentHint')}
        onChange={(on) => {
          edited();
          void updateCredentials({ kvk: { useTestEnvironment: on } });
        }}
      >
        {t('optionsKvkTestEnvironment')}
      </Switch>
      <GatewayField service="kvk" credentials={props.credentials} label={t('optionsGatewayKvkLabel')} onEdit={edited} />
      <p class="cl-hint">
        <a href={helpHref('certificate')} target="_blank" rel="noopener">
          {t('optionsCertificateHelp')}
        </a>
      </p>
      <TestConnection
        id="kvk-test"
        reset={edits}
        helpHref={helpHref}
        run={async () => {
          await save();
          return sendMessage({ type: 'test-connection', service: 'kvk' });
        }}
        describe={(info) =>
          info.service === 'kvk' && (
            <>
              <p>{info.environment === 'test' ? t('optionsKvkWorksTest') : t('optionsKvkWorksProduction')}</p>
              {info.address && <p>{t('optionsGatewayTested', info.address)}</p>}
            </>
          )
        }
      />
    </section>
  );
}
