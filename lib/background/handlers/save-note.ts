import { normalizeEmail } from '../../contact/email';
import { saveNoteEdit } from '../../db/notes';
import { broadcastDataChanged } from '../broadcast';
import { database } from '../database';
import { handle } from '../router';

export function registerSaveNote(): void {
  handle('saveNote', 'extension-page', async (request) => {
    const contactEmail = request.contactEmail
      ? (normalizeEmail(request.contactEmail) ?? undefined)
      : undefined;
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
  });
}
