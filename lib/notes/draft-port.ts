/** The port name over which a panel hands its unsaved note text to the background (see note-drafts.ts). */
export const NOTE_DRAFT_PORT = 'dealside-note-draft';
