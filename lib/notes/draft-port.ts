import type { SaveNoteRequest } from '../messaging/protocol';

/** The port name over which a panel hands its unsaved note text to the background (see note-drafts.ts). */
export const NOTE_DRAFT_PORT = 'dealside-note-draft';

/** What a panel posts on the port as the rep types: the text not yet saved, or null once all is saved. */
export interface NoteDraftHandover {
  draft: SaveNoteRequest | null;
  /** The save still on its way when the text was typed; the draft continues it (see autosave.ts). */
  buildsOn?: SaveNoteRequest;
}
