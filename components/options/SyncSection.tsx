import { useId, useState, type FormEvent } from 'react';
import { errorText } from '@/lib/error-text';
import { t, uiLanguage } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { SyncServerSetup } from '@/lib/sync/types';
import { addressProblemText, testResultText } from '../shared/sync-text';
import { useSyncStatus } from '../shared/useSyncStatus';
import { requestServerAccess } from './sync/server-access';
import { SyncStatusLine } from './sync/SyncStatusLine';
// Buttons share the playbook editor's look.
import './playbook-editor.css';
import './sync-section.css';

/** How often the options page asks where sync stands while it is visible. */
export const SYNC_OPTIONS_POLL_MS = 2_000;

type Activity = 'idle' | 'asking' | 'testing' | 'starting' | 'stopping' | 'syncing';

/** The answer to the rep's last action, in one line. */
interface Outcome {
  tone: 'ok' | 'problem' | 'progress';
  text: string;
}

const PROGRESS: Partial<Record<Activity, () => string>> = {
  testing: () => t('syncTesting'),
  starting: () => t('syncStarting'),
  stopping: () => t('syncStopping'),
  syncing: () => t('syncNowRunning'),
};

/**
 * Sync with the rep's own CouchDB server: where it is, who they sign in as, a connection test, start
 * and stop, an exchange at once ("Sync now") while it is on, and where sync stands. The address is checked here before anything is asked; the host
 * permission is asked for that one origin in the click itself; the background does the rest. The
 * password is never shown back: the field starts empty, even when one is saved.
 */
export function SyncSection() {
  const id = useId();
  const locale = uiLanguage();
  const { status, loadError, refresh, set } = useSyncStatus(SYNC_OPTIONS_POLL_MS);
  const [url, setUrl] = useState('');
  const [database, setDatabase] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [activity, setActivity] = useState<Activity>('idle');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const on = status !== undefined && status.state !== 'off';
  const server: SyncServerSetup | undefined = on ? status.server : undefined;

  // The fields show the server sync is on with, when it first appears or changes; polling the same
  // server again leaves what the rep is typing alone.
  const serverKey = server ? JSON.stringify([server.url, server.database, server.username]) : null;
  const [shownServer, setShownServer] = useState<string | null>(null);
  if (server && serverKey !== shownServer) {
    setShownServer(serverKey);
    setUrl(server.url);
    setDatabase(server.database);
    setUsername(server.username);
  }

  /** Test or start: the address checked, access asked for (in the gesture), then the background. */
  function connect(action: 'test' | 'start') {
    const access = requestServerAccess(url, database);
    if (!access.ok) {
      setOutcome({ tone: 'problem', text: addressProblemText(access.problem) });
      return;
    }
    const request = { url: url.trim(), database: database.trim(), username: username.trim(), password };
    setActivity('asking');
    setOutcome({ tone: 'progress', text: t('syncAsking', access.host) });
    access.granted
      .then(async (granted) => {
        if (!granted) {
          setOutcome({ tone: 'problem', text: t('syncDenied', access.host) });
          return;
        }
        if (action === 'test') {
          setActivity('testing');
          setOutcome(null);
          const answer = await sendMessage('testSyncConnection', request);
          const connected = answer.kind === 'answer' && answer.outcome === 'connected';
          setOutcome({ tone: connected ? 'ok' : 'problem', text: testResultText(answer) });
          return;
        }
        setActivity('starting');
        setOutcome(null);
        const answer = await sendMessage('startSync', request);
        if (answer.kind !== 'started') {
          setOutcome({ tone: 'problem', text: testResultText(answer) });
          return;
        }
        set(answer.status);
        setPassword('');
        setOutcome({ tone: 'ok', text: t('syncStarted') });
        refresh();
      })
      .catch((failure: unknown) => {
        setOutcome({ tone: 'problem', text: t('syncActionFailed', errorText(failure)) });
      })
      .finally(() => setActivity('idle'));
  }

  async function stop() {
    setActivity('stopping');
    setOutcome(null);
    try {
      set(await sendMessage('stopSync', {}));
      setOutcome({ tone: 'ok', text: t('syncStopped') });
      refresh();
    } catch (failure) {
      setOutcome({ tone: 'problem', text: t('syncActionFailed', errorText(failure)) });
    } finally {
      setActivity('idle');
    }
  }

  /** One exchange with the server now; the status line shows where it left sync. */
  async function syncNow() {
    setActivity('syncing');
    setOutcome(null);
    try {
      const answer = await sendMessage('syncNow', {});
      set(answer);
      if (answer.state === 'up-to-date') setOutcome({ tone: 'ok', text: t('syncNowDone') });
      else if (answer.state === 'offline') setOutcome({ tone: 'problem', text: t('syncNowFailed') });
    } catch (failure) {
      setOutcome({ tone: 'problem', text: t('syncActionFailed', errorText(failure)) });
    } finally {
      setActivity('idle');
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    connect('start');
  }

  const busy = activity !== 'idle';
  const progress = PROGRESS[activity];
  const shownOutcome = progress ? { tone: 'progress', text: progress() } : outcome;

  return (
    <section className="ds-card ds-sync" aria-labelledby={`${id}-heading`} data-testid="sync-section">
      <h2 id={`${id}-heading`}>{t('syncHeading')}</h2>
      <p className="ds-sync-intro">{t('syncIntro')}</p>
      <p className="ds-sync-intro">{t('syncWhat')}</p>

      <SyncStatusLine status={status} loadError={loadError} locale={locale} />

      {/* The address is checked by checkSyncServer, in the rep's words, not by the browser's validation. */}
      <form className="ds-sync-form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <div className="ds-sync-fields">
          <div className="ds-sync-field ds-sync-field-wide">
            <label className="ds-label" htmlFor={`${id}-url`}>
              {t('syncUrlLabel')}
            </label>
            <input
              id={`${id}-url`}
              className="ds-input"
              type="url"
              inputMode="url"
              value={url}
              placeholder="https://couch.example.com"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${id}-url-hint`}
              data-testid="sync-url"
              onChange={(event) => setUrl(event.target.value)}
            />
            <p id={`${id}-url-hint`} className="ds-sync-hint">
              {t('syncUrlHint')}
            </p>
          </div>
          <div className="ds-sync-field">
            <label className="ds-label" htmlFor={`${id}-db`}>
              {t('syncDbLabel')}
            </label>
            <input
              id={`${id}-db`}
              className="ds-input"
              value={database}
              placeholder="dealside"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              data-testid="sync-db"
              onChange={(event) => setDatabase(event.target.value)}
            />
          </div>
          <div className="ds-sync-field">
            <label className="ds-label" htmlFor={`${id}-user`}>
              {t('syncUserLabel')}
            </label>
            <input
              id={`${id}-user`}
              className="ds-input"
              value={username}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              data-testid="sync-user"
              onChange={(event) => setUsername(event.target.value)}
            />
          </div>
          <div className="ds-sync-field">
            <label className="ds-label" htmlFor={`${id}-password`}>
              {t('syncPasswordLabel')}
            </label>
            <input
              id={`${id}-password`}
              className="ds-input"
              type="password"
              value={password}
              placeholder={on ? t('syncPasswordSaved') : undefined}
              autoComplete="new-password"
              aria-describedby={`${id}-password-hint`}
              data-testid="sync-password"
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
        </div>
        <p id={`${id}-password-hint`} className="ds-sync-hint">
          {t('syncPasswordNote')}
        </p>
        <div className="ds-sync-actions">
          <button
            type="button"
            className="ds-pb-button"
            disabled={busy}
            data-testid="sync-test"
            onClick={() => connect('test')}
          >
            {t('syncTest')}
          </button>
          <button type="submit" className="ds-button" disabled={busy} data-testid="sync-start">
            {t(on ? 'syncSave' : 'syncStart')}
          </button>
          {on ? (
            <button
              type="button"
              className="ds-pb-button"
              disabled={busy}
              aria-busy={activity === 'syncing' || undefined}
              data-testid="sync-now"
              onClick={() => void syncNow()}
            >
              {t('syncNow')}
            </button>
          ) : null}
          {on ? (
            <button
              type="button"
              className="ds-pb-button"
              disabled={busy}
              aria-describedby={`${id}-stop-hint`}
              data-testid="sync-stop"
              onClick={() => void stop()}
            >
              {t('syncStop')}
            </button>
          ) : null}
        </div>
        <p
          className={`ds-sync-result ds-sync-result-${shownOutcome?.tone ?? 'none'}`}
          role="status"
          data-testid="sync-test-result"
        >
          {shownOutcome?.text ?? ''}
        </p>
        <p id={`${id}-stop-hint`} className="ds-sync-hint">
          {t('syncStopNote')}
        </p>
      </form>
    </section>
  );
}
