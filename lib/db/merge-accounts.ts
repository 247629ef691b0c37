/**
 * Merging one account into another ("contoso.co.uk is contoso.com"): every row filed under the old key —
 * deals, people, notes, follow-ups, stage events, the SPIN question log, touches — moves to the new key in one
 * transaction, so the account's history is never split between two keys, nor half-moved.
 */
import type { z } from 'zod';
import type { Db } from './open';
import {
  accountRecordSchema,
  contactRecordSchema,
  dealRecordSchema,
  followUpRecordSchema,
  noteRecordSchema,
  questionLogRecordSchema,
  stageEventRecordSchema,
  touchRecordSchema,
  type AccountRecord,
} from './records';
import { readSettingsIn, writeSettingsIn } from './private-items';
import { questionLogId } from './question-log';
import { accountTouchRange } from './touches';
import { inTransaction } from './transaction';
import { checkedRow, validRow, validRows } from './validate';

export interface MergedRows {
  account: boolean;
  deals: number;
  contacts: number;
  notes: number;
  followUps: number;
  stageEvents: number;
  questionLog: number;
  touches: number;
}

/**
 * The surviving account: the target's own choices (industry, name) win; what it lacks comes from the
 * merged one; it is as old as the older of the two. Both accounts' deals go on side by side.
 */
export function mergeAccountRecords(
  from: AccountRecord,
  into: AccountRecord | undefined,
  intoKey: string,
  now: number,
): AccountRecord {
  const displayName = into?.displayName ?? from.displayName;
  const industry = into?.industry ?? from.industry;
  return {
    key: intoKey,
    ...(displayName === undefined ? {} : { displayName }),
    ...(industry === undefined ? {} : { industry }),
    createdAt: Math.min(from.createdAt, into?.createdAt ?? from.createdAt),
    updatedAt: now,
  };
}

const keyOf = (field: string) => (row: unknown) => (row as Record<string, unknown>)[field];

/** The part of a store with a `by-account` index that moving its rows needs. */
interface AccountIndexedStore<T> {
  readonly name: string;
  index(name: 'by-account'): { getAll(query: string): Promise<unknown[]> };
  put(row: T): Promise<unknown>;
}

/**
 * Files every row of `store` kept under `fromKey` under `intoKey` instead, and returns how many moved.
 * Damaged rows are reported and left where they are rather than failing the whole merge.
 */
async function reassignRows<T extends { accountKey: string }>(
  store: AccountIndexedStore<T>,
  schema: z.ZodType<T>,
  keyField: string,
  fromKey: string,
  intoKey: string,
): Promise<number> {
  const rows = validRows(
    schema,
    store.name,
    await store.index('by-account').getAll(fromKey),
    keyOf(keyField),
  );
  for (const row of rows) {
    await store.put(checkedRow(schema, store.name, { ...row, accountKey: intoKey }));
  }
  return rows.length;
}

/**
 * Moves every row of `fromKey` to `intoKey`. With `recordAlias`, the same transaction records `fromKey`
 * as an alias of `intoKey` in the settings, so later writes land in `intoKey` too: rows and alias
 * change together or not at all, and no write can slip in between under the old key.
 */
export async function mergeAccountRows(
  db: Db,
  fromKey: string,
  intoKey: string,
  now: number,
  options: { recordAlias?: boolean } = {},
): Promise<MergedRows> {
  if (fromKey === intoKey) throw new Error('An account cannot be merged into itself.');
  return inTransaction(
    db,
    [
      'accounts',
      'deals',
      'contacts',
      'notes',
      'followUps',
      'stageEvents',
      'questionLog',
      'touches',
      'privateItems',
    ],
    'readwrite',
    async (tx) => {
      const accounts = tx.objectStore('accounts');
      const from = validRow(accountRecordSchema, 'accounts', await accounts.get(fromKey), fromKey);
      if (from) {
        const into = validRow(accountRecordSchema, 'accounts', await accounts.get(intoKey), intoKey);
        await accounts.put(
          checkedRow(accountRecordSchema, 'accounts', mergeAccountRecords(from, into, intoKey, now)),
        );
        await accounts.delete(fromKey);
      }

      const deals = await reassignRows(tx.objectStore('deals'), dealRecordSchema, 'id', fromKey, intoKey);

      const contacts = await reassignRows(
        tx.objectStore('contacts'),
        contactRecordSchema,
        'email',
        fromKey,
        intoKey,
      );

      const notes = tx.objectStore('notes');
      const noteRows = validRows(
        noteRecordSchema,
        'notes',
        await notes
          .index('by-account-created')
          .getAll(IDBKeyRange.bound([fromKey, -Infinity], [fromKey, Infinity])),
        keyOf('id'),
      );
      for (const note of noteRows) {
        await notes.put(checkedRow(noteRecordSchema, 'notes', { ...note, accountKey: intoKey }));
      }

      const followUps = await reassignRows(
        tx.objectStore('followUps'),
        followUpRecordSchema,
        'id',
        fromKey,
        intoKey,
      );
      const stageEvents = await reassignRows(
        tx.objectStore('stageEvents'),
        stageEventRecordSchema,
        'id',
        fromKey,
        intoKey,
      );

      // Question log rows are keyed by account and question: they are re-keyed, and a question asked of
      // both accounts keeps the earlier time.
      const questionLog = tx.objectStore('questionLog');
      const asked = validRows(
        questionLogRecordSchema,
        'questionLog',
        await questionLog.index('by-account').getAll(fromKey),
        keyOf('id'),
      );
      for (const entry of asked) {
        const id = questionLogId(intoKey, entry.questionId);
        const existing = validRow(questionLogRecordSchema, 'questionLog', await questionLog.get(id), id);
        await questionLog.delete(entry.id);
        if (!existing || existing.askedAt > entry.askedAt) {
          await questionLog.put(
            checkedRow(questionLogRecordSchema, 'questionLog', { ...entry, id, accountKey: intoKey }),
          );
        }
      }

      // A touch's visit names the thread and the day, not the account: moving it keeps it unique.
      const touches = tx.objectStore('touches');
      const touchRows = validRows(
        touchRecordSchema,
        'touches',
        await touches.index('by-account-at').getAll(accountTouchRange(fromKey)),
        keyOf('id'),
      );
      for (const touch of touchRows) {
        await touches.put(checkedRow(touchRecordSchema, 'touches', { ...touch, accountKey: intoKey }));
      }

      if (options.recordAlias) {
        const privateItems = tx.objectStore('privateItems');
        const settings = await readSettingsIn(privateItems);
        await writeSettingsIn(privateItems, {
          ...settings,
          accountAliases: { ...settings.accountAliases, [fromKey]: intoKey },
        });
      }

      return {
        account: from !== undefined,
        deals,
        contacts,
        notes: noteRows.length,
        followUps,
        stageEvents,
        questionLog: asked.length,
        touches: touchRows.length,
      };
    },
  );
}
