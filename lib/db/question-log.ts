import type { Db } from './open';
import { questionLogRecordSchema, type QuestionLogRecord } from './records';
import { inTransaction } from './transaction';
import { checkedRow, validRows } from './validate';

/** A question log row's key: one row per question asked of an account. */
export function questionLogId(accountKey: string, questionId: string): string {
  return `${accountKey}\u0000${questionId}`;
}

/** Records that a SPIN question was asked of an account, so it is not suggested again. */
export async function logQuestionAsked(
  db: Db,
  entry: Omit<QuestionLogRecord, 'id'>,
): Promise<QuestionLogRecord> {
  // One row per account and question: asking twice keeps the first time.
  const row = checkedRow(questionLogRecordSchema, 'questionLog', {
    ...entry,
    id: questionLogId(entry.accountKey, entry.questionId),
  });
  await inTransaction(db, ['questionLog'], 'readwrite', async (tx) => {
    const store = tx.objectStore('questionLog');
    if (!(await store.get(row.id))) await store.put(row);
  });
  return row;
}

export async function undoQuestionAsked(db: Db, accountKey: string, questionId: string): Promise<void> {
  await inTransaction(db, ['questionLog'], 'readwrite', (tx) =>
    tx.objectStore('questionLog').delete(questionLogId(accountKey, questionId)),
  );
}

export async function listQuestionsAsked(db: Db, accountKey: string): Promise<QuestionLogRecord[]> {
  return validRows(
    questionLogRecordSchema,
    'questionLog',
    await db.getAllFromIndex('questionLog', 'by-account', accountKey),
    (row) => (row as { id?: unknown }).id,
  );
}
