/** The notes of an account that have versions from another device waiting for the rep. */
import type { Db } from '../../db/open';
import { inTransaction } from '../../db/transaction';
import type { NoteConflictView } from '../../messaging/protocol';

export function listNoteConflicts(db: Db, accountKey: string): Promise<NoteConflictView[]> {
  return inTransaction(db, ['syncConflicts'], 'readonly', async (tx) => {
    const conflicts = await tx.objectStore('syncConflicts').index('by-account').getAll(accountKey);
    return conflicts.map(({ noteId, versions }) => ({ noteId, versions }));
  });
}
