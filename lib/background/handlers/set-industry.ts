import { updateAccount } from '../../db/accounts';
import type { SetIndustryRequest } from '../../messaging/protocol';
import { INDUSTRIES } from '../../playbook/schema';
import { broadcastDataChanged } from '../broadcast';
import { database } from '../database';
import { personSeen } from '../person';
import { handle } from '../router';

export async function setIndustry(request: SetIndustryRequest, tabId?: number): Promise<void> {
  if (!(INDUSTRIES as readonly string[]).includes(request.industry)) {
    throw new Error(`Unknown industry "${request.industry}".`);
  }
  await updateAccount(
    await database(),
    request.accountKey,
    Date.now(),
    (account) => ({ ...account, industry: request.industry }),
    await personSeen(request.accountKey, request.contactEmail, tabId),
  );
  broadcastDataChanged({ accountKeys: [request.accountKey] });
}

export function registerSetIndustry(): void {
  handle('setIndustry', 'extension-page', (request, caller) => setIndustry(request, caller.tabId));
}
