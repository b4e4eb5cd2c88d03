// Options: the sites where the extension never runs (the same list the popup's per-site switch edits).
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { siteFromInput } from '../../utils/options-input';
import type { Preferences } from '../../utils/settings/preferences';
import { updatePreferences } from '../../utils/settings/update';

/** The "never run on" section. */
export function SitesSection(props: { preferences: Preferences }) {
  const sites = props.preferences.disabledSites;
  const [input, setInput] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const add = async () => {
    const site = siteFromInput(input);
    if (!site) return setInvalid(true);
    await updatePreferences((p) => ({
      ...p,
      disabledSites: p.disabledSites.includes(site) ? p.disabledSites : [...p.disabledSites, site],
    }));
    setInput('');
    setAnnouncement(t('optionsSiteAdded', site));
  };
  const remove = async (site: string) => {
    await updatePreferences((p) => ({ ...p, disabledSites: p.disabledSites.filter((s) => s !== site) }));
    setAnnouncement(t('optionsSiteRemoved', site));
    document.getElementById('site-input')?.focus();
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('optionsSitesHeading')}</h2>
      <p class="cl-hint">{t('optionsSitesIntro')}</p>
      {sites.length ? (
        <ul class="cl-sites" aria-labelledby="sites-heading">
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" class="cl-secondary" onClick={() => void remove(site)}>
                {t('optionsSiteRemove', site)}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="cl-hint">{t('optionsSitesNone')}</p>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <div class="cl-field">
          <label for="site-input">{t('optionsSiteLabel')}</label>
          <div class="cl-inline">
            <input
              id="site-input"
              type="text"
              inputMode="url"
              autocomplete="off"
              spellcheck={false}
              placeholder="example.com"
              value={input}
              aria-invalid={invalid ? true : undefined}
              aria-describedby="site-input-state"
              onInput={(e) => {
                setInput((e.currentTarget as HTMLInputElement).value);
                setInvalid(false);
              }}
            />
            <button type="submit" disabled={!input.trim()}>
              {t('optionsSiteAdd')}
            </button>
          </div>
          <p id="site-input-state" class={invalid ? 'cl-bad' : 'cl-hint'} role="status" aria-live="polite">
            {invalid ? t('optionsSiteInvalid') : announcement}
          </p>
        </div>
      </form>
    </section>
  );
}
