import { listNotesBefore, saveNoteEdit } from '../../db/notes';
import type { ListOlderNotesRequest, SaveNoteRequest, SaveNoteResult } from '../../messaging/protocol';
import type { NoteRecord } from '../../db/records';
import { broadcastDataChanged } from '../broadcast';
import { database } from '../database';
import { personSeen } from '../person';
import { handle } from '../router';

/** Saves one autosaved note edit and tells every open panel on that account. */
export async function saveNote(request: SaveNoteRequest, tabId?: number): Promise<SaveNoteResult> {
  const contact = await personSeen(request.accountKey, request.contactEmail, tabId);
  const outcome = await saveNoteEdit(
    await database(),
    { ...request, contactEmail: contact?.email, contact },
    Date.now(),
    () => crypto.randomUUID(),
  );
  broadcastDataChanged({ accountKeys: [request.accountKey] });
  return outcome;
}

/** The next page of an account's notes, below the oldest one a panel shows. */
export async function listOlderNotes(request: ListOlderNotesRequest): Promise<NoteRecord[]> {
  return listNotesBefore(await database(), request.accountKey, request.before, request.limit);
}

export function registerSaveNote(): void {
  handle('saveNote', 'extension-page', (request, caller) => saveNote(request, caller.tabId));
  handle('listOlderNotes', 'extension-page', (request) => listOlderNotes(request));
}
