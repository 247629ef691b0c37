import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addDeal, closeDeal, tickDealChecklist } from '../../../lib/db/deals';
import { addFollowUp, applyFollowUpAction } from '../../../lib/db/follow-ups';
import { addTouchOnce } from '../../../lib/db/touches';
import type { ContactRecord } from '../../../lib/db/records';
import type { MessageType, RequestOf, ResultOf } from '../../../lib/messaging/messages';
import type { PipelineDeal } from '../../../lib/messaging/protocol';
import { database, resetDatabase } from '../support/database';
import { installFakeHostAccess } from '../support/fake-host-access';
import { inProcessMessenger } from '../support/in-process-messenger';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

/** Sends as the pipeline page would, typed by the message table. */
const sendMessage = <T extends MessageType>(type: T, data: RequestOf<T>) =>
  inProcessMessenger.sendMessage(type, data) as Promise<ResultOf<T>>;

const NORTHWIND = 'northwind-trading.com';
const CONTOSO = 'xn--mnchen-3ya.de';
const DAY = 86_400_000;
const T0 = 1_780_000_000_000;

let nextId = 0;
const newId = () => `id-${++nextId}`;

async function seedContact(contact: Omit<ContactRecord, 'createdAt' | 'updatedAt'>): Promise<void> {
  await (await database()).put('contacts', { ...contact, createdAt: T0, updatedAt: T0 });
}

async function pipelineDeals(): Promise<Map<string, PipelineDeal>> {
  const view = await sendMessage('getPipeline', {});
  return new Map(view.deals.map((deal) => [deal.title, deal]));
}

beforeEach(async () => {
  installFakeHostAccess();
  await resetDatabase();
});

describe('getPipeline', () => {
  it('answers every open deal with its account, last touch and next follow-up; closed deals are left out', async () => {
    const db = await database();
    const pilot = await addDeal(
      db,
      {
        accountKey: NORTHWIND,
        title: 'Pilot',
        stageId: 'lead',
        value: 120_000,
        currency: 'EUR',
        closeDate: '2026-06-30',
      },
      T0,
      newId,
    );
    const parts = await addDeal(
      db,
      { accountKey: NORTHWIND, title: 'Spare parts', stageId: 'discovery' },
      T0,
      newId,
    );
    const won = await addDeal(
      db,
      { accountKey: NORTHWIND, title: 'Old order', stageId: 'negotiation' },
      T0,
      newId,
    );
    await closeDeal(db, won.id, { outcome: 'won' }, T0 + DAY);
    await addDeal(db, { accountKey: CONTOSO, title: 'Rollout', stageId: 'solution' }, T0, newId);
    await db.put('accounts', {
      key: NORTHWIND,
      displayName: 'Northwind Trading',
      createdAt: T0,
      updatedAt: T0,
    });

    // The pilot's own follow-ups: the earliest open one is its next step; a done one is not.
    await addFollowUp(
      db,
      { accountKey: NORTHWIND, dealId: pilot.id, title: 'Send the quote', due: T0 + 5 * DAY },
      T0,
      'f1',
    );
    await addFollowUp(
      db,
      { accountKey: NORTHWIND, dealId: pilot.id, title: 'Book the demo', due: T0 + 9 * DAY },
      T0,
      'f2',
    );
    await addFollowUp(
      db,
      { accountKey: NORTHWIND, dealId: pilot.id, title: 'Intro call', due: T0 + DAY },
      T0,
      'f3',
    );
    await applyFollowUpAction(db, 'f3', { kind: 'done' }, T0 + DAY);
    // One about the account as a whole: the next step of its deals that have none earlier.
    await addFollowUp(db, { accountKey: NORTHWIND, title: 'Check in', due: T0 + 7 * DAY }, T0, 'f4');
    // The won deal's follow-up is not the next step of any open deal.
    await addFollowUp(
      db,
      { accountKey: NORTHWIND, dealId: won.id, title: 'Invoice', due: T0 + 2 * DAY },
      T0,
      'f5',
    );

    await seedContact({
      email: 'jane@northwind-trading.com',
      accountKey: NORTHWIND,
      lastSeenAt: T0 - 3 * DAY,
      lastSeenUrl: 'https://mail.google.com/mail/u/0/#inbox/a',
    });
    await seedContact({
      email: 'li@northwind-trading.com',
      accountKey: NORTHWIND,
      lastSeenAt: T0 - DAY,
      lastSeenUrl: 'chrome://settings',
    });
    await seedContact({ email: 'max@xn--mnchen-3ya.de', accountKey: CONTOSO });
    // Northwind's touches: the newest one is its last touch (seeing a person is not a touch).
    for (const [id, at] of [
      ['t1', T0 - 4 * DAY],
      ['t2', T0 - 2 * DAY],
    ] as const) {
      await addTouchOnce(await database(), {
        id,
        accountKey: NORTHWIND,
        at,
        site: 'gmail',
        title: `Re: Pilot ${id}`,
        visitKey: `gmail ${id}`,
      });
    }

    const deals = await pipelineDeals();
    expect([...deals.keys()].sort()).toEqual(['Pilot', 'Rollout', 'Spare parts']);
    expect(deals.get('Pilot')).toEqual({
      id: pilot.id,
      title: 'Pilot',
      value: 120_000,
      currency: 'EUR',
      closeDate: '2026-06-30',
      stageId: 'lead',
      stageEnteredAt: T0,
      accountKey: NORTHWIND,
      accountLabel: 'Northwind Trading',
      lastTouchAt: T0 - 2 * DAY,
      nextFollowUp: { title: 'Send the quote', due: T0 + 5 * DAY },
      hasPage: true,
    });
    expect(deals.get('Spare parts')).toMatchObject({
      id: parts.id,
      stageId: 'discovery',
      nextFollowUp: { title: 'Check in', due: T0 + 7 * DAY },
    });
    // No display name: the Unicode domain. No page on the web to return to, no touch known.
    const rollout = deals.get('Rollout')!;
    expect(rollout).toMatchObject({ accountLabel: 'münchen.de', hasPage: false });
    expect(rollout).not.toHaveProperty('lastTouchAt');
    expect(rollout).not.toHaveProperty('nextFollowUp');
  });

  it('includes open deals that have no stage yet (the index leaves them out)', async () => {
    const db = await database();
    // Ticking an item on an account without deals gives it a first deal, without a stage.
    await tickDealChecklist(
      db,
      { accountKey: NORTHWIND, stageId: 'lead', itemId: 'budget', done: true },
      T0,
      newId,
    );
    const closedUnstaged = await addDeal(
      db,
      { accountKey: CONTOSO, title: 'Closed without stage' },
      T0,
      newId,
    );
    await closeDeal(db, closedUnstaged.id, { outcome: 'lost', lostReason: 'budget' }, T0);

    const deals = await pipelineDeals();
    expect([...deals.keys()]).toEqual([NORTHWIND]);
    expect(deals.get(NORTHWIND)).not.toHaveProperty('stageId');
  });

  it('leaves a damaged deal out rather than failing the page', async () => {
    const db = await database();
    await addDeal(db, { accountKey: NORTHWIND, title: 'Good', stageId: 'lead' }, T0, newId);
    await db.put('deals', { id: 'broken', accountKey: NORTHWIND, outcome: 'open', stageId: 'lead' } as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect([...(await pipelineDeals()).keys()]).toEqual(['Good']);
    expect(warn).toHaveBeenCalled();
  });

  it('moving a deal from the pipeline is the panel’s setStage: the new stage and its cadence', async () => {
    const db = await database();
    const deal = await addDeal(db, { accountKey: NORTHWIND, title: 'Pilot', stageId: 'lead' }, T0, newId);
    await sendMessage('setStage', {
      accountKey: NORTHWIND,
      dealId: deal.id,
      stageId: 'discovery',
      locale: 'en',
    });
    expect((await pipelineDeals()).get('Pilot')?.stageId).toBe('discovery');
    const proposals = (await db.getAllFromIndex('followUps', 'by-account', NORTHWIND)).filter(
      (row) => row.status === 'proposed' && row.dealId === deal.id,
    );
    expect(proposals.length).toBeGreaterThan(0);
  });
});

describe('openAccountPage', () => {
  it('says when the account has no page to return to', async () => {
    await seedContact({ email: 'max@xn--mnchen-3ya.de', accountKey: CONTOSO });
    // Northwind's touches: the newest one is its last touch (seeing a person is not a touch).
    for (const [id, at] of [
      ['t1', T0 - 4 * DAY],
      ['t2', T0 - 2 * DAY],
    ] as const) {
      await addTouchOnce(await database(), {
        id,
        accountKey: NORTHWIND,
        at,
        site: 'gmail',
        title: `Re: Pilot ${id}`,
        visitKey: `gmail ${id}`,
      });
    }
    expect(await sendMessage('openAccountPage', { accountKey: CONTOSO })).toEqual({
      opened: 'nothing',
      reason: 'no-page',
    });
  });
});

describe('getPipeline with firstPerStage', () => {
  it('answers each stage’s first cards in board order with every stage’s count and totals', async () => {
    const db = await database();
    for (const [title, closeDate, value] of [
      ['Late', '2026-09-01', 100],
      ['Soon', '2026-06-01', 200],
      ['Undated', undefined, 300],
    ] as const) {
      await addDeal(
        db,
        {
          accountKey: NORTHWIND,
          title,
          stageId: 'lead',
          value,
          currency: 'EUR',
          ...(closeDate ? { closeDate } : {}),
        },
        T0,
        newId,
      );
    }
    await addDeal(db, { accountKey: CONTOSO, title: 'Rollout', stageId: 'solution' }, T0, newId);

    const first = await sendMessage('getPipeline', { firstPerStage: 2 });
    expect(first.deals.map((deal) => deal.title).sort()).toEqual(['Late', 'Rollout', 'Soon']);
    expect(first.groups).toEqual(
      expect.arrayContaining([
        { stageId: 'lead', count: 3, totals: [{ currency: 'EUR', value: 600 }] },
        { stageId: 'solution', count: 1, totals: [] },
      ]),
    );
    expect(first.groups).toHaveLength(2);
    // Without it: every deal, and no groups.
    const all = await sendMessage('getPipeline', {});
    expect(all.deals).toHaveLength(4);
    expect(all).not.toHaveProperty('groups');
  });
});
