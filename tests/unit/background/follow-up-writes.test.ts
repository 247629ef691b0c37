import { beforeEach, describe, expect, it, vi } from 'vitest';
import { toDateTimeLocalValue } from '../../../lib/dates/due';
import { addFollowUp, applyFollowUpAction, listAccountFollowUps } from '../../../lib/db/follow-ups';
import type { FollowUpRecord } from '../../../lib/db/records';
import { messages, type MessageType, type RequestOf, type ResultOf } from '../../../lib/messaging/messages';
import { database, resetDatabase } from '../support/database';
import { installFakeHostAccess } from '../support/fake-host-access';
import { inProcessMessenger } from '../support/in-process-messenger';
import { local, useTimeZone } from '../reminders/time-zone';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

/** Sends as the panel would, typed by the message table. */
const sendMessage = <T extends MessageType>(type: T, data: RequestOf<T>) =>
  inProcessMessenger.sendMessage(type, data) as Promise<ResultOf<T>>;
const { saveSettings } = await import('../../../lib/background/handlers/options-settings');
const { setStage } = await import('../../../lib/background/handlers/panel-writes');

const ACCOUNT = 'northwind-trading.com';
const rows = async () => listAccountFollowUps(await database(), ACCOUNT);

/** Accounts named by the `dataChanged` events of a test. */
function changedAccounts() {
  const seen: string[] = [];
  inProcessMessenger.onMessage('dataChanged', ({ data }) => {
    seen.push(...(data as { accountKeys: string[] }).accountKeys);
  });
  return seen;
}

async function seedFollowUp(title = 'Send the pilot proposal'): Promise<FollowUpRecord> {
  return addFollowUp(
    await database(),
    { accountKey: ACCOUNT, title, due: local(2026, 5, 20, 9) },
    1_000,
    'f-1',
  );
}

beforeEach(async () => {
  installFakeHostAccess();
  await resetDatabase();
});

describe('editing a follow-up', () => {
  it('changes the title and due time, bumps updatedAt, ends a snooze and tells open panels', async () => {
    const seeded = await seedFollowUp();
    await applyFollowUpAction(
      await database(),
      seeded.id,
      { kind: 'snooze', until: local(2026, 5, 21, 9) },
      2_000,
    );
    const seen = changedAccounts();
    const before = Date.now();
    const edited = await sendMessage('editFollowUp', {
      id: seeded.id,
      title: '  Send the revised proposal  ',
      due: local(2026, 5, 22, 14, 30),
    });
    expect(edited).toMatchObject({
      id: seeded.id,
      title: 'Send the revised proposal',
      due: local(2026, 5, 22, 14, 30),
      status: 'open',
      source: 'manual',
      createdAt: 1_000,
    });
    expect(edited!.updatedAt).toBeGreaterThanOrEqual(before);
    expect(edited).not.toHaveProperty('snoozedUntil');
    expect(await rows()).toEqual([edited]);
    expect(seen).toContain(ACCOUNT);
  });

  it("makes an edited proposal from the cadence the rep's own open follow-up", async () => {
    await setStage({ accountKey: ACCOUNT, stageId: 'lead', locale: 'en' });
    const proposal = (await rows()).find((row) => row.status === 'proposed')!;
    expect(proposal).toMatchObject({ source: 'plan', planStepId: expect.any(String) });
    const edited = await sendMessage('editFollowUp', {
      id: proposal.id,
      title: 'Call Jane',
      due: proposal.due,
    });
    expect(edited).toMatchObject({ status: 'open', source: 'manual', title: 'Call Jane' });
    expect(edited).not.toHaveProperty('planStepId');
  });

  it('refuses an empty title or a bad due time by name, and a follow-up that is gone', async () => {
    const seeded = await seedFollowUp();
    await expect(
      sendMessage('editFollowUp', { id: seeded.id, title: '   ', due: seeded.due }),
    ).rejects.toThrow(/title/);
    await expect(sendMessage('editFollowUp', { id: seeded.id, title: 'x', due: -1 })).rejects.toThrow(/due/);
    await expect(sendMessage('editFollowUp', { id: 'missing', title: 'x', due: seeded.due })).rejects.toThrow(
      'no longer exists',
    );
    expect(await rows()).toEqual([seeded]);
  });
});

describe('deleting a follow-up and undoing it', () => {
  it('deletes at once, answers with the row, and puts back exactly that row', async () => {
    const seeded = await seedFollowUp('Quote: 3,000 units; 跟进 🚀');
    const seen = changedAccounts();
    const deleted = await sendMessage('deleteFollowUp', { id: seeded.id });
    expect(deleted).toEqual(seeded);
    expect(await rows()).toEqual([]);
    expect(seen).toEqual([ACCOUNT]);

    await sendMessage('restoreFollowUp', { followUp: deleted! });
    expect(await rows()).toEqual([seeded]);
    expect(seen).toEqual([ACCOUNT, ACCOUNT]);
  });

  it('answers null for a follow-up that is not there', async () => {
    expect(await sendMessage('deleteFollowUp', { id: 'missing' })).toBeNull();
  });

  it('restores only a row the follow-up schema admits', async () => {
    const seeded = await seedFollowUp();
    await sendMessage('deleteFollowUp', { id: seeded.id });
    const damaged = { ...seeded, status: 'archived' } as unknown as FollowUpRecord;
    await expect(sendMessage('restoreFollowUp', { followUp: damaged })).rejects.toThrow(/status/);
    expect(messages.restoreFollowUp.request.safeParse({ followUp: { ...seeded, title: '' } }).success).toBe(
      false,
    );
    expect(await rows()).toEqual([]);
  });
});

describe('cadences count business days', () => {
  useTimeZone('Europe/Berlin');

  const dueOf = async (stepId: string) => {
    const row = (await rows()).find((candidate) => candidate.planStepId === stepId);
    return toDateTimeLocalValue(row!.due).replace('T', ' ');
  };

  it('proposes Monday 9:00 for a one-day step started on a Friday, and skips weekends after', async () => {
    await saveSettings({ weekendDays: null });
    // Friday 23 October 2026, late; the clocks go back on Sunday the 25th.
    await setStage(
      { accountKey: ACCOUNT, stageId: 'negotiation', locale: 'en' },
      local(2026, 10, 23, 23, 30),
    );
    expect(await dueOf('confirm-terms-in-writing')).toBe('2026-10-26 09:00');
    expect(await dueOf('chase-contract')).toBe('2026-10-28 09:00');
    expect(await dueOf('confirm-signing-date')).toBe('2026-11-03 09:00');
  });

  it("follows the rep's own weekend: with Friday and Saturday off a Thursday start falls due Sunday", async () => {
    const view = await saveSettings({ weekendDays: [6, 5, 5] as number[] });
    expect(view.settings.weekendDays).toEqual([5, 6]);
    await setStage({ accountKey: ACCOUNT, stageId: 'negotiation', locale: 'en' }, local(2026, 10, 22, 15));
    expect(await dueOf('confirm-terms-in-writing')).toBe('2026-10-25 09:00');
  });

  it('refuses a weekend of all seven days or of days that are not weekdays', () => {
    const request = messages.saveSettings.request;
    expect(request.safeParse({ weekendDays: [1, 2, 3, 4, 5, 6, 7] }).success).toBe(false);
    expect(request.safeParse({ weekendDays: [0] }).success).toBe(false);
    expect(request.safeParse({ weekendDays: [8] }).success).toBe(false);
    expect(request.safeParse({ weekendDays: [] }).success).toBe(true);
    expect(request.safeParse({ weekendDays: null }).success).toBe(true);
  });
});

describe('who did it', () => {
  it('stamps the rep from settings on the deals, follow-ups and questions the panel adds', async () => {
    await saveSettings({ senderName: 'Li Wei', ownEmails: ['li.wei@dealside.example'] });
    const author = { name: 'Li Wei', email: 'li.wei@dealside.example' };
    const deal = await sendMessage('addDeal', { accountKey: ACCOUNT, title: 'Pilot', locale: 'en' });
    expect(deal.author).toEqual(author);
    const followUp = await sendMessage('addFollowUp', {
      accountKey: ACCOUNT,
      title: 'Call back',
      due: local(2026, 5, 20, 9),
    });
    expect(followUp.author).toEqual(author);
    // The stage's cadence proposals are the mover's too.
    const proposed = (await rows()).filter((row) => row.status === 'proposed');
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed.map((row) => row.author)).toEqual(proposed.map(() => author));
    await sendMessage('logQuestion', {
      accountKey: ACCOUNT,
      questionId: 'situation-current-process',
      spinType: 'S',
      asked: true,
    });
    const [asked] = await (await database()).getAll('questionLog');
    expect(asked?.author).toEqual(author);
    // A checklist tick on an account without a deal creates one: the ticker owns it.
    await sendMessage('setChecklistItem', {
      accountKey: 'contoso.example',
      stageId: 'lead',
      itemId: 'fit',
      done: true,
    });
    const [created] = await (await database()).getAllFromIndex('deals', 'by-account', 'contoso.example');
    expect(created?.author).toEqual(author);
  });
});
