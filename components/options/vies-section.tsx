// Options: the user's own VAT number (sent to VIES as requester for a consultation number), checked with the
// identifier engine before it is saved, and the VIES connection test.
import { useState } from 'preact/hooks';
import { formatIdentifier } from '../../utils/identifiers/format';
import { t, uiLanguage, type MessageKey } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging/send';
import { checkRequesterVat, type RequesterVatProblem } from '../../utils/options-input';
import { memberStateName } from '../../utils/error-messages';
import type { Credentials } from '../../utils/settings/schema';
import { updateCredentials } from '../../utils/settings/update';
import { TestConnection } from '../test-connection';

const PROBLEM_KEYS: Record<RequesterVatProblem, MessageKey> = {
  'not-vat': 'optionsViesProblemNotVat',
  checksum: 'optionsViesProblemChecksum',
  'unsupported-country': 'optionsViesProblemCountry',
};

/** The VIES section. */
export function ViesSection(props: { credentials: Credentials }) {
  const stored = props.credentials.vies.requesterVat;
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<RequesterVatProblem | undefined>(undefined);

  /** Saves what is typed when it is a valid VAT number; false when it is not. */
  const save = async (): Promise<boolean> => {
    if (!input.trim()) return true;
    const checked = checkRequesterVat(input);
    if (!checked.ok) {
      setProblem(checked.problem);
      return false;
    }
    await updateCredentials({ vies: { requesterVat: checked.value } });
    setInput('');
    return true;
  };

  const names = (codes: string[]) =>
    codes.map((c) => memberStateName(c, uiLanguage(), t('errorNorthernIreland'))).join(', ');

  return (
    <section aria-labelledby="vies-heading">
      <h2 id="vies-heading">{t('optionsViesHeading')}</h2>
      <p class="cl-hint">{t('optionsViesIntro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div class="cl-field">
          <label for="vies-requester">{t('optionsViesRequesterLabel')}</label>
          <input
            id="vies-requester"
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={input}
            placeholder="NL805734958B01"
            aria-invalid={problem ? true : undefined}
            aria-describedby="vies-requester-state"
            onInput={(e) => {
              setInput((e.currentTarget as HTMLInputElement).value);
              setProblem(undefined);
            }}
          />
          <p id="vies-requester-state" class={problem ? 'cl-bad' : 'cl-hint'} role="status" aria-live="polite">
            {problem
              ? t(PROBLEM_KEYS[problem])
              : stored
                ? t('optionsViesRequesterStored', formatIdentifier('vat', stored))
                : t('optionsViesRequesterNone')}
          </p>
          {stored && (
            <button
              type="button"
              class="cl-link"
              onClick={() => void updateCredentials({ vies: { requesterVat: '' } })}
            >
              {t('optionsViesRequesterRemove')}
            </button>
          )}
        </div>
        <div class="cl-actions">
          <button type="submit" disabled={!input.trim()}>
            {t('optionsSave')}
          </button>
        </div>
      </form>
      <TestConnection
        id="vies-test"
        run={async () => ((await save()) ? sendMessage({ type: 'test-connection', service: 'vies' }) : undefined)}
        describe={(info) =>
          info.service === 'vies' && (
            <p>
              {!info.available
                ? t('optionsViesDown')
                : info.unavailableMemberStates.length
                  ? t('optionsViesWorksExcept', names(info.unavailableMemberStates))
                  : t('optionsViesWorks')}
            </p>
          )
        }
      />
    </section>
  );
}
