import type { Db } from './open';
import { questionLogRecordSchema, type QuestionLogRecord } from './records';
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
  const existing = await db.get('questionLog', row.id);
  if (!existing) await db.put('questionLog', row);
  return row;
}

export async function undoQuestionAsked(db: Db, accountKey: string, questionId: string): Promise<void> {
  await db.delete('questionLog', questionLogId(accountKey, questionId));
}

export async function listQuestionsAsked(db: Db, accountKey: string): Promise<QuestionLogRecord[]> {
  return validRows(
    questionLogRecordSchema,
    'questionLog',
    await db.getAllFromIndex('questionLog', 'by-account', accountKey),
    (row) => (row as { id?: unknown }).id,
  );
}
