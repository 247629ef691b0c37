/**
 * Deals as lib/db/deals.ts writes them: added, edited, won, lost with a reason and reopened; moved
 * through stages and ticked one at a time, always the deal the write names; an account's first deal
 * named after it; and closing a deal dismisses the follow-ups its cadence proposed, not another deal's.
 */
import { describe, expect, it } from 'vitest';
import { getAccount, updateAccount } from '../../../lib/db/accounts';
import {
  addDeal,
  changeDealStage,
  closeDeal,
  DealNotFound,
  editDeal,
  getDeal,
  inDealOrder,
  listAccountDeals,
  tickDealChecklist,
} from '../../../lib/db/deals';
import { addFollowUp, listAccountFollowUps } from '../../../lib/db/follow-ups';
import type { Db } from '../../../lib/db/open';
import type { DealRecord } from '../../../lib/db/records';
import { freshDb } from './helpers';

let ids = 0;
const newId = () => `id-${++ids}`;

const ACCOUNT = 'northwind-trading.com';
const proposal = (stepId: string, due = 10_000) => ({ stepId, title: `Step ${stepId}`, due });

async function eventsOf(db: Db, accountKey = ACCOUNT) {
  return (await db.getAllFromIndex('stageEvents', 'by-account', accountKey)).sort((a, b) => a.at - b.at);
}

describe('adding a deal', () => {
  it('creates the account on its first write, and an open deal with what the rep typed', async () => {
    const { db } = await freshDb();
    const deal = await addDeal(
      db,
      {
        accountKey: ACCOUNT,
        title: 'Cold-chain pilot',
        value: 48_000,
        currency: 'EUR',
        closeDate: '2026-09-30',
        person: { email: 'jane.cooper@northwind-trading.com', accountKey: ACCOUNT, name: 'Jane Cooper' },
      },
      1000,
      newId,
    );
    expect(deal).toEqual({
      id: deal.id,
      accountKey: ACCOUNT,
      title: 'Cold-chain pilot',
      value: 48_000,
      currency: 'EUR',
      closeDate: '2026-09-30',
      checklist: {},
      outcome: 'open',
      createdAt: 1000,
      updatedAt: 1000,
    });
    expect(await getDeal(db, deal.id)).toEqual(deal);
    expect(await getAccount(db, ACCOUNT)).toMatchObject({ key: ACCOUNT, createdAt: 1000 });
    expect(await db.get('contacts', 'jane.cooper@northwind-trading.com')).toMatchObject({
      accountKey: ACCOUNT,
      name: 'Jane Cooper',
    });
    // Without a stage there is no stage move to record.
    expect(await eventsOf(db)).toEqual([]);
  });

  it('in a stage: records its first move and the cadence’s proposals for that deal', async () => {
    const { db } = await freshDb();
    const deal = await addDeal(
      db,
      { accountKey: ACCOUNT, title: 'Rollout', stageId: 'lead', proposals: [proposal('call')] },
      1000,
      newId,
    );
    expect(deal).toMatchObject({ title: 'Rollout', stageId: 'lead', stageEnteredAt: 1000, outcome: 'open' });
    expect(await eventsOf(db)).toEqual([
      { id: expect.any(String), accountKey: ACCOUNT, dealId: deal.id, to: 'lead', at: 1000 },
    ]);
    expect(await listAccountFollowUps(db, ACCOUNT)).toEqual([
      expect.objectContaining({ dealId: deal.id, status: 'proposed', source: 'plan', planStepId: 'call' }),
    ]);
  });

  it('gives an account as many deals as the rep adds, open ones first', async () => {
    const { db } = await freshDb();
    const first = await addDeal(db, { accountKey: ACCOUNT, title: 'First order' }, 1000, newId);
    const second = await addDeal(db, { accountKey: ACCOUNT, title: 'Second site' }, 2000, newId);
    await closeDeal(db, first.id, { outcome: 'won' }, 3000);
    expect((await listAccountDeals(db, ACCOUNT)).map((deal) => deal.title)).toEqual([
      'Second site',
      'First order',
    ]);
    expect(second.id).not.toBe(first.id);
  });
});

describe('editing a deal', () => {
  it('changes what is given, leaves what is absent and clears what is null', async () => {
    const { db } = await freshDb();
    const deal = await addDeal(
      db,
      { accountKey: ACCOUNT, title: 'Pilot', value: 10_000, currency: 'EUR', closeDate: '2026-06-30' },
      1000,
      newId,
    );
    const edited = await editDeal(
      db,
      deal.id,
      { title: 'Pilot, 3 sites', value: 30_000, closeDate: null },
      2000,
    );
    const { closeDate: _closeDate, ...withoutCloseDate } = deal;
    void _closeDate;
    expect(edited).toEqual({
      ...withoutCloseDate,
      title: 'Pilot, 3 sites',
      value: 30_000,
      currency: 'EUR',
      updatedAt: 2000,
    });
    expect(edited).not.toHaveProperty('closeDate');
    expect(await getDeal(db, deal.id)).toEqual(edited);

    await editDeal(db, deal.id, { value: null, currency: null }, 3000);
    const cleared = await getDeal(db, deal.id);
    expect(cleared).not.toHaveProperty('value');
    expect(cleared).not.toHaveProperty('currency');
    expect(cleared).toMatchObject({ title: 'Pilot, 3 sites', updatedAt: 3000 });
  });

  it('refuses a deal that is not there, and a value no deal can have, writing nothing', async () => {
    const { db } = await freshDb();
    await expect(editDeal(db, 'gone', { title: 'x' }, 1000)).rejects.toBeInstanceOf(DealNotFound);
    const deal = await addDeal(db, { accountKey: ACCOUNT, title: 'Pilot' }, 1000, newId);
    await expect(editDeal(db, deal.id, { closeDate: '2026-02-30' }, 2000)).rejects.toThrow();
    await expect(editDeal(db, deal.id, { value: -5 }, 2000)).rejects.toThrow();
    expect(await getDeal(db, deal.id)).toEqual(deal);
  });
});

describe('closing a deal', () => {
  it('won: keeps its stage, records when', async () => {
    const { db } = await freshDb();
    const deal = await addDeal(
      db,
      { accountKey: ACCOUNT, title: 'Pilot', stageId: 'negotiation' },
      1000,
      newId,
    );
    const won = await closeDeal(db, deal.id, { outcome: 'won' }, 5000);
    expect(won).toEqual({ ...deal, outcome: 'won', closedAt: 5000, updatedAt: 5000 });
    expect(won).not.toHaveProperty('lostReason');
    expect(await getDeal(db, deal.id)).toEqual(won);
  });

  it('lost with a reason; reopening clears the reason and the time it closed', async () => {
    const { db } = await freshDb();
    const deal = await addDeal(db, { accountKey: ACCOUNT, title: 'Pilot', stageId: 'solution' }, 1000, newId);
    const lost = await closeDeal(db, deal.id, { outcome: 'lost', lostReason: 'competitor' }, 5000);
    expect(lost).toMatchObject({
      outcome: 'lost',
      lostReason: 'competitor',
      closedAt: 5000,
      stageId: 'solution',
    });

    const reopened = await closeDeal(db, deal.id, { outcome: 'open' }, 6000);
    expect(reopened).toEqual({ ...deal, outcome: 'open', updatedAt: 6000 });
    expect(reopened).not.toHaveProperty('lostReason');
    expect(reopened).not.toHaveProperty('closedAt');
    expect(await getDeal(db, deal.id)).toEqual(reopened);

    // Won after a loss keeps no reason of the loss either.
    await closeDeal(db, deal.id, { outcome: 'lost', lostReason: 'price' }, 7000);
    const won = await closeDeal(db, deal.id, { outcome: 'won' }, 8000);
    expect(won).toMatchObject({ outcome: 'won', closedAt: 8000 });
    expect(won).not.toHaveProperty('lostReason');
  });

  it('dismisses the follow-ups its cadence proposed, never another deal’s nor the rep’s own', async () => {
    const { db } = await freshDb();
    const pilot = await addDeal(
      db,
      {
        accountKey: ACCOUNT,
        title: 'Pilot',
        stageId: 'discovery',
        proposals: [proposal('a'), proposal('b')],
      },
      1000,
      newId,
    );
    const rollout = await addDeal(
      db,
      { accountKey: ACCOUNT, title: 'Rollout', stageId: 'lead', proposals: [proposal('c')] },
      1000,
      newId,
    );
    await addFollowUp(
      db,
      { accountKey: ACCOUNT, dealId: pilot.id, title: 'Send the quote', due: 9000 },
      1500,
      'own',
    );
    expect((await listAccountFollowUps(db, ACCOUNT)).length).toBe(4);

    await closeDeal(db, pilot.id, { outcome: 'lost', lostReason: 'price' }, 2000);
    const left = await listAccountFollowUps(db, ACCOUNT);
    expect(left.map((followUp) => [followUp.dealId, followUp.status, followUp.title]).sort()).toEqual(
      [
        [pilot.id, 'open', 'Send the quote'],
        [rollout.id, 'proposed', 'Step c'],
      ].sort(),
    );
  });

  it('refuses a deal that is not there', async () => {
    const { db } = await freshDb();
    await expect(closeDeal(db, 'gone', { outcome: 'won' }, 1000)).rejects.toBeInstanceOf(DealNotFound);
  });
});

describe('changing a deal’s stage', () => {
  it('on an account without deals, starts its first deal, named after the account', async () => {
    const { db } = await freshDb();
    await updateAccount(db, ACCOUNT, 500, (account) => ({ ...account, displayName: 'Northwind Trading' }));
    const { deal, proposals } = await changeDealStage(
      db,
      { accountKey: ACCOUNT, stageId: 'lead', proposals: [proposal('call')] },
      1000,
      newId,
    );
    expect(deal).toMatchObject({
      accountKey: ACCOUNT,
      title: 'Northwind Trading',
      stageId: 'lead',
      stageEnteredAt: 1000,
      checklist: {},
      outcome: 'open',
      createdAt: 1000,
    });
    expect(await listAccountDeals(db, ACCOUNT)).toEqual([deal]);
    expect(proposals).toEqual([expect.objectContaining({ dealId: deal.id, planStepId: 'call' })]);
    expect(await eventsOf(db)).toEqual([expect.objectContaining({ dealId: deal.id, to: 'lead', at: 1000 })]);
  });

  it('names an account’s first deal by its key when it has no name', async () => {
    const { db } = await freshDb();
    const { deal } = await changeDealStage(
      db,
      { accountKey: 'contoso.com', stageId: 'lead', proposals: [] },
      1000,
      newId,
    );
    expect(deal.title).toBe('contoso.com');
  });

  it('moves the account’s only open deal when the write names none, forwards and back', async () => {
    const { db } = await freshDb();
    const first = (
      await changeDealStage(db, { accountKey: ACCOUNT, stageId: 'lead', proposals: [] }, 1000, newId)
    ).deal;
    const won = await addDeal(
      db,
      { accountKey: ACCOUNT, title: 'Last year', stageId: 'after-sales' },
      900,
      newId,
    );
    await closeDeal(db, won.id, { outcome: 'won' }, 950);

    await changeDealStage(db, { accountKey: ACCOUNT, stageId: 'solution', proposals: [] }, 2000, newId);
    await changeDealStage(db, { accountKey: ACCOUNT, stageId: 'discovery', proposals: [] }, 3000, newId);
    expect(await getDeal(db, first.id)).toMatchObject({ stageId: 'discovery', stageEnteredAt: 3000 });
    expect(await getDeal(db, won.id)).toMatchObject({ stageId: 'after-sales', outcome: 'won' });
    expect(
      (await eventsOf(db)).filter((event) => event.dealId === first.id).map(({ from, to }) => [from, to]),
    ).toEqual([
      [undefined, 'lead'],
      ['lead', 'solution'],
      ['solution', 'discovery'],
    ]);
  });

  it('records nothing when the deal is already in that stage', async () => {
    const { db } = await freshDb();
    const deal = await addDeal(db, { accountKey: ACCOUNT, title: 'Pilot', stageId: 'lead' }, 1000, newId);
    const again = await changeDealStage(
      db,
      { accountKey: ACCOUNT, dealId: deal.id, stageId: 'lead', proposals: [proposal('x')] },
      2000,
      newId,
    );
    expect(again).toEqual({ deal, proposals: [] });
    expect(await eventsOf(db)).toHaveLength(1);
  });

  it('refuses a write that names no deal on an account with several open ones, writing nothing', async () => {
    const { db } = await freshDb();
    const pilot = await addDeal(db, { accountKey: ACCOUNT, title: 'Pilot', stageId: 'lead' }, 1000, newId);
    const rollout = await addDeal(
      db,
      { accountKey: ACCOUNT, title: 'Rollout', stageId: 'lead' },
      1000,
      newId,
    );
    await expect(
      changeDealStage(
        db,
        { accountKey: ACCOUNT, stageId: 'solution', proposals: [proposal('p')] },
        2000,
        newId,
      ),
    ).rejects.toThrow(/several open deals/);
    await expect(
      tickDealChecklist(
        db,
        { accountKey: ACCOUNT, stageId: 'lead', itemId: 'fit-check', done: true },
        2000,
        newId,
      ),
    ).rejects.toThrow(/several open deals/);
    expect(await getDeal(db, pilot.id)).toEqual(pilot);
    expect(await getDeal(db, rollout.id)).toEqual(rollout);
    expect(await listAccountDeals(db, ACCOUNT)).toHaveLength(2);
    expect(await eventsOf(db)).toHaveLength(2);
    expect(await listAccountFollowUps(db, ACCOUNT)).toEqual([]);
  });

  it('moves the deal named, and dismisses only that deal’s earlier proposals', async () => {
    const { db } = await freshDb();
    const pilot = await addDeal(
      db,
      { accountKey: ACCOUNT, title: 'Pilot', stageId: 'lead', proposals: [proposal('a')] },
      1000,
      newId,
    );
    const rollout = await addDeal(
      db,
      { accountKey: ACCOUNT, title: 'Rollout', stageId: 'lead', proposals: [proposal('b')] },
      1000,
      newId,
    );
    await changeDealStage(
      db,
      { accountKey: ACCOUNT, dealId: pilot.id, stageId: 'discovery', proposals: [proposal('c')] },
      2000,
      newId,
    );
    expect(await getDeal(db, pilot.id)).toMatchObject({ stageId: 'discovery', updatedAt: 2000 });
    expect(await getDeal(db, rollout.id)).toEqual(rollout);
    const proposed = await listAccountFollowUps(db, ACCOUNT);
    expect(proposed.map((followUp) => [followUp.dealId, followUp.planStepId]).sort()).toEqual(
      [
        [pilot.id, 'c'],
        [rollout.id, 'b'],
      ].sort(),
    );
  });

  it('refuses a deal of another account, or one that is gone', async () => {
    const { db } = await freshDb();
    const other = await addDeal(
      db,
      { accountKey: 'contoso.com', title: 'Theirs', stageId: 'lead' },
      1000,
      newId,
    );
    await expect(
      changeDealStage(
        db,
        { accountKey: ACCOUNT, dealId: other.id, stageId: 'solution', proposals: [] },
        2000,
        newId,
      ),
    ).rejects.toBeInstanceOf(DealNotFound);
    await expect(
      changeDealStage(
        db,
        { accountKey: ACCOUNT, dealId: 'gone', stageId: 'solution', proposals: [] },
        2000,
        newId,
      ),
    ).rejects.toBeInstanceOf(DealNotFound);
    expect(await getDeal(db, other.id)).toEqual(other);
    expect(await listAccountDeals(db, ACCOUNT)).toEqual([]);
  });
});

describe('ticking a deal’s checklist', () => {
  it('ticks and unticks on the deal named, never touching another deal', async () => {
    const { db } = await freshDb();
    const pilot = await addDeal(db, { accountKey: ACCOUNT, title: 'Pilot', stageId: 'lead' }, 1000, newId);
    const rollout = await addDeal(
      db,
      { accountKey: ACCOUNT, title: 'Rollout', stageId: 'lead' },
      1000,
      newId,
    );
    const tick = (itemId: string, done: boolean, at: number) =>
      tickDealChecklist(
        db,
        { accountKey: ACCOUNT, dealId: pilot.id, stageId: 'lead', itemId, done },
        at,
        newId,
      );

    await tick('fit-check', true, 2000);
    await tick('contact-plan', true, 3000);
    expect(await tick('fit-check', false, 4000)).toMatchObject({
      checklist: { lead: ['contact-plan'] },
      updatedAt: 4000,
    });
    expect(await getDeal(db, pilot.id)).toMatchObject({ checklist: { lead: ['contact-plan'] } });
    expect(await getDeal(db, rollout.id)).toEqual(rollout);
  });

  it('keeps each stage’s ticks apart, and ticking twice keeps one', async () => {
    const { db } = await freshDb();
    const deal = await addDeal(db, { accountKey: ACCOUNT, title: 'Pilot', stageId: 'lead' }, 1000, newId);
    for (const [stageId, itemId] of [
      ['lead', 'fit-check'],
      ['lead', 'fit-check'],
      ['discovery', 'budget'],
    ] as const) {
      await tickDealChecklist(db, { accountKey: ACCOUNT, stageId, itemId, done: true }, 2000, newId);
    }
    expect((await getDeal(db, deal.id))?.checklist).toEqual({ lead: ['fit-check'], discovery: ['budget'] });
  });

  it('on an account without deals, starts its first deal with the tick and no stage', async () => {
    const { db } = await freshDb();
    const deal = await tickDealChecklist(
      db,
      { accountKey: ACCOUNT, stageId: 'lead', itemId: 'fit-check', done: true },
      1000,
      newId,
    );
    expect(deal).toMatchObject({ title: ACCOUNT, checklist: { lead: ['fit-check'] }, outcome: 'open' });
    expect(deal).not.toHaveProperty('stageId');
    expect(await listAccountDeals(db, ACCOUNT)).toEqual([deal]);
  });
});

describe('deal order', () => {
  const deal = (id: string, change: Partial<DealRecord>): DealRecord => ({
    id,
    accountKey: ACCOUNT,
    title: id,
    checklist: {},
    outcome: 'open',
    createdAt: 0,
    updatedAt: 0,
    ...change,
  });

  it('lists open deals first, latest worked on first, then closed ones, latest closed first', () => {
    const deals = [
      deal('lost-early', { outcome: 'lost', lostReason: 'price', closedAt: 100, updatedAt: 900 }),
      deal('open-old', { updatedAt: 200 }),
      deal('won-late', { outcome: 'won', closedAt: 800, updatedAt: 800 }),
      deal('open-new', { updatedAt: 700 }),
      deal('open-tie-b', { updatedAt: 500 }),
      deal('open-tie-a', { updatedAt: 500 }),
    ];
    expect([...deals].sort(inDealOrder).map((row) => row.id)).toEqual([
      'open-new',
      'open-tie-a',
      'open-tie-b',
      'open-old',
      'won-late',
      'lost-early',
    ]);
  });
});
