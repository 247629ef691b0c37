import { useId, useMemo, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { AddCustomSiteResult, SettingsView } from '@/lib/messaging/protocol';
import {
  customSiteMatchPattern,
  parseCustomSiteHost,
  type CustomSiteProblem,
} from '@/lib/settings/custom-sites';
import { allSiteMatches } from '@/lib/sites/registry';
import { errorText } from '@/lib/error-text';

type Problem = CustomSiteProblem | Extract<AddCustomSiteResult, { ok: false }>['reason'];

export function customSiteProblemText(problem: Problem, host: string, detail?: string): string {
  switch (problem) {
    case 'empty':
      return t('setSiteEmpty');
    case 'not-https':
      return t('setSiteNotHttps');
    case 'port':
      return t('setSitePort');
    case 'wildcard':
      return t('setSiteWildcard');
    case 'invalid':
      return t('setSiteInvalid');
    case 'too-broad':
      return t('setSiteTooBroad');
    case 'supported':
      return t('setSiteSupported');
    case 'duplicate':
      return t('setSiteDuplicate', host);
    case 'too-many':
      return t('setSiteTooMany');
    case 'permission-missing':
      return t('setSiteDenied', host);
    case 'registration-failed':
      return t('setSiteRegistrationFailed', detail ?? '');
  }
}

/**
 * CRM sites the rep adds by host. The host permission is asked for in the click itself (browsers show
 * the prompt only during a user action); the background then checks the grant and registers the generic
 * content script there. Removing a site unregisters it and gives the permission back.
 */
export function CustomSites({ view, adopt }: { view: SettingsView; adopt: (view: SettingsView) => void }) {
  const id = useId();
  const supportedPatterns = useMemo(() => allSiteMatches(), []);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  /** Asks for the host permission, then has the background register the site. Call only from a click. */
  function grantAndAdd(host: string, onAdded: () => void) {
    // Requested before any await: the prompt needs the click's user activation.
    const granted = browser.permissions.request({ origins: [customSiteMatchPattern(host)] });
    setBusy(true);
    setError(null);
    setStatus(t('setSiteAsking', host));
    granted
      .then(async (ok) => {
        if (!ok) {
          setStatus('');
          setError(t('setSiteDenied', host));
          return;
        }
        const result = await sendMessage('addCustomSite', { host });
        if (!result.ok) {
          setStatus('');
          setError(customSiteProblemText(result.reason, host, result.detail));
          return;
        }
        adopt(result.view);
        onAdded();
        setStatus(t('setSiteAdded', host));
      })
      .catch((failure: unknown) => {
        setStatus('');
        setError(t('setSaveFailed', errorText(failure)));
      })
      .finally(() => setBusy(false));
  }

  function add(event: FormEvent) {
    event.preventDefault();
    const parsed = parseCustomSiteHost(value, { supportedPatterns, existing: view.settings.customSites });
    if (!parsed.ok) {
      setError(customSiteProblemText(parsed.problem, value.trim()));
      return;
    }
    grantAndAdd(parsed.host, () => setValue(''));
  }

  async function remove(host: string) {
    setBusy(true);
    try {
      adopt(await sendMessage('removeCustomSite', { host }));
      setStatus(t('setSiteRemoved', host));
    } catch (failure) {
      setError(t('setSaveFailed', errorText(failure)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="ds-set-block" data-testid="custom-sites">
      <h4 id={`${id}-title`}>{t('setSitesCustomHeading')}</h4>
      <p className="ds-muted ds-small">{t('setSitesCustomHint')}</p>
      {view.customSites.length > 0 ? (
        <ul className="ds-set-rows" aria-labelledby={`${id}-title`}>
          {view.customSites.map((site) => (
            <li key={site.host} className="ds-set-row" data-testid="custom-site" data-host={site.host}>
              <span className="ds-set-host">{site.host}</span>
              <span className={site.granted && site.registered ? 'ds-set-ok' : 'ds-set-warn'}>
                {site.granted && site.registered ? t('setSiteActive') : t('setSiteNeedsPermission')}
              </span>
              {site.granted && site.registered ? null : (
                <button
                  type="button"
                  className="ds-pb-button"
                  disabled={busy}
                  onClick={() => grantAndAdd(site.host, () => undefined)}
                >
                  {t('setSiteAllowAgain')}
                </button>
              )}
              <button
                type="button"
                className="ds-pb-button"
                disabled={busy}
                aria-label={t('setRemoveNamed', site.host)}
                data-testid="custom-site-remove"
                onClick={() => void remove(site.host)}
              >
                {t('setRemove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="ds-muted ds-small">{t('setSitesCustomNone')}</p>
      )}
      <form className="ds-row" onSubmit={add}>
        <label htmlFor={`${id}-input`} className="ds-visually-hidden">
          {t('setSiteInputLabel')}
        </label>
        <input
          id={`${id}-input`}
          className="ds-input"
          value={value}
          placeholder={t('setSitePlaceholder')}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid="custom-site-input"
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="ds-button" disabled={busy} data-testid="custom-site-add">
          {t('setSiteAdd')}
        </button>
      </form>
      {error ? (
        <p id={`${id}-error`} className="ds-error-text" role="alert" data-testid="custom-site-error">
          {error}
        </p>
      ) : null}
      <p className="ds-status" role="status" data-testid="custom-site-status">
        {status}
      </p>
    </div>
  );
}
