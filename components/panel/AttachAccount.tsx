import { useEffect, useId, useRef, useState } from 'react';
import type { DataAccountList } from '@/lib/data-transfer/types';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { PanelState } from '@/lib/messaging/protocol';
import { errorText } from '@/lib/error-text';

/** Results listed at once: the panel is narrow, and typing more narrows the search. */
export const ATTACH_RESULTS_LIMIT = 8;
/** Typing pauses this long before the search runs, so each keystroke does not query the database. */
const SEARCH_DELAY_MS = 150;

type Search =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; query: string; list: DataAccountList }
  | { status: 'failed'; message: string };

/**
 * Attaches this page to an existing account, found by name, domain or address (the same search the
 * options page uses for merges). The attachment sticks to this page's address. Nothing typed is lost:
 * a failed search or attachment leaves the query and its results in place.
 */
export function AttachAccount({ state }: { state: PanelState }) {
  const inputId = useId();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [attachError, setAttachError] = useState<string>();
  const searchSeq = useRef(0);
  const tabId = state.tabId ?? undefined;

  useEffect(() => {
    const trimmed = query.trim();
    const seq = ++searchSeq.current;
    if (trimmed === '') {
      setSearch({ status: 'idle' });
      return;
    }
    setSearch({ status: 'searching' });
    const timer = setTimeout(() => {
      sendMessage('listDataAccounts', { query: trimmed, limit: ATTACH_RESULTS_LIMIT })
        .then((list) => {
          if (seq === searchSeq.current) setSearch({ status: 'done', query: trimmed, list });
        })
        .catch((error: unknown) => {
          if (seq === searchSeq.current) setSearch({ status: 'failed', message: errorText(error) });
        });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  async function attach(accountKey: string) {
    setAttachError(undefined);
    try {
      const result = await sendMessage('attachAccount', {
        ...(tabId !== undefined ? { tabId } : {}),
        accountKey,
      });
      if (!result.ok) {
        setAttachError(t(result.reason === 'unknown-account' ? 'attachUnknownAccount' : 'attachNoPage'));
      }
    } catch (failure) {
      setAttachError(t('attachFailed', errorText(failure)));
    }
  }

  const statusId = `${inputId}-status`;
  return (
    <div className="ds-attach">
      <h3 className="ds-subheading">{t('attachHeading')}</h3>
      <label htmlFor={inputId} className="ds-label">
        {t('attachSearchLabel')}
      </label>
      <input
        id={inputId}
        type="search"
        className="ds-input ds-attach-input"
        data-testid="attach-account"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder={t('attachSearchPlaceholder')}
        aria-describedby={statusId}
        autoComplete="off"
        maxLength={320}
      />
      {search.status === 'done' && search.list.accounts.length > 0 ? (
        <ul className="ds-people ds-attach-results" aria-label={t('attachHeading')}>
          {search.list.accounts.map((account) => (
            <li key={account.key}>
              <button
                type="button"
                className="ds-person"
                data-testid="attach-result"
                data-account-key={account.key}
                onClick={() => void attach(account.key)}
              >
                <span className="ds-person-name">{account.displayName ?? account.displayKey}</span>
                {account.displayName ? (
                  <span className="ds-muted ds-person-email">{account.displayKey}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p id={statusId} className="ds-muted ds-small" role="status">
        {searchStatusText(search)}
      </p>
      {search.status === 'failed' ? (
        <p className="ds-error-text" role="alert">
          {t('attachSearchFailed', search.message)}
        </p>
      ) : null}
      {attachError ? (
        <p className="ds-error-text" role="alert">
          {attachError}
        </p>
      ) : null}
    </div>
  );
}

function searchStatusText(search: Search): string {
  if (search.status === 'searching') return t('attachSearching');
  if (search.status !== 'done') return '';
  const { accounts, total } = search.list;
  if (accounts.length === 0) return t('attachNoMatch', search.query);
  if (total > accounts.length) return t('attachMoreResults', [String(accounts.length), String(total)]);
  return '';
}
