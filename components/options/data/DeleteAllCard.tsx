import { useState } from 'react';
import { DELETE_ALL_CONFIRMATIONS, type DeleteAllDataRequest } from '@/lib/data-transfer/types';
import { DATA_STORES } from '@/lib/data-transfer/format';
import { t, uiLanguage } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import { errorText } from '@/lib/error-text';
import { formatCount } from './text';

type Confirmation = DeleteAllDataRequest['confirmation'];

function asConfirmation(typed: string): Confirmation | undefined {
  const word = typed.trim();
  return DELETE_ALL_CONFIRMATIONS.find((candidate) => candidate === word);
}

/** Deletes every row of every store, after the rep types the confirmation word. */
export function DeleteAllCard() {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const locale = uiLanguage();
  const confirmation = asConfirmation(typed);

  const deleteAll = async () => {
    if (!confirmation) return;
    setBusy(true);
    setNotice(null);
    try {
      const deleted = await sendMessage('deleteAllData', { confirmation });
      const rows = DATA_STORES.reduce((sum, store) => sum + deleted[store], 0);
      setNotice({ kind: 'ok', text: t('dataDeletedAll', formatCount(rows, locale)) });
      setTyped('');
    } catch (error) {
      setNotice({ kind: 'error', text: t('dataActionFailed', errorText(error)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="ds-card ds-data-card ds-data-danger-zone"
      aria-labelledby="ds-data-delete-all-heading"
    >
      <h3 id="ds-data-delete-all-heading">{t('dataDeleteAllHeading')}</h3>
      <p className="ds-data-hint" id="ds-data-delete-all-hint">
        {t('dataDeleteAllHint')}
      </p>
      <form
        className="ds-data-fields"
        onSubmit={(event) => {
          event.preventDefault();
          void deleteAll();
        }}
      >
        <div className="ds-data-field">
          <label className="ds-label" htmlFor="ds-data-delete-all-word">
            {t('dataDeleteAllLabel', t('dataDeleteAllWord'))}
          </label>
          <input
            id="ds-data-delete-all-word"
            className="ds-input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            aria-describedby="ds-data-delete-all-hint"
            data-testid="delete-all-confirmation"
            onChange={(event) => setTyped(event.target.value)}
          />
        </div>
        <button
          type="submit"
          className="ds-data-danger"
          disabled={!confirmation || busy}
          data-testid="delete-all"
        >
          {t('dataDeleteAllButton')}
        </button>
      </form>
      <p
        className={notice?.kind === 'error' ? 'ds-error-text' : 'ds-status'}
        role={notice?.kind === 'error' ? 'alert' : 'status'}
        data-testid="delete-all-status"
      >
        {notice?.text ?? ''}
      </p>
    </section>
  );
}
