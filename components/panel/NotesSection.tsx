import { useId } from 'react';
import type { NoteRecord } from '@/lib/db/records';
import { t, uiLanguage } from '@/lib/i18n';
import type { PanelState } from '@/lib/messaging/protocol';
import type { AutosaveStatus } from '@/lib/notes/autosave';
import { useNoteAutosave } from './useNoteAutosave';

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
      return t('noteSaveFailed', status.message);
    case 'idle':
      return '';
  }
}

const dateFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });

function NoteItem({ note, onEdit, editing }: { note: NoteRecord; onEdit: () => void; editing: boolean }) {
  return (
    <li
      className="ds-note"
      data-testid="note-item"
      data-note-id={note.id}
      aria-current={editing || undefined}
    >
      <div className="ds-note-meta">
        <time dateTime={new Date(note.updatedAt).toISOString()}>{dateFormat.format(note.updatedAt)}</time>
        {note.contactEmail ? (
          <span className="ds-note-about" title={note.contactEmail}>
            · {t('noteAbout', note.contactEmail)}
          </span>
        ) : null}
        <button type="button" className="ds-link" onClick={onEdit}>
          {t('editNote')}
        </button>
      </div>
      <p className="ds-note-body">{note.body}</p>
    </li>
  );
}

export function NotesSection({
  state,
}: {
  state: PanelState & { account: NonNullable<PanelState['account']> };
}) {
  const editorId = useId();
  const editor = useNoteAutosave({
    accountKey: state.account.key,
    ...(state.contact ? { contactEmail: state.contact.email } : {}),
    kind: 'note',
  });

  return (
    <section className="ds-card" aria-labelledby={`${editorId}-heading`}>
      <div className="ds-section-head">
        <h2 id={`${editorId}-heading`}>{t('notesHeading')}</h2>
        <button type="button" className="ds-button" onClick={() => void editor.startNew()}>
          {t('newNote')}
        </button>
      </div>
      <label htmlFor={editorId} className="ds-label">
        {t('noteEditorLabel')}
      </label>
      <textarea
        id={editorId}
        data-testid="note-editor"
        className="ds-editor"
        value={editor.body}
        placeholder={t('noteEditorPlaceholder')}
        onChange={(event) => editor.change(event.target.value)}
        onBlur={() => void editor.flush()}
        rows={5}
      />
      <div className="ds-status" role="status" aria-live="polite">
        {statusText(editor.status)}
      </div>
      {state.notes.length === 0 ? (
        <p className="ds-muted">{t('noNotesYet')}</p>
      ) : (
        <ul className="ds-notes">
          {state.notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              editing={note.id === editor.noteId}
              onEdit={() => void editor.open(note)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
