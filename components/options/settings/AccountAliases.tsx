import { useId, useState, type FormEvent } from 'react';
import { displayAccountKey } from '@/lib/contact/account-key';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { MergeAccountsResult, SettingsView } from '@/lib/messaging/protocol';
import { parseAccountKeyInput } from '@/lib/settings/validate';
import { errorText } from '@/lib/error-text';

function failureText(result: Extract<MergeAccountsResult, { ok: false }>): string {
  if (result.reason === 'invalid-from') return t('setMergeInvalidFrom');
  if (result.reason === 'invalid-into') return t('setMergeInvalidInto');
  return t('setMergeSame');
}

/**
 * Account merges and domain aliases. Merging moves everything recorded for one account to another (after
 * the rep confirms) and keeps the old key as an alias, so what arrives later lands in the right place.
 * Removing an alias only stops the redirect: the moved history stays where it went.
 */
export function AccountAliases({
  view,
  adopt,
  save,
}: {
  view: SettingsView;
  adopt: (view: SettingsView) => void;
  save: (aliases: Record<string, string>) => Promise<string | null>;
}) {
  const id = useId();
  const [from, setFrom] = useState('');
  const [into, setInto] = useState('');
  const [pending, setPending] = useState<{ from: string; into: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const aliases = Object.entries(view.settings.accountAliases);

  function check(event: FormEvent) {
    event.preventDefault();
    const fromKey = parseAccountKeyInput(from);
    const intoKey = parseAccountKeyInput(into);
    if (!fromKey) return setError(t('setMergeInvalidFrom'));
    if (!intoKey) return setError(t('setMergeInvalidInto'));
    if (fromKey === intoKey) return setError(t('setMergeSame'));
    setError(null);
    setPending({ from: fromKey, into: intoKey });
  }

  async function merge() {
    if (!pending) return;
    try {
      const result = await sendMessage('mergeAccounts', pending);
      setPending(null);
      if (!result.ok) {
        setError(failureText(result));
        return;
      }
      adopt(result.view);
      setFrom('');
      setInto('');
      setStatus(
        t('setMergeDone', [
          displayAccountKey(result.from),
          displayAccountKey(result.into),
          String(result.moved.notes),
          String(result.moved.followUps),
          String(result.moved.contacts),
        ]),
      );
    } catch (failure) {
      setPending(null);
      setError(t('setSaveFailed', errorText(failure)));
    }
  }

  async function removeAlias(key: string) {
    const next = Object.fromEntries(aliases.filter(([candidate]) => candidate !== key));
    const failure = await save(next);
    setStatus(failure ? t('setSaveFailed', failure) : t('setAliasRemoved', displayAccountKey(key)));
  }

  return (
    <div className="ds-set-block" data-testid="account-aliases">
      <h4 id={`${id}-title`}>{t('setMergeHeading')}</h4>
      <p className="ds-muted ds-small">{t('setMergeHint')}</p>
      <form className="ds-set-merge" onSubmit={check}>
        <div className="ds-pb-field">
          <label htmlFor={`${id}-from`} className="ds-label">
            {t('setMergeFrom')}
          </label>
          <input
            id={`${id}-from`}
            className="ds-input"
            value={from}
            placeholder={t('setMergeFromPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            data-testid="merge-from"
            onChange={(event) => {
              setFrom(event.target.value);
              setPending(null);
            }}
          />
        </div>
        <div className="ds-pb-field">
          <label htmlFor={`${id}-into`} className="ds-label">
            {t('setMergeInto')}
          </label>
          <input
            id={`${id}-into`}
            className="ds-input"
            value={into}
            placeholder={t('setMergeIntoPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            data-testid="merge-into"
            onChange={(event) => {
              setInto(event.target.value);
              setPending(null);
            }}
          />
        </div>
        <button type="submit" className="ds-button" data-testid="merge-check">
          {t('setMergeButton')}
        </button>
      </form>
      {pending ? (
        <div className="ds-pb-confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            {t('setMergeConfirmText', [displayAccountKey(pending.from), displayAccountKey(pending.into)])}
          </p>
          <div className="ds-row">
            <button
              type="button"
              className="ds-button"
              data-testid="merge-confirm"
              onClick={() => void merge()}
            >
              {t('setMergeConfirm')}
            </button>
            <button type="button" className="ds-pb-button" onClick={() => setPending(null)}>
              {t('pbCancel')}
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p className="ds-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <p className="ds-status" role="status" data-testid="merge-status">
        {status}
      </p>
      {aliases.length > 0 ? (
        <>
          <h5 className="ds-set-subheading">{t('setAliasesHeading')}</h5>
          <ul className="ds-set-rows">
            {aliases.map(([key, target]) => (
              <li key={key} className="ds-set-row" data-testid="alias-item" data-from={key}>
                <span className="ds-set-host">
                  {t('setAliasLine', [displayAccountKey(key), displayAccountKey(target)])}
                </span>
                <button
                  type="button"
                  className="ds-pb-button"
                  aria-label={t('setAliasRemoveNamed', displayAccountKey(key))}
                  onClick={() => void removeAlias(key)}
                >
                  {t('setAliasRemove')}
                </button>
              </li>
            ))}
          </ul>
          <p className="ds-muted ds-small">{t('setAliasRemoveHint')}</p>
        </>
      ) : null}
    </div>
  );
}
