import { useId, useState } from 'react';
import { displayAccountKey } from '@/lib/contact/account-key';
import { displayEmail } from '@/lib/contact/email';
import { t } from '@/lib/i18n';
import type { SettingsPatch, SettingsView } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/settings/schema';
import { MAX_OWN_DOMAINS, MAX_OWN_EMAILS, parseOwnDomain, parseOwnEmail } from '@/lib/settings/validate';
import { Field } from '../shared/Field';
import { LoadError, Loading } from '../shared/LoadError';
import { AccountAliases } from './settings/AccountAliases';
import { CustomSites } from './settings/CustomSites';
import { ListSetting, type Parsed } from './settings/ListSetting';
import { RemindersSetting } from './settings/RemindersSetting';
import { SenderNameSetting } from './settings/SenderNameSetting';
import { TouchesSetting } from './settings/TouchesSetting';
import { WeekendSetting } from './settings/WeekendSetting';
import { useSettings } from './settings/useSettings';
// Buttons, fields and confirmations share the playbook editor's look.
import './playbook-editor.css';
import './settings-section.css';

const LANGUAGES: readonly { value: Settings['language']; label: () => string }[] = [
  { value: 'auto', label: () => t('setLanguageAuto') },
  { value: 'en', label: () => t('setLanguageEnglish') },
  { value: 'zh-CN', label: () => t('setLanguageChinese') },
];

function parseEmail(raw: string): Parsed {
  const email = parseOwnEmail(raw);
  return email ? { ok: true, value: email } : { ok: false, message: t('setEmailInvalid') };
}

function parseDomain(raw: string): Parsed {
  const parsed = parseOwnDomain(raw);
  if (parsed.ok) return { ok: true, value: parsed.domain };
  return {
    ok: false,
    message: parsed.problem === 'freemail' ? t('setDomainFreemail') : t('setDomainInvalid'),
  };
}

function LanguageSetting({
  view,
  save,
}: {
  view: SettingsView;
  save: (patch: SettingsPatch) => Promise<string | null>;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="ds-set-block">
      <Field label={t('setLanguage')} labelClassName="ds-set-label" error={error} describedBy={`${id}-hint`}>
        {(control) => (
          <>
            <select
              {...control}
              className="ds-select ds-set-select"
              value={view.settings.language}
              data-testid="settings-language"
              onChange={(event) =>
                void save({ language: event.target.value as Settings['language'] }).then((failure) =>
                  setError(failure ? t('setSaveFailed', failure) : null),
                )
              }
            >
              {LANGUAGES.map((language) => (
                <option
                  key={language.value}
                  value={language.value}
                  lang={language.value === 'auto' ? undefined : language.value}
                >
                  {language.label()}
                </option>
              ))}
            </select>
            <p id={`${id}-hint`} className="ds-muted ds-small">
              {t('setLanguageHint')}
            </p>
          </>
        )}
      </Field>
    </div>
  );
}

function SupportedSites({
  view,
  save,
}: {
  view: SettingsView;
  save: (patch: SettingsPatch) => Promise<string | null>;
}) {
  const id = useId();
  const [status, setStatus] = useState('');
  const disabled = new Set(view.settings.disabledSites);

  async function toggle(siteId: string, name: string, on: boolean) {
    const next = new Set(disabled);
    if (on) next.delete(siteId);
    else next.add(siteId);
    const failure = await save({ disabledSites: [...next] });
    setStatus(failure ? t('setSaveFailed', failure) : t(on ? 'setSiteOn' : 'setSiteOff', name));
  }

  return (
    <fieldset className="ds-set-block ds-set-sites" data-testid="supported-sites">
      <legend id={`${id}-title`} className="ds-set-legend">
        {t('setSitesHeading')}
      </legend>
      <p className="ds-muted ds-small">{t('setSitesHint')}</p>
      <ul className="ds-set-switches">
        {view.sites.map((site) => (
          <li key={site.id}>
            <label className="ds-pb-check">
              <input
                type="checkbox"
                role="switch"
                checked={!disabled.has(site.id)}
                data-testid="site-switch"
                data-site-id={site.id}
                onChange={(event) => void toggle(site.id, site.name, event.target.checked)}
              />
              <span>{site.name}</span>
            </label>
          </li>
        ))}
      </ul>
      <p className="ds-status" role="status">
        {status}
      </p>
    </fieldset>
  );
}

/**
 * Settings: the interface language, where Dealside works (built-in sites on or off, the rep's own CRM
 * hosts), who counts as "us" (the rep's addresses and company domains, never a contact), account merges
 * and aliases, reminders, the weekend and touch recording. Each change is saved as it is made; the background checks it again.
 */
export function SettingsSection() {
  const headingId = useId();
  const { view, loadError, save, adopt, reload } = useSettings();

  if (!view) {
    return (
      <section
        className="ds-card ds-set"
        aria-labelledby={headingId}
        aria-busy="true"
        data-testid="settings-section"
      >
        <h2 id={headingId}>{t('setHeading')}</h2>
        {loadError ? <LoadError message={t('setLoadFailed', loadError)} onRetry={reload} /> : <Loading />}
      </section>
    );
  }

  return (
    <section className="ds-card ds-set" aria-labelledby={headingId} data-testid="settings-section">
      <h2 id={headingId}>{t('setHeading')}</h2>

      <section className="ds-set-part" aria-labelledby={`${headingId}-language`}>
        <h3 id={`${headingId}-language`}>{t('setLanguageHeading')}</h3>
        <LanguageSetting view={view} save={save} />
      </section>

      <section className="ds-set-part" aria-labelledby={`${headingId}-sites`}>
        <h3 id={`${headingId}-sites`}>{t('setWhereHeading')}</h3>
        <SupportedSites view={view} save={save} />
        <CustomSites view={view} adopt={adopt} />
      </section>

      <section className="ds-set-part" aria-labelledby={`${headingId}-you`}>
        <h3 id={`${headingId}-you`}>{t('setYouHeading')}</h3>
        <p className="ds-muted ds-small">{t('setYouHint')}</p>
        <SenderNameSetting view={view} save={save} />
        <div className="ds-set-columns">
          <ListSetting
            title={t('setEmailsHeading')}
            hint={t('setEmailsHint')}
            inputLabel={t('setEmailInputLabel')}
            placeholder={t('setEmailPlaceholder')}
            items={view.settings.ownEmails}
            max={MAX_OWN_EMAILS}
            parse={parseEmail}
            onSave={(ownEmails) => save({ ownEmails })}
            testId="own-emails"
            display={displayEmail}
          />
          <ListSetting
            title={t('setDomainsHeading')}
            hint={t('setDomainsHint')}
            inputLabel={t('setDomainInputLabel')}
            placeholder={t('setDomainPlaceholder')}
            items={view.settings.ownDomains}
            max={MAX_OWN_DOMAINS}
            parse={parseDomain}
            onSave={(ownDomains) => save({ ownDomains })}
            testId="own-domains"
            display={displayAccountKey}
          />
        </div>
      </section>

      <section className="ds-set-part" aria-labelledby={`${headingId}-accounts`}>
        <h3 id={`${headingId}-accounts`}>{t('setAccountsHeading')}</h3>
        <AccountAliases view={view} adopt={adopt} save={(accountAliases) => save({ accountAliases })} />
      </section>

      <section className="ds-set-part" aria-labelledby={`${headingId}-reminders`}>
        <h3 id={`${headingId}-reminders`}>{t('setRemindersHeading')}</h3>
        <RemindersSetting view={view} save={save} />
      </section>

      <section className="ds-set-part" aria-labelledby={`${headingId}-weekend`}>
        <h3 id={`${headingId}-weekend`}>{t('setWeekendHeading')}</h3>
        <WeekendSetting view={view} save={save} />
      </section>

      <section className="ds-set-part" aria-labelledby={`${headingId}-touches`}>
        <h3 id={`${headingId}-touches`}>{t('setTouchesHeading')}</h3>
        <TouchesSetting view={view} save={save} />
      </section>
    </section>
  );
}
