import { changeStage } from '../../db/accounts';
import type { SetStageRequest } from '../../messaging/protocol';
import { localized } from '../../playbook/text';
import { broadcastDataChanged } from '../broadcast';
import { database } from '../database';
import { personSeen } from '../person';
import { readPlaybook } from '../playbook-store';
import { followUpsChanged } from '../reminders';
import { handle } from '../router';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Follow-ups fall due at 9:00 local time on their day, when a rep starts work. */
function dueOnDay(now: number, offsetDays: number): number {
  const due = new Date(now + offsetDays * DAY_MS);
  due.setHours(9, 0, 0, 0);
  return due.getTime();
}

export async function setStage(request: SetStageRequest, now = Date.now(), tabId?: number): Promise<void> {
  const playbook = await readPlaybook();
  if (!playbook.stages.some((stage) => stage.id === request.stageId)) {
    throw new Error(`The playbook has no stage "${request.stageId}".`);
  }
  const cadence = playbook.cadences.find((candidate) => candidate.stageId === request.stageId);
  await changeStage(
    await database(),
    {
      accountKey: request.accountKey,
      stageId: request.stageId,
      person: await personSeen(request.accountKey, request.contactEmail, tabId),
      proposals: (cadence?.steps ?? []).map((step) => ({
        stepId: step.id,
        title: localized(step.title, request.locale),
        due: dueOnDay(now, step.offsetDays),
      })),
    },
    now,
    () => crypto.randomUUID(),
  );
  broadcastDataChanged({ accountKeys: [request.accountKey] });
  // Proposals are neither counted nor announced, but a stage change dismisses earlier ones: recount.
  void followUpsChanged();
}

export function registerSetStage(): void {
  handle('setStage', 'extension-page', (request, caller) => setStage(request, Date.now(), caller.tabId));
}
