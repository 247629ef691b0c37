import { updateAccount, withChecklistItem } from '../../db/accounts';
import type { SetChecklistItemRequest } from '../../messaging/protocol';
import { broadcastDataChanged } from '../broadcast';
import { database } from '../database';
import { personSeen } from '../person';
import { handle } from '../router';

export async function setChecklistItem(request: SetChecklistItemRequest, tabId?: number): Promise<void> {
  await updateAccount(
    await database(),
    request.accountKey,
    Date.now(),
    (account) => withChecklistItem(account, request.stageId, request.itemId, request.done),
    await personSeen(request.accountKey, request.contactEmail, tabId),
  );
  broadcastDataChanged({ accountKeys: [request.accountKey] });
}

export function registerSetChecklistItem(): void {
  handle('setChecklistItem', 'extension-page', (request, caller) => setChecklistItem(request, caller.tabId));
}
