import { useId } from 'react';
import { formatTimestamp } from '@/lib/dates/format';
import { t } from '@/lib/i18n';
import type { NoteConflictView, ResolveNoteConflictResult } from '@/lib/messaging/protocol';
import type { NoteConflictAction } from '@/lib/panel-actions';
import { WriteError } from './WriteError';

type NoteConflictVersion = NoteConflictView['versions'][number];
type Refusal = Extract<ResolveNoteConflictResult, { ok: false }>['reason'];

/** Why the background did not settle a version, in the rep's words. */
export function refusalText(reason: Refusal): string {
  switch (reason) {
    case 'gone':
      return t('noteConflictGone');
    case 'too-long':
      return t('noteConflictTooLong');
    case 'sync-off':
      return t('noteConflictSyncOff');
    case 'changed':
      return t('noteConflictChanged');
  }
}

/** A refusal from the background, thrown so the panel's write runner shows it beside the box. */
export class NoteConflictRefused extends Error {
  constructor(readonly reason: Refusal) {
    super(refusalText(reason));
    this.name = 'NoteConflictRefused';
  }
}

/**
 * A version of a note written on another device at the same time (sync kept both), under the note: when
 * it was written, its whole text, and the rep's three choices. Its buttons wait while a choice is on its
 * way; once the version is known to be settled elsewhere, only the message stays.
 */
export function NoteConflictBox({
  noteId,
  version,
  locale,
  busy,
  settled,
  error,
  onResolve,
}: {
  noteId: string;
  version: NoteConflictVersion;
  locale: string;
  busy: boolean;
  /** The background said this version is already settled: nothing left to choose. */
  settled: boolean;
  error: string | undefined;
  onResolve: (action: NoteConflictAction) => void;
}) {
  const id = useId();
  const button = (action: NoteConflictAction, label: string, className = 'ds-button ds-button-secondary') => (
    <button
      type="button"
      className={className}
      data-testid={`note-conflict-${action}`}
      disabled={busy}
      onClick={() => onResolve(action)}
    >
      {label}
    </button>
  );
  return (
    <div
      className="ds-note-conflict"
      role="group"
      aria-labelledby={`${id}-title`}
      aria-busy={busy || undefined}
      data-testid="note-conflict"
      data-note-id={noteId}
      data-rev={version.rev}
    >
      <p className="ds-note-conflict-head">
        <span id={`${id}-title`} className="ds-note-conflict-title">
          {t('noteConflictHeading')}
        </span>
        <time dateTime={new Date(version.updatedAt).toISOString()}>
          {formatTimestamp(version.updatedAt, locale)}
        </time>
      </p>
      <div className="ds-note-conflict-body" data-testid="note-conflict-body">
        {version.body}
      </div>
      {settled ? null : (
        <div className="ds-note-conflict-actions">
          {button('keep', t('noteConflictKeep'))}
          {button('merge', t('noteConflictMerge'))}
          {/* The quiet choice: it drops the text on every device. */}
          {button('discard', t('noteConflictDiscard'), 'ds-link ds-note-conflict-discard')}
        </div>
      )}
      <WriteError message={error} />
    </div>
  );
}
