import { useState } from 'react';
import { t, uiLanguage, type MessageKey } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { ReadFailureView } from '@/lib/messaging/protocol';
import type { ReadProblem } from '@/lib/messaging/page-context';
import { errorText } from '@/lib/error-text';
import { Loading } from '../../shared/LoadError';
import { useBackgroundQuery } from '../../shared/useBackgroundQuery';
import { formatDateTime } from './text';

/**
 * The reason in plain words, from the same `readProblem_<code>` texts the panel shows. A code without a
 * text yet is shown as the code rather than as nothing.
 */
export function readProblemText(reason: ReadProblem): string {
  const key = `readProblem_${reason.replaceAll('-', '_')}` as MessageKey;
  const text = t(key);
  return text === key ? reason : text;
}

/** One failure as a line of plain text, what the rep pastes into a report. */
export function readFailureLine(failure: ReadFailureView, locale: string): string {
  return [
    t('readFailureSummary', [failure.siteName, readProblemText(failure.reason)]),
    failure.path,
    seenText(failure, locale),
  ].join(' — ');
}

function seenText(failure: ReadFailureView, locale: string): string {
  const when = formatDateTime(failure.lastAt, locale);
  return failure.count > 1 ? t('readFailureSeenTimes', [when, String(failure.count)]) : when;
}

/**
 * "Pages Dealside could not read": the last pages of supported sites that should have shown a customer,
 * with the site, what was missing, the page's path and when, so the rep can report them precisely. The
 * list lives in this browser only; clearing it forgets them.
 */
export function ReadFailuresCard() {
  // The rep comes back from the page that failed: show it without a reload.
  const {
    result,
    latest: failures,
    set,
  } = useBackgroundQuery('listReadFailures', {}, { refreshOnShow: true });
  /** A failed clear, said until the list is loaded again. */
  const [clearFailure, setClearFailure] = useState<{ message: string; list: ReadFailureView[] } | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const locale = uiLanguage();
  const loadError = result.status === 'error' ? t('readFailuresLoadFailed', result.message) : null;
  const clearError = clearFailure && clearFailure.list === failures ? clearFailure.message : null;

  const clear = async () => {
    if (!failures) return;
    setBusy(true);
    try {
      await sendMessage('clearReadFailures', {});
      set([]);
      setStatus(t('readFailuresCleared'));
    } catch (reason) {
      setClearFailure({ message: t('readFailuresClearFailed', errorText(reason)), list: failures });
    } finally {
      setBusy(false);
    }
  };

  const copy = async (failure: ReadFailureView) => {
    try {
      await navigator.clipboard.writeText(readFailureLine(failure, locale));
      setStatus(t('readFailureCopied'));
    } catch {
      setStatus(t('readFailureCopyFailed'));
    }
  };

  return (
    <section
      className="ds-card ds-data-card ds-read-failures"
      aria-labelledby="ds-read-failures-heading"
      data-testid="read-failures"
    >
      <h3 id="ds-read-failures-heading">{t('readFailuresHeading')}</h3>
      <p className="ds-data-hint">{t('readFailuresIntro')}</p>
      <p className="ds-data-hint">{t('readFailuresHowToReport')}</p>
      {failures === undefined ? (
        loadError ? null : (
          <Loading />
        )
      ) : failures.length === 0 ? (
        <p className="ds-muted" data-testid="read-failures-empty">
          {t('readFailuresEmpty')}
        </p>
      ) : (
        <ul className="ds-read-failure-list">
          {failures.map((failure) => (
            <li
              key={`${failure.site} ${failure.reason} ${failure.path}`}
              className="ds-read-failure"
              data-testid="read-failure"
              data-site={failure.site}
              data-reason={failure.reason}
            >
              <span className="ds-read-failure-text">
                <strong>
                  {t('readFailureSummary', [failure.siteName, readProblemText(failure.reason)])}
                </strong>
                {' — '}
                <code className="ds-read-failure-path">{failure.path}</code>
                {' — '}
                <time dateTime={new Date(failure.lastAt).toISOString()} className="ds-muted">
                  {seenText(failure, locale)}
                </time>
              </span>
              <button
                type="button"
                className="ds-data-secondary"
                aria-label={t('readFailureCopyNamed', failure.path)}
                onClick={() => void copy(failure)}
              >
                {t('readFailureCopy')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {failures !== undefined && failures.length > 0 ? (
        <div className="ds-row">
          <button
            type="button"
            className="ds-data-secondary"
            data-testid="read-failures-clear"
            disabled={busy}
            onClick={() => void clear()}
          >
            {t('readFailuresClear')}
          </button>
        </div>
      ) : null}
      <p className="ds-status" role="status">
        {status}
      </p>
      {loadError ? (
        <p className="ds-error-text" role="alert">
          {loadError}
        </p>
      ) : null}
      {clearError ? (
        <p className="ds-error-text" role="alert">
          {clearError}
        </p>
      ) : null}
    </section>
  );
}
