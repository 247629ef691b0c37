import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getAccount, updateAccount } from '../../../lib/db/accounts';
import { listAccountFollowUps } from '../../../lib/db/follow-ups';
import type { MessageType, RequestOf, ResultOf } from '../../../lib/messaging/messages';
import { createDefaultPlaybook } from '../../../lib/playbook/default-playbook';
import { addIndustry } from '../../../lib/playbook/edit-industries';
import { database, resetDatabase } from '../support/database';
import { installFakeHostAccess } from '../support/fake-host-access';
import { inProcessMessenger } from '../support/in-process-messenger';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

/** Sends as our pages would, typed by the message table. */
const sendMessage = <T extends MessageType>(type: T, data: RequestOf<T>) =>
  inProcessMessenger.sendMessage(type, data) as Promise<ResultOf<T>>;

const SOFTWARE = 'contoso-cloud.com';
const GENERAL = 'northwind-trading.com';

async function proposedSteps(accountKey: string): Promise<string[]> {
  const rows = await listAccountFollowUps(await database(), accountKey);
  return rows
    .filter((row) => row.status === 'proposed')
    .sort((a, b) => a.due - b.due)
    .map((row) => row.planStepId ?? '');
}

beforeEach(async () => {
  installFakeHostAccess();
  await resetDatabase();
});

describe("an account's industry picks its process", () => {
  it('proposes the software cadence when a software account enters solution design, the general one otherwise', async () => {
    await sendMessage('setIndustry', { accountKey: SOFTWARE, industry: 'software' });
    await sendMessage('setStage', { accountKey: SOFTWARE, stageId: 'solution', locale: 'en' });
    await sendMessage('setStage', { accountKey: GENERAL, stageId: 'solution', locale: 'en' });

    expect(await proposedSteps(SOFTWARE)).toEqual([
      'trial-kickoff',
      'trial-check-in',
      'security-documents',
      'trial-readout',
    ]);
    expect(await proposedSteps(GENERAL)).toEqual([
      'confirm-proposal-received',
      'handle-objections',
      'check-decision-date',
    ]);
    // Lead identification has no software cadence of its own: the general one applies.
    await sendMessage('setStage', { accountKey: SOFTWARE, stageId: 'lead', locale: 'en' });
    expect(await proposedSteps(SOFTWARE)).toEqual([
      'research-stakeholders',
      'first-contact',
      'no-reply-follow-up',
    ]);
  });

  it('follows the general cadence for an industry the playbook dropped, keeping the stored value', async () => {
    await updateAccount(await database(), SOFTWARE, 1_000, (account) => ({ ...account, industry: 'retail' }));
    await sendMessage('setStage', { accountKey: SOFTWARE, stageId: 'solution', locale: 'zh-CN' });
    expect(await proposedSteps(SOFTWARE)).toEqual([
      'confirm-proposal-received',
      'handle-objections',
      'check-decision-date',
    ]);
    expect((await getAccount(await database(), SOFTWARE))?.industry).toBe('retail');
  });

  it("accepts only general and the playbook's industries, including one the rep added", async () => {
    await expect(sendMessage('setIndustry', { accountKey: GENERAL, industry: 'retail' })).rejects.toThrow(
      'The playbook has no industry "retail".',
    );
    expect(await getAccount(await database(), GENERAL)).toBeUndefined();

    const added = addIndustry(createDefaultPlaybook(), { en: 'Retail', 'zh-CN': '零售' });
    if (!added.ok) throw new Error('not added');
    expect(await sendMessage('savePlaybook', { playbook: added.playbook, stageMoves: [] })).toMatchObject({
      ok: true,
    });
    await sendMessage('setIndustry', { accountKey: GENERAL, industry: 'retail' });
    await sendMessage('setIndustry', { accountKey: SOFTWARE, industry: 'general' });
    expect((await getAccount(await database(), GENERAL))?.industry).toBe('retail');
    expect(await sendMessage('countAccountsByIndustry', {})).toEqual({ retail: 1, general: 1 });
  });
});
