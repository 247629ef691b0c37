import { useState } from 'react';
import { errorText } from '@/lib/error-text';
import { t, uiLanguage } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import { Loading } from '../../shared/LoadError';
import { useBackgroundQuery } from '../../shared/useBackgroundQuery';
import { formatCount } from './text';

/**
 * "Touches": how many threads and records the rep's opening has recorded, and deleting all of them after
 * a confirmation. The accounts' notes, follow-ups and stages stay.
 */
export function TouchesCard() {
  // New touches arrive while the rep works in other tabs: counted again on every change and on return.
  const { result, latest, set } = useBackgroundQuery(
    'countTouches',
    {},
    { refreshOn: { dataChanged: (event) => !event.notesOnly }, refreshOnShow: true },
  );
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const locale = uiLanguage();
  const count = latest?.count;

  const deleteAll = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const deleted = await sendMessage('deleteAllTouches', {});
      set({ count: 0 });
      setNotice({ kind: 'ok', text: t('touchesDeleted', formatCount(deleted.count, locale)) });
    } catch (error) {
      setNotice({ kind: 'error', text: t('touchesDeleteFailed', errorText(error)) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <section
      className="ds-card ds-data-card"
      aria-labelledby="ds-data-touches-heading"
      data-testid="touches-card"
    >
      <h3 id="ds-data-touches-heading">{t('touchesCardHeading')}</h3>
      <p className="ds-data-hint">{t('touchesCardIntro')}</p>
      {count === undefined ? (
        result.status === 'error' ? (
          <p className="ds-error-text" role="alert">
            {t('touchesLoadFailed', result.message)}
          </p>
        ) : (
          <Loading />
        )
      ) : (
        <p data-testid="touches-count" data-count={count}>
          {t('touchesCount', formatCount(count, locale))}
        </p>
      )}
      {confirming && count !== undefined ? (
        <div className="ds-row" role="group" aria-labelledby="ds-data-touches-confirm">
          <p id="ds-data-touches-confirm">{t('touchesDeleteConfirm', formatCount(count, locale))}</p>
          <button
            type="button"
            className="ds-data-danger"
            disabled={busy}
            data-testid="touches-delete-confirm"
            onClick={() => void deleteAll()}
          >
            {t('touchesDeleteYes')}
          </button>
          <button
            type="button"
            className="ds-data-secondary"
            disabled={busy}
            onClick={() => setConfirming(false)}
          >
            {t('touchesDeleteCancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="ds-data-secondary"
          disabled={!count}
          data-testid="touches-delete"
          onClick={() => {
            setNotice(null);
            setConfirming(true);
          }}
        >
          {t('touchesDelete')}
        </button>
      )}
      <p
        className={notice?.kind === 'error' ? 'ds-error-text' : 'ds-status'}
        role={notice?.kind === 'error' ? 'alert' : 'status'}
        data-testid="touches-status"
      >
        {notice?.text ?? ''}
      </p>
    </section>
  );
}
