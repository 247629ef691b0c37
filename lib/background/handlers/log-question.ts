import { updateAccount } from '../../db/accounts';
import { logQuestionAsked, undoQuestionAsked } from '../../db/question-log';
import type { LogQuestionRequest } from '../../messaging/protocol';
import { broadcastDataChanged } from '../broadcast';
import { database } from '../database';
import { personSeen } from '../person';
import { handle } from '../router';

export async function logQuestion(request: LogQuestionRequest, tabId?: number): Promise<void> {
  const db = await database();
  const now = Date.now();
  if (request.asked) {
    // Asking a question is work on the deal: the account exists from then on.
    await updateAccount(
      db,
      request.accountKey,
      now,
      (account) => account,
      await personSeen(request.accountKey, request.contactEmail, tabId),
    );
    await logQuestionAsked(db, {
      accountKey: request.accountKey,
      questionId: request.questionId,
      spinType: request.spinType,
      askedAt: now,
    });
  } else {
    await undoQuestionAsked(db, request.accountKey, request.questionId);
  }
  broadcastDataChanged({ accountKeys: [request.accountKey] });
}

export function registerLogQuestion(): void {
  handle('logQuestion', 'extension-page', (request, caller) => logQuestion(request, caller.tabId));
}
