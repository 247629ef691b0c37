import { addFollowUp, applyFollowUpAction, type FollowUpAction } from '../../db/follow-ups';
import type { UpdateFollowUpRequest } from '../../messaging/protocol';
import { broadcastDataChanged } from '../broadcast';
import { database } from '../database';
import { personSeen } from '../person';
import { handle } from '../router';

function actionOf(request: UpdateFollowUpRequest): FollowUpAction {
  if (request.action !== 'snooze') return { kind: request.action };
  if (request.until === undefined) throw new Error('Snoozing needs a time to snooze until.');
  return { kind: 'snooze', until: request.until };
}

export function registerFollowUps(): void {
  handle('addFollowUp', 'extension-page', async (request) => {
    const followUp = await addFollowUp(
      await database(),
      {
        accountKey: request.accountKey,
        title: request.title.trim(),
        due: request.due,
        person: personSeen(request.accountKey, request.contactEmail),
      },
      Date.now(),
      crypto.randomUUID(),
    );
    broadcastDataChanged({ accountKeys: [request.accountKey] });
    return followUp;
  });

  handle('updateFollowUp', 'extension-page', async (request) => {
    const db = await database();
    const before = await db.get('followUps', request.id);
    const after = await applyFollowUpAction(db, request.id, actionOf(request), Date.now());
    const accountKey = after?.accountKey ?? (before as { accountKey?: string } | undefined)?.accountKey;
    if (accountKey) broadcastDataChanged({ accountKeys: [accountKey] });
  });
}
