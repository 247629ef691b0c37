/**
 * The team's playbook in the editor. While sync is on, the rep can publish their saved playbook to
 * everyone on the sync database (after a confirmation in words). A team playbook that came for a rep
 * who edited their own waits for their answer here: review it in the draft and save it, or keep theirs.
 */
import { useCallback, useState } from 'react';
import { errorText } from '@/lib/error-text';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { TeamPlaybookView } from '@/lib/sync/team-playbook';
import { formatSyncTime } from '../../shared/sync-text';
import { useBackgroundQuery } from '../../shared/useBackgroundQuery';
import { useSyncStatus } from '../../shared/useSyncStatus';

/** How often the editor asks whether sync is on (to offer publishing): it changes rarely. */
export const PLAYBOOK_SYNC_POLL_MS = 10_000;

export interface TeamPlaybook {
  /** What came from the team and what the rep did with it; null when nothing came (or not yet read). */
  view: TeamPlaybookView | null;
  /** Records the rep's answer and shows the state the background answers with. */
  settle(publishedAt: number, state: 'adopted' | 'kept-own'): Promise<void>;
  reload(): void;
}

/**
 * The team playbook as the background last received it, read again whenever the playbook changes
 * (a team playbook arriving announces itself that way) and when the page is shown again.
 */
export function useTeamPlaybook(): TeamPlaybook {
  const { latest, reload, set } = useBackgroundQuery(
    'getTeamPlaybook',
    {},
    { refreshOn: { playbookChanged: true, teamPlaybookChanged: true }, refreshOnShow: true },
  );
  const settle = useCallback(
    async (publishedAt: number, state: 'adopted' | 'kept-own') => {
      set(await sendMessage('settleTeamPlaybook', { publishedAt, state }));
    },
    [set],
  );
  return { view: latest ?? null, settle, reload };
}

type PublishResult =
  { kind: 'published'; at: number } | { kind: 'sync-off' } | { kind: 'failed'; message: string };

export interface PublishToTeam {
  /** Sync is on: there is a team to publish to. */
  available: boolean;
  /** The sync database everyone publishing reaches. */
  database: string;
  /** Unsaved changes: what would be published is not what the rep sees. */
  blocked: boolean;
  confirming: boolean;
  publishing: boolean;
  result: PublishResult | null;
  ask(): void;
  cancel(): void;
  publish(): Promise<void>;
}

/** Publishing the saved playbook; `onPublished` runs once the background took it. */
export function usePublishToTeam(dirty: boolean, onPublished: () => void): PublishToTeam {
  const { status, refresh } = useSyncStatus(PLAYBOOK_SYNC_POLL_MS);
  const [asked, setAsked] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [result, setResult] = useState<PublishResult | null>(null);
  const available = status !== undefined && status.state !== 'off';
  const blocked = dirty;

  async function publish() {
    setAsked(false);
    setPublishing(true);
    setResult(null);
    try {
      const answer = await sendMessage('publishPlaybook', {});
      if (answer.ok) {
        setResult({ kind: 'published', at: answer.publishedAt });
        onPublished();
      } else {
        setResult({ kind: 'sync-off' });
        refresh();
      }
    } catch (error) {
      setResult({ kind: 'failed', message: errorText(error) });
    } finally {
      setPublishing(false);
    }
  }

  return {
    available,
    database: status?.server?.database ?? '',
    blocked,
    // An edit while the question is open closes it: the answer was about the saved playbook.
    confirming: asked && available && !blocked && !publishing,
    publishing,
    result,
    ask: () => {
      setAsked(true);
      setResult(null);
    },
    cancel: () => setAsked(false),
    publish,
  };
}

/** The toolbar's button, with why it cannot be used while the draft has unsaved changes. */
export function PublishButton({
  publish,
  idPrefix,
  focusLater,
}: {
  publish: PublishToTeam;
  idPrefix: string;
  focusLater: (id: string) => void;
}) {
  if (!publish.available) return null;
  const hintId = `${idPrefix}-publish-hint`;
  return (
    <span className="ds-pb-publish">
      <button
        type="button"
        className="ds-pb-button"
        data-testid="playbook-publish"
        disabled={publish.blocked || publish.publishing}
        aria-expanded={publish.confirming}
        aria-describedby={publish.blocked ? hintId : undefined}
        onClick={() => {
          if (publish.confirming) {
            publish.cancel();
            return;
          }
          publish.ask();
          focusLater(`${idPrefix}-publish-confirm`);
        }}
      >
        {publish.publishing ? t('tpPublishing') : t('tpPublish')}
      </button>
      {publish.blocked ? (
        <span id={hintId} className="ds-muted ds-small" data-testid="playbook-publish-hint">
          {t('tpSaveFirst')}
        </span>
      ) : null}
    </span>
  );
}

/** The confirmation before publishing, and what publishing did. */
export function PublishPanel({
  publish,
  idPrefix,
  locale,
}: {
  publish: PublishToTeam;
  idPrefix: string;
  locale: string;
}) {
  const { result } = publish;
  return (
    <>
      {publish.confirming ? (
        <div className="ds-pb-confirm" role="group" aria-labelledby={`${idPrefix}-publish-title`}>
          <p id={`${idPrefix}-publish-title`}>{t('tpPublishConfirmText', publish.database)}</p>
          <div className="ds-row">
            <button
              id={`${idPrefix}-publish-confirm`}
              type="button"
              className="ds-button"
              data-testid="playbook-publish-confirm"
              onClick={() => void publish.publish()}
            >
              {t('tpPublishConfirm')}
            </button>
            <button type="button" className="ds-pb-button" onClick={publish.cancel}>
              {t('pbCancel')}
            </button>
          </div>
        </div>
      ) : null}
      {result ? (
        <p
          className={`ds-pb-notice ds-pb-notice-${result.kind === 'published' ? 'success' : 'error'}`}
          role={result.kind === 'published' ? 'status' : 'alert'}
          data-testid="playbook-publish-result"
          data-result={result.kind}
        >
          {result.kind === 'published'
            ? t('tpPublished', formatSyncTime(result.at, locale))
            : result.kind === 'sync-off'
              ? t('tpPublishSyncOff')
              : t('tpPublishFailed', result.message)}
        </p>
      ) : null}
    </>
  );
}

function publishedOn(at: number, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(at);
  } catch {
    return new Date(at).toLocaleDateString();
  }
}

function publisher(view: TeamPlaybookView): string | undefined {
  return view.publishedBy?.name?.trim() || view.publishedBy?.email || undefined;
}

/**
 * A waiting team playbook as a question with two answers (while it is in the draft, how to finish);
 * an adopted one as a quiet line; nothing otherwise.
 */
export function TeamPlaybookNotice({
  view,
  reviewing,
  busy,
  locale,
  idPrefix,
  onUse,
  onKeep,
}: {
  view: TeamPlaybookView | null;
  /** The team playbook is in the draft, not yet saved. */
  reviewing: boolean;
  /** An answer is on its way. */
  busy: boolean;
  locale: string;
  idPrefix: string;
  onUse: () => void;
  onKeep: () => void;
}) {
  if (!view || view.state === 'kept-own') return null;
  const who = publisher(view);
  const date = publishedOn(view.publishedAt, locale);
  if (view.state === 'adopted') {
    return (
      <p className="ds-muted ds-small ds-pb-team-line" data-testid="team-playbook-adopted">
        {who ? t('tpAdopted', [who, date]) : t('tpAdoptedNoName', date)}
      </p>
    );
  }
  const titleId = `${idPrefix}-team-title`;
  return (
    <div className="ds-pb-confirm" role="group" aria-labelledby={titleId} data-testid="team-playbook-waiting">
      <p id={titleId} className="ds-pb-confirm-title">
        {who ? t('tpWaiting', [who, date]) : t('tpWaitingNoName', date)}
      </p>
      {reviewing ? <p data-testid="team-playbook-reviewing">{t('tpReviewing')}</p> : null}
      <div className="ds-row">
        {reviewing ? null : (
          <button
            type="button"
            className="ds-button"
            data-testid="team-playbook-use"
            disabled={busy}
            onClick={onUse}
          >
            {t('tpUse')}
          </button>
        )}
        <button
          type="button"
          className="ds-pb-button"
          data-testid="team-playbook-keep"
          disabled={busy}
          onClick={onKeep}
        >
          {t('tpKeep')}
        </button>
      </div>
    </div>
  );
}
