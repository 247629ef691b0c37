import { describe, expect, it } from 'vitest';
import { getAccount, listAccountContacts } from '../../../lib/db/accounts';
import {
  addDeal,
  changeDealStage,
  closeDeal,
  getDeal,
  listAccountDeals,
  tickDealChecklist,
} from '../../../lib/db/deals';
import { addFollowUp, listAccountFollowUps } from '../../../lib/db/follow-ups';
import { mergeAccountRecords, mergeAccountRows } from '../../../lib/db/merge-accounts';
import { listNotes, saveNoteEdit } from '../../../lib/db/notes';
import { listQuestionsAsked, logQuestionAsked } from '../../../lib/db/question-log';
import { countDealsInStages, moveDealsBetweenStages } from '../../../lib/db/stage-moves';
import { addTouchOnce, listAccountTouches } from '../../../lib/db/touches';
import type { Db } from '../../../lib/db/open';
import { freshDb } from './helpers';

let ids = 0;
const newId = () => `id-${++ids}`;

/** Stages the account's only deal (creating it on the account's first stage); returns the deal's id. */
async function inStage(db: Db, accountKey: string, stageId: string, at = 1000): Promise<string> {
  return (await changeDealStage(db, { accountKey, stageId, proposals: [] }, at, newId)).deal.id;
}

async function stageOf(db: Db, dealId: string) {
  return (await getDeal(db, dealId))?.stageId;
}

describe('moving the deals of removed stages', () => {
  it('moves every deal in the stage, records a stage event each, and leaves others alone', async () => {
    const { db } = await freshDb();
    const a = await inStage(db, 'a.com', 'discovery');
    const b = await inStage(db, 'b.com', 'discovery');
    const c = await inStage(db, 'c.com', 'solution');
    expect(await countDealsInStages(db, ['discovery', 'solution', 'lead'])).toEqual(
      new Map([
        ['discovery', 2],
        ['solution', 1],
        ['lead', 0],
      ]),
    );

    const moved = await moveDealsBetweenStages(db, [{ from: 'discovery', to: 'lead' }], 5000, newId);
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ from: 'discovery', to: 'lead' });
    expect([...moved[0]!.dealIds].sort()).toEqual([a, b].sort());
    expect([...moved[0]!.accountKeys].sort()).toEqual(['a.com', 'b.com']);
    expect(await getDeal(db, a)).toMatchObject({ stageId: 'lead', stageEnteredAt: 5000, updatedAt: 5000 });
    expect(await stageOf(db, c)).toBe('solution');
    const events = await db.getAllFromIndex('stageEvents', 'by-account', 'a.com');
    expect(events.map(({ dealId, from, to, at }) => ({ dealId, from, to, at }))).toEqual([
      { dealId: a, from: undefined, to: 'discovery', at: 1000 },
      { dealId: a, from: 'discovery', to: 'lead', at: 5000 },
    ]);
  });

  it('moves closed deals too, and names an account with several deals once', async () => {
    const { db } = await freshDb();
    const open = await addDeal(
      db,
      { accountKey: 'a.com', title: 'Pilot', stageId: 'discovery' },
      1000,
      newId,
    );
    const won = await addDeal(
      db,
      { accountKey: 'a.com', title: 'First order', stageId: 'discovery' },
      1000,
      newId,
    );
    await closeDeal(db, won.id, { outcome: 'won' }, 1500);
    expect(await countDealsInStages(db, ['discovery'])).toEqual(new Map([['discovery', 2]]));

    const moved = await moveDealsBetweenStages(db, [{ from: 'discovery', to: 'lead' }], 5000, newId);
    expect([...moved[0]!.dealIds].sort()).toEqual([open.id, won.id].sort());
    expect(moved[0]!.accountKeys).toEqual(['a.com']);
    // The won deal keeps its outcome; only where it stands changes.
    expect(await getDeal(db, won.id)).toMatchObject({ stageId: 'lead', outcome: 'won', closedAt: 1500 });
    expect(await stageOf(db, open.id)).toBe('lead');
    expect(await countDealsInStages(db, ['discovery', 'lead'])).toEqual(
      new Map([
        ['discovery', 0],
        ['lead', 2],
      ]),
    );
  });

  it('moves chained stages once each (a → b and b → c in one save)', async () => {
    const { db } = await freshDb();
    const a = await inStage(db, 'a.com', 'a');
    const b = await inStage(db, 'b.com', 'b');
    await moveDealsBetweenStages(
      db,
      [
        { from: 'a', to: 'c' },
        { from: 'b', to: 'c' },
      ],
      2000,
      newId,
    );
    expect(await stageOf(db, a)).toBe('c');
    expect(await stageOf(db, b)).toBe('c');
    expect(await db.countFromIndex('stageEvents', 'by-account', 'a.com')).toBe(2);
  });
});

describe('merging accounts', () => {
  it('keeps the target’s choices and fills its gaps', () => {
    const merged = mergeAccountRecords(
      {
        key: 'a.com',
        displayName: 'Contoso UK',
        industry: 'software',
        createdAt: 10,
        updatedAt: 20,
      },
      { key: 'b.com', industry: 'manufacturing', createdAt: 30, updatedAt: 40 },
      'b.com',
      99,
    );
    expect(merged).toEqual({
      key: 'b.com',
      displayName: 'Contoso UK',
      industry: 'manufacturing',
      createdAt: 10,
      updatedAt: 99,
    });
  });

  it('moves deals, people, notes, follow-ups, stage events, asked questions and touches in one go', async () => {
    const { db } = await freshDb();
    const person = { email: 'oliver@contoso.co.uk', accountKey: 'contoso.co.uk' };
    const fromDeal = await inStage(db, 'contoso.co.uk', 'discovery');
    await tickDealChecklist(
      db,
      { accountKey: 'contoso.co.uk', stageId: 'lead', itemId: 'fit-check', done: true, person },
      1100,
      newId,
    );
    await saveNoteEdit(
      db,
      {
        id: 'n1',
        accountKey: 'contoso.co.uk',
        kind: 'note',
        body: 'Line 3 retrofit',
        baseRevision: null,
        contact: person,
      },
      1200,
      newId,
    );
    await addFollowUp(
      db,
      { accountKey: 'contoso.co.uk', title: 'Send quote', due: 5000, person },
      1300,
      'f1',
    );
    await logQuestionAsked(db, {
      accountKey: 'contoso.co.uk',
      questionId: 'q1',
      spinType: 'S',
      askedAt: 1400,
    });
    await logQuestionAsked(db, { accountKey: 'contoso.com', questionId: 'q1', spinType: 'S', askedAt: 1500 });
    await logQuestionAsked(db, {
      accountKey: 'contoso.co.uk',
      questionId: 'q2',
      spinType: 'P',
      askedAt: 1600,
    });
    const intoDeal = await inStage(db, 'contoso.com', 'solution', 900);
    for (const [id, accountKey, at] of [
      ['t1', 'contoso.co.uk', 1700],
      ['t2', 'contoso.com', 1750],
      ['t3', 'contoso.co.uk', 1800],
    ] as const) {
      await addTouchOnce(db, {
        id,
        accountKey,
        at,
        site: 'gmail',
        title: `Re: Line 3 ${id}`,
        visitKey: `gmail ${id} 2026-03-09`,
      });
    }

    const moved = await mergeAccountRows(db, 'contoso.co.uk', 'contoso.com', 2000);
    expect(moved).toEqual({
      account: true,
      deals: 1,
      contacts: 1,
      notes: 1,
      followUps: 1,
      stageEvents: 1,
      questionLog: 2,
      touches: 2,
    });
    expect((await listAccountTouches(db, 'contoso.com')).map((touch) => touch.id)).toEqual([
      't3',
      't2',
      't1',
    ]);
    expect(await listAccountTouches(db, 'contoso.co.uk')).toEqual([]);

    expect(await getAccount(db, 'contoso.co.uk')).toBeUndefined();
    expect(await getAccount(db, 'contoso.com')).toMatchObject({ createdAt: 900, updatedAt: 2000 });
    // Both accounts' deals go on side by side under the target, each with its stage and ticks.
    const deals = await listAccountDeals(db, 'contoso.com');
    expect(deals.map((deal) => deal.id).sort()).toEqual([fromDeal, intoDeal].sort());
    expect(await getDeal(db, fromDeal)).toMatchObject({
      accountKey: 'contoso.com',
      stageId: 'discovery',
      checklist: { lead: ['fit-check'] },
      outcome: 'open',
    });
    expect(await getDeal(db, intoDeal)).toMatchObject({
      accountKey: 'contoso.com',
      stageId: 'solution',
      checklist: {},
    });
    expect(await listAccountDeals(db, 'contoso.co.uk')).toEqual([]);
    expect((await listAccountContacts(db, 'contoso.com')).map((contact) => contact.email)).toEqual([
      'oliver@contoso.co.uk',
    ]);
    expect((await listNotes(db, 'contoso.com')).map((note) => note.body)).toEqual(['Line 3 retrofit']);
    expect((await listAccountFollowUps(db, 'contoso.com')).map((followUp) => followUp.title)).toEqual([
      'Send quote',
    ]);
    const events = await db.getAllFromIndex('stageEvents', 'by-account', 'contoso.com');
    expect(events.map((event) => event.dealId).sort()).toEqual([fromDeal, intoDeal].sort());
    const asked = await listQuestionsAsked(db, 'contoso.com');
    expect(
      asked
        .map(({ id, questionId, askedAt }) => ({ id, questionId, askedAt }))
        .sort((a, b) => a.askedAt - b.askedAt),
    ).toEqual([
      { id: 'contoso.com\u0000q1', questionId: 'q1', askedAt: 1400 },
      { id: 'contoso.com\u0000q2', questionId: 'q2', askedAt: 1600 },
    ]);
    for (const store of ['deals', 'contacts', 'followUps', 'stageEvents', 'questionLog'] as const) {
      expect(await db.countFromIndex(store, 'by-account', 'contoso.co.uk')).toBe(0);
    }
  });

  it('merges into an account that has no row yet, and refuses a merge into itself', async () => {
    const { db } = await freshDb();
    const dealId = await inStage(db, 'old.com', 'lead');
    await mergeAccountRows(db, 'old.com', 'new.com', 3000);
    expect(await getAccount(db, 'new.com')).toMatchObject({ key: 'new.com' });
    expect(await listAccountDeals(db, 'new.com')).toEqual([
      expect.objectContaining({ id: dealId, accountKey: 'new.com', stageId: 'lead' }),
    ]);
    await expect(mergeAccountRows(db, 'new.com', 'new.com', 3000)).rejects.toThrow();
  });
});
