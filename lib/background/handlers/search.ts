import type { NotesSearchRequest, NotesSearchResult } from '../../search/types';
import { onDataChangedInBackground } from '../broadcast';
import { database } from '../database';
import { NotesSearchIndex, searchNotesIn } from '../notes-search';
import { handle } from '../router';

/** The background's one notes index, kept in step with every change the background announces. */
export const notesSearchIndex = new NotesSearchIndex();
onDataChangedInBackground((event) => notesSearchIndex.invalidate(event.accountKeys));

export async function searchNotes(request: NotesSearchRequest): Promise<NotesSearchResult> {
  return searchNotesIn(notesSearchIndex, await database(), request);
}

export function registerSearch(): void {
  handle('searchNotes', 'extension-page', searchNotes);
}
