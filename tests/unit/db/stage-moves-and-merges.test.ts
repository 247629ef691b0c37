import { describe, expect, it } from 'vitest';
import {
  changeStage,
  getAccount,
  listAccountContacts,
  updateAccount,
  withChecklistItem,
} from '../../../lib/db/accounts';
import { addFollowUp, listAccountFollowUps } from '../../../lib/db/follow-ups';
import { mergeAccountRecords, mergeAccountRows } from '../../../lib/db/merge-accounts';
import { listNotes, saveNoteEdit } from '../../../lib/db/notes';
import { listQuestionsAsked, logQuestionAsked } from '../../../lib/db/question-log';
import { countAccountsInStages, moveAccountsBetweenStages } from '../../../lib/db/stage-moves';
import { addTouchOnce, listAccountTouches } from '../../../lib/db/touches';
import type { Db } from '../../../lib/db/open';
import { freshDb } from './helpers';

let ids = 0;
const newId = () => `id-${++ids}`;

async function inStage(db: Db, accountKey: string, stageId: string, at = 1000) {
  await changeStage(db, { accountKey, stageId, proposals: [] }, at, newId);
}

describe('moving the accounts of removed stages', () => {
  it('moves every account in the stage, records a stage event each, and leaves others alone', async () => {
    const { db } = await freshDb();
    await inStage(db, 'a.com', 'discovery');
    await inStage(db, 'b.com', 'discovery');
    await inStage(db, 'c.com', 'solution');
    expect(await countAccountsInStages(db, ['discovery', 'solution', 'lead'])).toEqual(
      new Map([
        ['discovery', 2],
        ['solution', 1],
        ['lead', 0],
      ]),
    );

    const moved = await moveAccountsBetweenStages(db, [{ from: 'discovery', to: 'lead' }], 5000, newId);
    expect(moved).toEqual([{ from: 'discovery', to: 'lead', accountKeys: ['a.com', 'b.com'] }]);
    expect((await getAccount(db, 'a.com'))?.stageId).toBe('lead');
    expect((await getAccount(db, 'c.com'))?.stageId).toBe('solution');
    const events = await db.getAllFromIndex('stageEvents', 'by-account', 'a.com');
    expect(events.map(({ from, to, at }) => ({ from, to, at }))).toEqual([
      { from: undefined, to: 'discovery', at: 1000 },
      { from: 'discovery', to: 'lead', at: 5000 },
    ]);
  });

  it('moves chained stages once each (a → b and b → c in one save)', async () => {
    const { db } = await freshDb();
    await inStage(db, 'a.com', 'a');
    await inStage(db, 'b.com', 'b');
    await moveAccountsBetweenStages(
      db,
      [
        { from: 'a', to: 'c' },
        { from: 'b', to: 'c' },
      ],
      2000,
      newId,
    );
    expect((await getAccount(db, 'a.com'))?.stageId).toBe('c');
    expect((await getAccount(db, 'b.com'))?.stageId).toBe('c');
    expect(await db.countFromIndex('stageEvents', 'by-account', 'a.com')).toBe(2);
  });
});

describe('merging accounts', () => {
  it('keeps the target’s choices, fills its gaps and combines checklists', () => {
    const merged = mergeAccountRecords(
      {
        key: 'a.com',
        displayName: 'Contoso UK',
        stageId: 'solution',
        industry: 'software',
        checklist: { lead: ['x', 'y'] },
        createdAt: 10,
        updatedAt: 20,
      },
      {
        key: 'b.com',
        stageId: 'discovery',
        checklist: { lead: ['y', 'z'], solution: ['q'] },
        createdAt: 30,
        updatedAt: 40,
      },
      'b.com',
      99,
    );
    expect(merged).toEqual({
      key: 'b.com',
      displayName: 'Contoso UK',
      stageId: 'discovery',
      industry: 'software',
      checklist: { lead: ['y', 'z', 'x'], solution: ['q'] },
      createdAt: 10,
      updatedAt: 99,
    });
  });

  it('moves people, notes, follow-ups, stage events, asked questions and touches in one go', async () => {
    const { db } = await freshDb();
    const person = { email: 'oliver@contoso.co.uk', accountKey: 'contoso.co.uk' };
    await inStage(db, 'contoso.co.uk', 'discovery');
    await updateAccount(
      db,
      'contoso.co.uk',
      1100,
      (account) => withChecklistItem(account, 'lead', 'fit-check', true),
      person,
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
    await inStage(db, 'contoso.com', 'solution', 900);
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
    expect(await getAccount(db, 'contoso.com')).toMatchObject({
      stageId: 'solution',
      checklist: { lead: ['fit-check'] },
      createdAt: 900,
    });
    expect((await listAccountContacts(db, 'contoso.com')).map((contact) => contact.email)).toEqual([
      'oliver@contoso.co.uk',
    ]);
    expect((await listNotes(db, 'contoso.com')).map((note) => note.body)).toEqual(['Line 3 retrofit']);
    expect((await listAccountFollowUps(db, 'contoso.com')).map((followUp) => followUp.title)).toEqual([
      'Send quote',
    ]);
    expect(await db.countFromIndex('stageEvents', 'by-account', 'contoso.com')).toBe(2);
    const asked = await listQuestionsAsked(db, 'contoso.com');
    expect(
      asked
        .map(({ id, questionId, askedAt }) => ({ id, questionId, askedAt }))
        .sort((a, b) => a.askedAt - b.askedAt),
    ).toEqual([
      { id: 'contoso.com\u0000q1', questionId: 'q1', askedAt: 1400 },
      { id: 'contoso.com\u0000q2', questionId: 'q2', askedAt: 1600 },
    ]);
    for (const store of ['contacts', 'followUps', 'stageEvents', 'questionLog'] as const) {
      expect(await db.countFromIndex(store, 'by-account', 'contoso.co.uk')).toBe(0);
    }
  });

  it('merges into an account that has no row yet, and refuses a merge into itself', async () => {
    const { db } = await freshDb();
    await inStage(db, 'old.com', 'lead');
    await mergeAccountRows(db, 'old.com', 'new.com', 3000);
    expect(await getAccount(db, 'new.com')).toMatchObject({ key: 'new.com', stageId: 'lead' });
    await expect(mergeAccountRows(db, 'new.com', 'new.com', 3000)).rejects.toThrow();
  });
});
