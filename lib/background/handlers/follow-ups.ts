import { addFollowUp, applyFollowUpAction, type FollowUpAction } from '../../db/follow-ups';
import type { FollowUpRecord } from '../../db/records';
import type { AddFollowUpRequest, UpdateFollowUpRequest } from '../../messaging/protocol';
import { broadcastDataChanged } from '../broadcast';
import { database } from '../database';
import { personSeen } from '../person';
import { followUpsChanged } from '../reminders';
import { handle } from '../router';

function actionOf(request: UpdateFollowUpRequest): FollowUpAction {
  if (request.action !== 'snooze') return { kind: request.action };
  if (request.until === undefined) throw new Error('Snoozing needs a time to snooze until.');
  return { kind: 'snooze', until: request.until };
}

/** Adds a follow-up the rep wrote and tells every open panel on that account. */
export async function addFollowUpFor(request: AddFollowUpRequest, tabId?: number): Promise<FollowUpRecord> {
  const followUp = await addFollowUp(
    await database(),
    {
      accountKey: request.accountKey,
      title: request.title.trim(),
      due: request.due,
      person: await personSeen(request.accountKey, request.contactEmail, tabId),
    },
    Date.now(),
    crypto.randomUUID(),
  );
  broadcastDataChanged({ accountKeys: [request.accountKey] });
  void followUpsChanged();
  return followUp;
}

/** Done, reopen, snooze, accept or dismiss; tells every open panel on the follow-up's account. */
export async function updateFollowUp(request: UpdateFollowUpRequest): Promise<void> {
  const db = await database();
  const before = await db.get('followUps', request.id);
  const after = await applyFollowUpAction(db, request.id, actionOf(request), Date.now());
  const accountKey = after?.accountKey ?? (before as { accountKey?: string } | undefined)?.accountKey;
  if (accountKey) broadcastDataChanged({ accountKeys: [accountKey] });
  void followUpsChanged();
}

export function registerFollowUps(): void {
  handle('addFollowUp', 'extension-page', (request, caller) => addFollowUpFor(request, caller.tabId));
  handle('updateFollowUp', 'extension-page', (request) => updateFollowUp(request));
}
