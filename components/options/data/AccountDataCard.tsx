import { useCallback, useEffect, useRef, useState } from 'react';
import type { DataAccount, DataAccountList } from '@/lib/data-transfer/types';
import { t, uiLanguage } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import { errorText } from '@/lib/error-text';
import { useBackgroundQuery } from '../../shared/useBackgroundQuery';
import { useSettledValue } from '../../shared/useSettledValue';
import { formatCount } from './text';

/** Typing pauses this long before the list is asked for again. */
const SEARCH_DELAY_MS = 150;

type Notice = { kind: 'ok'; text: string } | { kind: 'error'; text: string } | null;

function accountLabel(account: DataAccount): string {
  return account.displayName ? `${account.displayName} (${account.displayKey})` : account.displayKey;
}

/** The account picker's list, asked for again as the rep types and whenever data changes. */
function useAccountList(query: string): { list: DataAccountList | null; failed: string | null } {
  const searched = useSettledValue(query, SEARCH_DELAY_MS);
  const { result, latest } = useBackgroundQuery(
    'listDataAccounts',
    { query: searched },
    { refreshOn: { dataChanged: true }, settleMs: SEARCH_DELAY_MS },
  );
  return { list: latest ?? null, failed: result.status === 'error' ? result.message : null };
}

/** Pick one account: copy its notes as Markdown, or delete everything recorded about it. */
export function AccountDataCard() {
  const [query, setQuery] = useState('');
  const { list, failed } = useAccountList(query);
  const [chosenKey, setChosenKey] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [markdown, setMarkdown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const fallback = useRef<HTMLTextAreaElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const locale = uiLanguage();

  const accounts = list?.accounts ?? [];
  // The choice follows the list: a filtered-out or deleted account gives way to the first match.
  const chosen = accounts.find((account) => account.key === chosenKey) ?? accounts[0];

  useEffect(() => {
    if (markdown !== null) fallback.current?.select();
  }, [markdown]);

  const copy = useCallback(async () => {
    if (!chosen) return;
    setBusy(true);
    setNotice(null);
    setMarkdown(null);
    try {
      const result = await sendMessage('accountNotesMarkdown', { accountKey: chosen.key, locale });
      const parts = [t('dataCopied', [formatCount(result.noteCount, locale), accountLabel(chosen)])];
      if (result.omittedNotes > 0)
        parts.push(t('dataCopiedOmitted', formatCount(result.omittedNotes, locale)));
      try {
        await navigator.clipboard.writeText(result.markdown);
        setNotice({ kind: 'ok', text: parts.join(' ') });
      } catch {
        // No clipboard (permission, focus): the text is shown selected, ready for Ctrl+C.
        setMarkdown(result.markdown);
        setNotice({ kind: 'error', text: t('dataCopyFailed') });
      }
    } catch (error) {
      setNotice({ kind: 'error', text: t('dataActionFailed', errorText(error)) });
    } finally {
      setBusy(false);
    }
  }, [chosen, locale]);

  const askToDelete = () => {
    setNotice(null);
    dialog.current?.showModal();
    // Cancel takes the focus: Enter on a dialog not yet read must not delete.
    cancelButton.current?.focus();
  };

  const confirmDelete = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      const deleted = await sendMessage('deleteAccountData', { accountKey: chosen.key });
      setNotice({
        kind: 'ok',
        text: t('dataDeletedAccount', [
          accountLabel(chosen),
          formatCount(deleted.notes, locale),
          formatCount(deleted.followUps, locale),
          formatCount(deleted.contacts, locale),
        ]),
      });
      setMarkdown(null);
    } catch (error) {
      setNotice({ kind: 'error', text: t('dataActionFailed', errorText(error)) });
    } finally {
      setBusy(false);
      dialog.current?.close();
    }
  };

  const emptyText =
    list && accounts.length === 0 ? (query ? t('dataAccountNoMatch') : t('dataAccountNone')) : '';

  return (
    <section className="ds-card ds-data-card" aria-labelledby="ds-data-account-heading">
      <h3 id="ds-data-account-heading">{t('dataAccountHeading')}</h3>
      <p className="ds-data-hint">{t('dataAccountHint')}</p>
      <div className="ds-data-fields">
        <div className="ds-data-field">
          <label className="ds-label" htmlFor="ds-data-account-search">
            {t('dataAccountSearchLabel')}
          </label>
          <input
            id="ds-data-account-search"
            className="ds-input"
            type="search"
            value={query}
            placeholder={t('dataAccountSearchPlaceholder')}
            data-testid="data-account-search"
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <div className="ds-data-field">
          <label className="ds-label" htmlFor="ds-data-account-select">
            {t('dataAccountSelectLabel')}
          </label>
          <select
            id="ds-data-account-select"
            className="ds-select"
            value={chosen?.key ?? ''}
            disabled={accounts.length === 0}
            data-testid="data-account-select"
            aria-describedby="ds-data-account-count"
            onChange={(event) => setChosenKey(event.target.value)}
          >
            {accounts.map((account) => (
              <option key={account.key} value={account.key}>
                {accountLabel(account)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id="ds-data-account-count" className="ds-data-hint" data-testid="data-account-count">
        {emptyText ||
          (list && list.total > accounts.length
            ? t('dataAccountMore', [formatCount(accounts.length, locale), formatCount(list.total, locale)])
            : '')}
      </p>
      {failed && (
        <p className="ds-error-text" role="alert">
          {t('dataActionFailed', failed)}
        </p>
      )}
      <div className="ds-row">
        <button
          type="button"
          className="ds-button"
          data-testid="copy-notes-markdown"
          disabled={!chosen || busy}
          onClick={() => void copy()}
        >
          {t('dataCopyMarkdown')}
        </button>
        <button
          type="button"
          className="ds-data-danger"
          data-testid="delete-account-data"
          disabled={!chosen || busy}
          onClick={askToDelete}
        >
          {t('dataDeleteAccount')}
        </button>
      </div>
      <p
        className={notice?.kind === 'error' ? 'ds-error-text' : 'ds-status'}
        role={notice?.kind === 'error' ? 'alert' : 'status'}
        data-testid="account-data-status"
      >
        {notice?.text ?? ''}
      </p>
      {markdown !== null && (
        <>
          <label className="ds-label" htmlFor="ds-data-markdown">
            {t('dataMarkdownLabel')}
          </label>
          <textarea
            id="ds-data-markdown"
            ref={fallback}
            className="ds-editor"
            readOnly
            value={markdown}
            rows={8}
          />
        </>
      )}
      <dialog
        ref={dialog}
        className="ds-data-dialog"
        aria-labelledby="ds-data-delete-title"
        aria-describedby="ds-data-delete-body"
        data-testid="delete-account-dialog"
      >
        {chosen && (
          <>
            <h4 id="ds-data-delete-title">{t('dataDeleteAccountTitle', accountLabel(chosen))}</h4>
            <p id="ds-data-delete-body">{t('dataDeleteAccountBody', accountLabel(chosen))}</p>
            <div className="ds-row ds-data-dialog-actions">
              <button
                ref={cancelButton}
                type="button"
                className="ds-data-secondary"
                onClick={() => dialog.current?.close()}
              >
                {t('dataCancel')}
              </button>
              <button
                type="button"
                className="ds-data-danger"
                data-testid="delete-account-confirm"
                disabled={busy}
                onClick={() => void confirmDelete()}
              >
                {t('dataDeleteAccountConfirm', accountLabel(chosen))}
              </button>
            </div>
          </>
        )}
      </dialog>
    </section>
  );
}
