import { normalizeEmail } from '../../contact/email';
import { saveNoteEdit } from '../../db/notes';
import type { SaveNoteRequest, SaveNoteResult } from '../../messaging/protocol';
import { broadcastDataChanged } from '../broadcast';
import { database } from '../database';
import { handle } from '../router';

/** Saves one autosaved note edit and tells every open panel on that account. */
export async function saveNote(request: SaveNoteRequest): Promise<SaveNoteResult> {
  const contactEmail = request.contactEmail ? (normalizeEmail(request.contactEmail) ?? undefined) : undefined;
  const outcome = await saveNoteEdit(
    await database(),
    {
      ...request,
      contactEmail,
      contact: contactEmail ? { email: contactEmail, accountKey: request.accountKey } : undefined,
    },
    Date.now(),
    () => crypto.randomUUID(),
  );
  broadcastDataChanged({ accountKeys: [request.accountKey] });
  return outcome;
}

export function registerSaveNote(): void {
  handle('saveNote', 'extension-page', saveNote);
}
