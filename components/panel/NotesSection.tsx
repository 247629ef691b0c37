import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { NoteSaveOutcome } from '@/lib/db/notes';
import type { NoteRecord } from '@/lib/db/records';
import { NOTE_MAX_LENGTH } from '@/lib/limits';
import { t, uiLanguage } from '@/lib/i18n';
import { displayEmail } from '@/lib/contact/email';
import type { NoteConflictView, PanelState } from '@/lib/messaging/protocol';
import { panelActions, type NoteConflictAction } from '@/lib/panel-actions';
import type { AutosaveStatus } from '@/lib/notes/autosave';
import {
  callDuration,
  callStamp,
  formatElapsed,
  insertIntoNote,
  replaceSelection,
  withClosingLine,
  type TextEdit,
} from '@/lib/notes/call';
import { notePreview } from '@/lib/notes/preview';
import { onInsertIntoNote } from './events';
import { authorLabel } from './author';
import { NoteConflictBox, NoteConflictRefused } from './NoteConflictBox';
import { useAccountWrite } from './useAccountWrite';
import { useNoteAutosave } from './useNoteAutosave';
import { useNotesList } from './useNotesList';
import { formatTimestamp } from '@/lib/dates/format';

/** Notes shown at first, and added by each "Show more": an account may have thousands. */
export const NOTES_PAGE_SIZE = 50;

/** The write key of one version of a note from another device. */
const conflictKey = (noteId: string, rev: string) => JSON.stringify(['conflict', noteId, rev]);

function statusText(status: AutosaveStatus): string {
  switch (status.state) {
    case 'pending':
    case 'saving':
      return t('noteSaving');
    case 'saved':
      return t('noteSaved');
    case 'conflict':
      return t('noteConflict');
    case 'error':
      return status.storageFull ? t('noteStorageFull') : t('noteSaveFailed', status.message);
    case 'idle':
      return '';
  }
}

function NoteItem({
  note,
  onEdit,
  editing,
  locale,
  children,
}: {
  note: NoteRecord;
  onEdit: () => void;
  editing: boolean;
  locale: string;
  /** What goes under the note: its versions from another device, when sync kept some. */
  children?: ReactNode;
}) {
  const preview = notePreview(note.body);
  const duration = note.kind === 'call' ? callDuration(note.body) : undefined;
  const author = authorLabel(note.author);
  return (
    <li
      className="ds-note"
      data-testid="note-item"
      data-note-id={note.id}
      data-note-kind={note.kind}
      data-private={note.private || undefined}
      aria-current={editing || undefined}
    >
      <div className="ds-note-meta">
        {note.private ? (
          <span
            className="ds-note-private-badge"
            data-testid="note-private-badge"
            role="img"
            aria-label={t('notePrivateBadge')}
            title={t('notePrivateBadge')}
          >
            <LockIcon />
          </span>
        ) : null}
        {note.kind === 'call' ? (
          <span className="ds-call-badge" data-testid="note-call-badge">
            {duration ? t('callBadgeWithDuration', duration) : t('callBadge')}
          </span>
        ) : null}
        <time dateTime={new Date(note.updatedAt).toISOString()}>
          {formatTimestamp(note.updatedAt, locale)}
        </time>
        {note.contactEmail ? (
          <span className="ds-note-about" title={note.contactEmail}>
            · {t('noteAbout', displayEmail(note.contactEmail))}
          </span>
        ) : null}
        {author ? (
          <span className="ds-note-author" data-testid="note-author" title={author.full}>
            · {t('noteAuthor', author.shown)}
          </span>
        ) : null}
        <button type="button" className="ds-link" onClick={onEdit}>
          {t('editNote')}
        </button>
      </div>
      <p className="ds-note-body">
        {preview.text}
        {preview.truncated ? '…' : ''}
      </p>
      {children}
    </li>
  );
}

/** A small padlock, in the text's colour. */
function LockIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 1a3.5 3.5 0 0 0-3.5 3.5V6H4a1.5 1.5 0 0 0-1.5 1.5v6A1.5 1.5 0 0 0 4 15h8a1.5 1.5 0 0 0 1.5-1.5v-6A1.5 1.5 0 0 0 12 6h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 5H6V4.5a2 2 0 1 1 4 0V6Z"
      />
    </svg>
  );
}

interface CallState {
  startedAt: number;
}

export function NotesSection({
  state,
  locale = uiLanguage(),
  onNoteSaved,
}: {
  state: PanelState & { account: NonNullable<PanelState['account']> };
  /** The UI language for dates; the browser's when omitted. */
  locale?: string;
  /** Each save's answer, for the panel to show without loading its state again. */
  onNoteSaved?: (outcome: NoteSaveOutcome) => void;
}) {
  const editorId = useId();
  const editor = useNoteAutosave(
    {
      accountKey: state.account.key,
      ...(state.contact ? { contactEmail: state.contact.email } : {}),
      kind: 'note',
    },
    onNoteSaved,
  );
  const { change, current } = editor;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const privateBox = useRef<HTMLInputElement>(null);
  // Where the rep left the caret, kept while focus is elsewhere (on a button that inserts text, say).
  const selection = useRef<{ start: number; end: number } | null>(null);
  const pendingCaret = useRef<number | null>(null);
  const [call, setCall] = useState<CallState | null>(null);
  const callRef = useRef<CallState | null>(null);
  callRef.current = call;
  const starting = useRef(false);
  const [now, setNow] = useState(() => Date.now());
  const list = useNotesList(state, NOTES_PAGE_SIZE);
  const writes = useAccountWrite();
  // Versions the background said were settled elsewhere: their choices are gone until the state drops them.
  const [settled, setSettled] = useState<ReadonlySet<string>>(() => new Set());
  // A version made the text of the note in the editor: the note's revision the editor waits to move past.
  const [following, setFollowing] = useState<{ noteId: string; after: number } | null>(null);

  // Versions from another device, for the notes the panel state holds (the ones it can show).
  const conflicts = useMemo(() => {
    const held = new Set(state.notes.map((note) => note.id));
    const byNote = new Map<string, NoteConflictView['versions']>();
    for (const conflict of state.noteConflicts) {
      if (held.has(conflict.noteId) && conflict.versions.length > 0) {
        byNote.set(conflict.noteId, conflict.versions);
      }
    }
    return byNote;
  }, [state.notes, state.noteConflicts]);

  useEffect(() => {
    if (!call) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [call]);

  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    const element = textarea.current;
    if (caret === null || !element) return;
    pendingCaret.current = null;
    element.setSelectionRange(caret, caret);
    selection.current = { start: caret, end: caret };
  }, [editor.body]);

  const apply = useCallback(
    (edit: TextEdit, options?: { save?: boolean }) => {
      // An edit that changes nothing (or would not fit) leaves the text and the caret alone.
      if (edit.body.length > NOTE_MAX_LENGTH || edit.body === current()) return;
      pendingCaret.current = edit.caret;
      change(edit.body, options);
    },
    [change, current],
  );

  const elapsed = () => (callRef.current ? Date.now() - callRef.current.startedAt : 0);

  useEffect(
    () =>
      onInsertIntoNote((text) => {
        const element = textarea.current;
        const body = current();
        const focused = element !== null && element === document.activeElement;
        const where = focused
          ? { start: element.selectionStart, end: element.selectionEnd }
          : selection.current;
        const stamp = callRef.current ? callStamp(Date.now() - callRef.current.startedAt) : '';
        apply(insertIntoNote(body, where, text.slice(0, NOTE_MAX_LENGTH), stamp));
      }),
    [apply, current],
  );

  async function endCall() {
    const running = callRef.current;
    if (!running) return;
    callRef.current = null;
    setCall(null);
    const duration = formatElapsed(Date.now() - running.startedAt);
    const body = withClosingLine(current(), t('callEndedAfter', duration));
    apply({ body, caret: body.length });
    await editor.flush();
  }

  async function startCall() {
    if (callRef.current || starting.current) return;
    starting.current = true;
    await editor.startNew('call').finally(() => {
      starting.current = false;
    });
    const started = { startedAt: Date.now() };
    callRef.current = started;
    setCall(started);
    setNow(started.startedAt);
    selection.current = null;
    const stamp = callStamp(0);
    // Shown, not saved: the stamp alone is not a note until the rep writes after it.
    apply({ body: stamp, caret: stamp.length }, { save: false });
    textarea.current?.focus();
  }

  async function startNote() {
    await endCall();
    selection.current = null;
    await editor.startNew('note');
    textarea.current?.focus();
  }

  async function openNote(note: NoteRecord) {
    await endCall();
    selection.current = null;
    await editor.open(note);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!callRef.current || event.key !== 'Enter') return;
    if (event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    // Enter that confirms an input method's candidate (Chinese, Japanese…) is not a new line.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    const element = event.currentTarget;
    apply(
      replaceSelection(current(), element.selectionStart, element.selectionEnd, `\n${callStamp(elapsed())}`),
    );
  }

  /**
   * Settles a version of a note. When that note is in the editor, what the rep typed is saved first, so
   * the choice applies to the text they see, and the editor takes no typing until the answer: a keep or
   * merge gives the note a new revision, which the editor then shows. Typing that still lands on the old
   * revision is kept as a note of its own, as with another panel's edit: nothing typed is lost.
   */
  async function resolve(noteId: string, rev: string, action: NoteConflictAction) {
    const key = conflictKey(noteId, rev);
    if (writes.busy.has(key)) return;
    const inEditor = editor.currentNoteId() === noteId;
    let refused: NoteConflictRefused | undefined;
    const ok = await writes.run(key, async () => {
      if (inEditor) await editor.flush();
      const after = editor.currentNoteId() === noteId ? editor.revision() : null;
      // The text the rep chose against: refused if the note changed since (another window, sync).
      const base = after ?? state.notes.find((note) => note.id === noteId)?.revision;
      const result = await panelActions.resolveNoteConflict(noteId, rev, action, base);
      if (!result.ok) {
        refused = new NoteConflictRefused(result.reason);
        throw refused;
      }
      if (action !== 'discard' && after !== null) setFollowing({ noteId, after });
    });
    if (!ok && refused?.reason === 'gone') setSettled((previous) => new Set(previous).add(key));
  }

  // The note in the editor got a new text from a version the rep chose: show it, unless they typed since.
  useEffect(() => {
    if (!following) return;
    const note = state.notes.find((candidate) => candidate.id === following.noteId);
    if (note && note.revision <= following.after) return;
    setFollowing(null);
    if (!note || editor.noteId !== note.id || editor.hasUnsaved()) return;
    void editor.open(note);
  }, [following, state.notes, editor]);

  const isCallNote = call !== null || editor.kind === 'call';
  const editorSettling =
    conflicts
      .get(editor.noteId)
      ?.some((version) => writes.busy.has(conflictKey(editor.noteId, version.rev))) ?? false;
  const hintId = `${editorId}-hint`;
  const privateHintId = `${editorId}-private-hint`;

  return (
    <section className="ds-card" aria-labelledby={`${editorId}-heading`}>
      <div className="ds-section-head">
        <h2 id={`${editorId}-heading`}>{t('notesHeading')}</h2>
        <div className="ds-note-actions">
          {call ? (
            <button
              type="button"
              className="ds-button ds-call-end"
              data-testid="call-end"
              onClick={() => void endCall()}
            >
              {t('callEnd')}
            </button>
          ) : (
            <button
              type="button"
              className="ds-button ds-call-start"
              data-testid="call-start"
              onClick={() => void startCall()}
            >
              {t('callStart')}
            </button>
          )}
          <button
            type="button"
            className="ds-button"
            data-testid="notes-new"
            onClick={() => void startNote()}
          >
            {t('newNote')}
          </button>
        </div>
      </div>
      {conflicts.size > 0 ? (
        <p className="ds-note-conflict-count" data-testid="note-conflicts-count">
          <span className="ds-note-conflict-dot" aria-hidden="true" />
          {conflicts.size === 1
            ? t('noteConflictsOne')
            : t('noteConflictsMany', new Intl.NumberFormat(locale).format(conflicts.size))}
        </p>
      ) : null}
      {call ? (
        <div className="ds-call-bar">
          <span className="ds-call-dot" aria-hidden="true" />
          <span>{t('callInProgress')}</span>
          <span
            className="ds-call-timer"
            data-testid="call-timer"
            role="timer"
            aria-live="polite"
            aria-atomic="true"
          >
            {formatElapsed(now - call.startedAt)}
          </span>
        </div>
      ) : null}
      <label htmlFor={editorId} className="ds-label">
        {isCallNote ? t('callEditorLabel') : t('noteEditorLabel')}
      </label>
      <textarea
        id={editorId}
        ref={textarea}
        data-testid="note-editor"
        data-note-kind={editor.kind}
        className="ds-editor"
        value={editor.body}
        maxLength={NOTE_MAX_LENGTH}
        placeholder={t('noteEditorPlaceholder')}
        aria-describedby={call ? hintId : undefined}
        readOnly={editorSettling}
        aria-busy={editorSettling || undefined}
        onChange={(event) => {
          selection.current = { start: event.target.selectionStart, end: event.target.selectionEnd };
          change(event.target.value);
        }}
        onSelect={(event) => {
          selection.current = {
            start: event.currentTarget.selectionStart,
            end: event.currentTarget.selectionEnd,
          };
        }}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          // Going to the "private" box: its change saves the text with the flag, so a note typed to be
          // private is not saved shared first. Left unchanged, the pending autosave saves the text.
          if (event.relatedTarget !== null && event.relatedTarget === privateBox.current) return;
          void editor.flush();
        }}
        rows={5}
      />
      {call ? (
        <p id={hintId} className="ds-small ds-muted ds-call-hint">
          {t('callEditorHint')}
        </p>
      ) : null}
      <div className="ds-note-private">
        <label className="ds-note-private-label">
          <input
            ref={privateBox}
            type="checkbox"
            data-testid="note-private"
            checked={editor.isPrivate}
            disabled={editorSettling}
            aria-describedby={privateHintId}
            onChange={(event) => void editor.setPrivate(event.target.checked)}
          />
          <span>{t('notePrivate')}</span>
        </label>
        <p id={privateHintId} className="ds-note-private-hint">
          {t('notePrivateHint')}
        </p>
      </div>
      <div className="ds-status" role="status" aria-live="polite">
        {editor.status.state === 'error' ? '' : statusText(editor.status)}
      </div>
      {editor.status.state === 'error' ? (
        <p className="ds-error-text" role="alert">
          {statusText(editor.status)}
        </p>
      ) : null}
      {list.visible.length === 0 ? (
        <p className="ds-muted">{t('noNotesYet')}</p>
      ) : (
        <>
          <ul className="ds-notes">
            {list.visible.map((note) => (
              <NoteItem
                key={note.id}
                note={note}
                locale={locale}
                editing={note.id === editor.noteId}
                onEdit={() => void openNote(note)}
              >
                {conflicts.get(note.id)?.map((version) => {
                  const key = conflictKey(note.id, version.rev);
                  return (
                    <NoteConflictBox
                      key={version.rev}
                      noteId={note.id}
                      version={version}
                      locale={locale}
                      busy={writes.busy.has(key)}
                      settled={settled.has(key)}
                      error={writes.errors[key]}
                      onResolve={(action) => void resolve(note.id, version.rev, action)}
                    />
                  );
                })}
              </NoteItem>
            ))}
          </ul>
          {list.canShowMore ? (
            <button
              type="button"
              className="ds-link ds-notes-more"
              data-testid="notes-show-more"
              disabled={list.loadingMore}
              onClick={list.showMore}
            >
              {list.moreBeyond
                ? t('callNotesShowMoreOfMany', [String(list.visible.length), String(list.loaded)])
                : t('callNotesShowMore', [String(list.visible.length), String(list.loaded)])}
            </button>
          ) : null}
          {list.error ? (
            <p className="ds-error-text" role="alert">
              {t('notesOlderFailed', list.error)}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
