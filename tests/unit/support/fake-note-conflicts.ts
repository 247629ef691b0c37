/**
 * Note conflicts from sync in panel tests, without a server: the versions are written in the conflicts
 * store as sync leaves them (so the real panel state lists them), and `resolveNoteConflict` is checked
 * against the message table's schema, logged, and settled on the records as the sync engine settles it
 * (keep, merge below a blank line, discard; `gone` and `too-long` as it finds them), then announced like
 * every write. Every other message goes to the in-process background.
 */
import { messages, type RequestOf } from '../../../lib/messaging/messages';
import type { NoteConflictView, ResolveNoteConflictResult } from '../../../lib/messaging/protocol';
import { inTransaction } from '../../../lib/db/transaction';
import { NOTE_MAX_LENGTH } from '../../../lib/limits';
import { recordDocId } from '../../../lib/sync/documents';
import { database } from './database';
import { inProcessMessenger } from './in-process-messenger';

type Refusal = Extract<ResolveNoteConflictResult, { ok: false }>['reason'];

export interface FakeNoteConflicts {
  /** Each `resolveNoteConflict` request, in order. */
  log: RequestOf<'resolveNoteConflict'>[];
  /** While set, a resolution waits for it before settling (a slow background). */
  hold: Promise<void> | undefined;
  /** Answered instead of settling, when set (sync was turned off meanwhile). */
  refuse: Refusal | undefined;
  /** The time settled notes get. */
  now: number;
}

export function createFakeNoteConflicts(): FakeNoteConflicts {
  return { log: [], hold: undefined, refuse: undefined, now: Date.UTC(2026, 11, 5, 9) };
}

/** Versions of a note from other devices, as a sync leaves them for the rep. */
export async function addNoteConflict(
  accountKey: string,
  noteId: string,
  versions: NoteConflictView['versions'],
): Promise<void> {
  const db = await database();
  await db.put('syncConflicts', { docId: recordDocId('notes', noteId), noteId, accountKey, versions });
}

/** The versions still waiting for a note, as stored. */
export async function storedNoteConflict(noteId: string) {
  const db = await database();
  return db.get('syncConflicts', recordDocId('notes', noteId));
}

/** Settles a version the way the sync engine does, as if from any panel. */
export async function settleNoteConflict(
  fake: FakeNoteConflicts,
  request: RequestOf<'resolveNoteConflict'>,
): Promise<ResolveNoteConflictResult> {
  const { noteId, rev, action } = messages.resolveNoteConflict.request.parse(request);
  if (fake.refuse) return { ok: false, reason: fake.refuse };
  const db = await database();
  const docId = recordDocId('notes', noteId);
  const outcome = await inTransaction(db, ['notes', 'syncConflicts'], 'readwrite', async (tx) => {
    const conflicts = tx.objectStore('syncConflicts');
    const conflict = await conflicts.get(docId);
    const version = conflict?.versions.find((candidate) => candidate.rev === rev);
    const note = await tx.objectStore('notes').get(noteId);
    if (!conflict || !version || !note) return { ok: false as const, reason: 'gone' as const };
    const body = action === 'keep' ? version.body : `${note.body.trimEnd()}\n\n${version.body}`;
    if (action !== 'discard' && body.length > NOTE_MAX_LENGTH) {
      return { ok: false as const, reason: 'too-long' as const };
    }
    const rest = conflict.versions.filter((candidate) => candidate.rev !== rev);
    if (rest.length > 0) await conflicts.put({ ...conflict, versions: rest });
    else await conflicts.delete(docId);
    if (action !== 'discard') {
      await tx.objectStore('notes').put({ ...note, body, updatedAt: fake.now, revision: note.revision + 1 });
    }
    return { ok: true as const, accountKey: note.accountKey };
  });
  if (!outcome.ok) return outcome;
  const { broadcastDataChanged } = await import('../../../lib/background/broadcast');
  broadcastDataChanged({ accountKeys: [outcome.accountKey] });
  return { ok: true };
}

/** The panel's messenger: note conflicts settled by `fake()`, everything else by the in-process background. */
export function fakeNoteConflictsMessenger(fake: () => FakeNoteConflicts) {
  return {
    onMessage: inProcessMessenger.onMessage,
    async sendMessage(type: string, data: unknown): Promise<unknown> {
      if (type !== 'resolveNoteConflict') return inProcessMessenger.sendMessage(type, data);
      const background = fake();
      const request = messages.resolveNoteConflict.request.parse(data);
      background.log.push(request);
      await background.hold;
      return settleNoteConflict(background, request);
    },
  };
}
