// Options: which identifier kinds are detected, and whether lookups start on hover or only on click.
import { useEffect, useState } from 'preact/hooks';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../utils/identifiers/types';
import { t, type MessageKey } from '../../utils/i18n';
import type { Preferences } from '../../utils/settings/preferences';
import { updatePreferences } from '../../utils/settings/update';
import { Switch } from '../switch';

const KIND_KEYS: Record<IdentifierKind, MessageKey> = {
  kvk: 'optionsKindKvk',
  'kvk-branch': 'optionsKindKvkBranch',
  rsin: 'optionsKindRsin',
  kbo: 'optionsKindKbo',
  'kbo-establishment': 'optionsKindKboEstablishment',
  vat: 'optionsKindVat',
};

/** The detection section. */
export function DetectionSection(props: { preferences: Preferences }) {
  const { detect } = props.preferences;
  // The chosen radio shows at once; the stored value confirms it.
  const [lookupTrigger, setLookupTrigger] = useState(props.preferences.lookupTrigger);
  useEffect(() => setLookupTrigger(props.preferences.lookupTrigger), [props.preferences.lookupTrigger]);
  const setTrigger = (trigger: Preferences['lookupTrigger']) => {
    setLookupTrigger(trigger);
    void updatePreferences((p) => ({ ...p, lookupTrigger: trigger }));
  };
  return (
    <section aria-labelledby="detection-heading">
      <h2 id="detection-heading">{t('optionsDetectionHeading')}</h2>
      <fieldset>
        <legend>{t('optionsDetectionKinds')}</legend>
        {IDENTIFIER_KINDS.map((kind) => (
          <Switch
            key={kind}
            id={`detect-${kind}`}
            checked={detect[kind]}
            onChange={(on) => void updatePreferences((p) => ({ ...p, detect: { ...p.detect, [kind]: on } }))}
          >
            {t(KIND_KEYS[kind])}
          </Switch>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('optionsTriggerLegend')}</legend>
        <div class="cl-radio">
          <input
            type="radio"
            id="trigger-hover"
            name="trigger"
            checked={lookupTrigger === 'hover'}
            onChange={() => setTrigger('hover')}
          />
          <label for="trigger-hover">{t('optionsTriggerHover')}</label>
        </div>
        <div class="cl-radio">
          <input
            type="radio"
            id="trigger-click"
            name="trigger"
            aria-describedby="trigger-click-hint"
            checked={lookupTrigger === 'click'}
            onChange={() => setTrigger('click')}
          />
          <label for="trigger-click">{t('optionsTriggerClick')}</label>
          <p class="cl-hint" id="trigger-click-hint">
            {t('optionsTriggerClickHint')}
          </p>
        </div>
      </fieldset>
    </section>
  );
}
