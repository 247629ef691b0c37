/**
 * The panel's state as a note save this panel made left it, from the save's answer alone. The notes are
 * kept newest first as the background lists them (creation time, then id, both descending), at most
 * `PANEL_NOTES_LIMIT` (`moreNotes` then says older ones exist). Applying the same answer twice, or to
 * a state read after the save, changes nothing: a note already at a later revision is kept.
 */
import { PANEL_NOTES_LIMIT, type NoteSaveOutcome } from '@/lib/db/notes';
import type { NoteRecord } from '@/lib/db/records';
import type { PanelState } from '@/lib/messaging/protocol';

/** Newest first: later creation first, then the greater id (the index's order, read backwards). */
function newerFirst(a: NoteRecord, b: NoteRecord): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function withNote(notes: readonly NoteRecord[], note: NoteRecord): NoteRecord[] {
  const index = notes.findIndex((held) => held.id === note.id);
  if (index >= 0) {
    if (notes[index]!.revision > note.revision) return [...notes];
    const next = [...notes];
    next[index] = note;
    return next;
  }
  return [...notes, note].sort(newerFirst);
}

/** The state with the save applied; undefined when the answer alone cannot tell (load the state again). */
export function stateAfterSave(state: PanelState, outcome: NoteSaveOutcome): PanelState | undefined {
  if (outcome.status === 'deleted') {
    if (!state.notes.some((note) => note.id === outcome.id)) return state;
    // An older note not held here would move up into the list: only the background knows which.
    if (state.moreNotes) return undefined;
    return { ...state, notes: state.notes.filter((note) => note.id !== outcome.id) };
  }
  const account = state.account?.key;
  if (account !== outcome.note.accountKey) return state;
  let notes = withNote(state.notes, outcome.note);
  if (outcome.status === 'conflict' && outcome.theirs.accountKey === account) {
    notes = withNote(notes, outcome.theirs);
  }
  if (notes.length > PANEL_NOTES_LIMIT) {
    return { ...state, notes: notes.slice(0, PANEL_NOTES_LIMIT), moreNotes: true };
  }
  return { ...state, notes };
}
