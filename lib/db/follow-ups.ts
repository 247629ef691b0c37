import { ensureAccount, type PersonSeen } from './accounts';
import type { Db } from './open';
import { followUpRecordSchema, type Author, type FollowUpRecord } from './records';
import { inTransaction } from './transaction';
import { checkedRow, validRow, validRows } from './validate';

export interface NewFollowUp {
  accountKey: string;
  /** The deal it moves forward, when the rep was looking at one. */
  dealId?: string;
  title: string;
  due: number;
  person?: PersonSeen;
  author?: Author;
}

export type FollowUpAction =
  | { kind: 'done' }
  | { kind: 'reopen' }
  | { kind: 'snooze'; until: number }
  | { kind: 'accept' }
  | { kind: 'dismiss' };

export async function addFollowUp(
  db: Db,
  input: NewFollowUp,
  now: number,
  id: string,
): Promise<FollowUpRecord> {
  return inTransaction(db, ['accounts', 'contacts', 'followUps'], 'readwrite', async (tx) => {
    await ensureAccount(
      { accounts: tx.objectStore('accounts'), contacts: tx.objectStore('contacts') },
      input.accountKey,
      now,
      input.person,
    );
    const followUp = checkedRow(followUpRecordSchema, 'followUps', {
      id,
      accountKey: input.accountKey,
      ...(input.dealId ? { dealId: input.dealId } : {}),
      ...(input.person ? { contactEmail: input.person.email } : {}),
      title: input.title,
      due: input.due,
      status: 'open',
      source: 'manual',
      createdAt: now,
      updatedAt: now,
      ...(input.author ? { author: input.author } : {}),
    });
    await tx.objectStore('followUps').put(followUp);
    return followUp;
  });
}

/**
 * Done, reopen, snooze, and accepting or dismissing a proposal from the cadence. Returns the row as it
 * is now (undefined when dismissed or missing).
 */
export async function applyFollowUpAction(
  db: Db,
  id: string,
  action: FollowUpAction,
  now: number,
): Promise<FollowUpRecord | undefined> {
  return inTransaction(db, ['followUps'], 'readwrite', async (tx) => {
    const store = tx.objectStore('followUps');
    const current = validRow(followUpRecordSchema, 'followUps', await store.get(id), id);
    if (!current) return undefined;
    if (action.kind === 'dismiss') {
      await store.delete(id);
      return undefined;
    }
    const next: FollowUpRecord = { ...current, updatedAt: now };
    switch (action.kind) {
      case 'done':
        next.status = 'done';
        next.doneAt = now;
        break;
      case 'reopen':
        next.status = 'open';
        delete next.doneAt;
        break;
      case 'snooze':
        // Snoozing moves the due time: the reminder and "today" lists follow it.
        next.status = 'open';
        next.snoozedUntil = action.until;
        next.due = action.until;
        break;
      case 'accept':
        next.status = 'open';
        break;
    }
    const row = checkedRow(followUpRecordSchema, 'followUps', next);
    await store.put(row);
    return row;
  });
}

/** What the rep may change on a follow-up from the panel. */
export interface FollowUpEdit {
  title: string;
  due: number;
}

/**
 * Changes a follow-up's title and due time. The row is checked with the stored schema before it is
 * written; a new due time ends a snooze. A proposal from the cadence that the rep edits becomes their
 * own open follow-up. Returns the row as it is now (undefined when there is none).
 */
export async function editFollowUp(
  db: Db,
  id: string,
  edit: FollowUpEdit,
  now: number,
): Promise<FollowUpRecord | undefined> {
  return inTransaction(db, ['followUps'], 'readwrite', async (tx) => {
    const store = tx.objectStore('followUps');
    const current = validRow(followUpRecordSchema, 'followUps', await store.get(id), id);
    if (!current) return undefined;
    const next: FollowUpRecord = { ...current, title: edit.title, due: edit.due, updatedAt: now };
    if (edit.due !== current.due) delete next.snoozedUntil;
    if (current.status === 'proposed') {
      next.status = 'open';
      next.source = 'manual';
      delete next.planStepId;
    }
    const row = checkedRow(followUpRecordSchema, 'followUps', next);
    await store.put(row);
    return row;
  });
}

/**
 * Deletes a follow-up and returns the row as it was, so the rep can undo (undefined when there was none).
 * A stored row that fails the schema is deleted too, and comes back as undefined.
 */
export async function deleteFollowUp(db: Db, id: string): Promise<FollowUpRecord | undefined> {
  return inTransaction(db, ['followUps'], 'readwrite', async (tx) => {
    const store = tx.objectStore('followUps');
    const stored: unknown = await store.get(id);
    if (stored === undefined) return undefined;
    await store.delete(id);
    return validRow(followUpRecordSchema, 'followUps', stored, id);
  });
}

/**
 * Puts back a follow-up exactly as `deleteFollowUp` returned it (the undo of a delete). The row is checked
 * with the stored schema; its account is recreated if it went away meanwhile.
 */
export async function restoreFollowUp(db: Db, row: FollowUpRecord, now: number): Promise<FollowUpRecord> {
  const followUp = checkedRow(followUpRecordSchema, 'followUps', row);
  return inTransaction(db, ['accounts', 'contacts', 'followUps'], 'readwrite', async (tx) => {
    await ensureAccount(
      { accounts: tx.objectStore('accounts'), contacts: tx.objectStore('contacts') },
      followUp.accountKey,
      now,
    );
    await tx.objectStore('followUps').put(followUp);
    return followUp;
  });
}

/** An account's follow-ups: proposals and open ones by due time, then the 20 most recently done. */
export async function listAccountFollowUps(db: Db, accountKey: string): Promise<FollowUpRecord[]> {
  const rows = validRows(
    followUpRecordSchema,
    'followUps',
    await db.getAllFromIndex('followUps', 'by-account', accountKey),
    (row) => (row as { id?: unknown }).id,
  );
  const pending = rows.filter((row) => row.status !== 'done').sort((a, b) => a.due - b.due);
  const done = rows
    .filter((row) => row.status === 'done')
    .sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0))
    .slice(0, 20);
  return [...pending, ...done];
}

/**
 * Open follow-ups by due time, read as ranges of the `by-status-due` index ([status, due]), so the
 * popup, the badge and the reminder alarm cost the same with a hundred follow-ups or a hundred thousand.
 */
function openDueRange(from: number, to: number): IDBKeyRange {
  return IDBKeyRange.bound(['open', from], ['open', to], false, true);
}

/** Open follow-ups due in [from, to), earliest first, at most `limit`. */
export async function listOpenFollowUpsDue(
  db: Db,
  from: number,
  to: number,
  limit?: number,
): Promise<FollowUpRecord[]> {
  if (to <= from) return [];
  return validRows(
    followUpRecordSchema,
    'followUps',
    await db.getAllFromIndex('followUps', 'by-status-due', openDueRange(from, to), limit),
    (row) => (row as { id?: unknown }).id,
  );
}

/** How many open follow-ups are due in [from, to), counted by the index without reading the rows. */
export async function countOpenFollowUpsDue(db: Db, from: number, to: number): Promise<number> {
  if (to <= from) return 0;
  return db.countFromIndex('followUps', 'by-status-due', openDueRange(from, to));
}

/**
 * The earliest open follow-up due strictly after `after` that `accept` admits: one cursor walk on the
 * index from `after` on, stopping at the first row admitted.
 */
export async function firstOpenFollowUpDueAfter(
  db: Db,
  after: number,
  accept: (row: FollowUpRecord) => boolean = () => true,
): Promise<FollowUpRecord | undefined> {
  const range = IDBKeyRange.bound(['open', after], ['open', Infinity], true, false);
  let cursor = await db.transaction('followUps').store.index('by-status-due').openCursor(range);
  while (cursor) {
    const row = validRow(followUpRecordSchema, 'followUps', cursor.value, cursor.primaryKey);
    if (row && accept(row)) return row;
    cursor = await cursor.continue();
  }
  return undefined;
}
