import { describe, expect, it } from 'vitest';
import { changeDealStage } from '../../../lib/db/deals';
import { deleteAccountWithData } from '../../../lib/db/delete-account';
import {
  addFollowUp,
  applyFollowUpAction,
  countOpenFollowUpsDue,
  firstOpenFollowUpDueAfter,
  listOpenFollowUpsDue,
} from '../../../lib/db/follow-ups';
import { logQuestionAsked } from '../../../lib/db/question-log';
import { saveNoteEdit } from '../../../lib/db/notes';
import { freshDb } from '../db/helpers';

const NORTHWIND = 'northwind-trading.com';
const CONTOSO = 'contoso.com';
const jane = { email: 'jane.cooper@northwind-trading.com', name: 'Jane Cooper', accountKey: NORTHWIND };
let ids = 0;
const newId = () => `id-${++ids}`;

describe('open follow-ups by due time', () => {
  it('lists and counts a half-open due range, open ones only, earliest first', async () => {
    const { db } = await freshDb();
    for (const [title, due] of [
      ['b', 200],
      ['a', 100],
      ['c', 300],
      ['edge', 400],
    ] as const) {
      await addFollowUp(db, { accountKey: NORTHWIND, title, due }, 50, newId());
    }
    const done = await addFollowUp(db, { accountKey: NORTHWIND, title: 'done', due: 150 }, 50, newId());
    await applyFollowUpAction(db, done.id, { kind: 'done' }, 60);
    await changeDealStage(
      db,
      { accountKey: CONTOSO, stageId: 'needs', proposals: [{ stepId: 's', title: 'proposed', due: 250 }] },
      50,
      newId,
    );

    expect((await listOpenFollowUpsDue(db, 100, 400)).map((row) => row.title)).toEqual(['a', 'b', 'c']);
    expect((await listOpenFollowUpsDue(db, 100, 400, 2)).map((row) => row.title)).toEqual(['a', 'b']);
    expect(await countOpenFollowUpsDue(db, 100, 400)).toBe(3);
    expect(await countOpenFollowUpsDue(db, 0, 1e15)).toBe(4);
    expect(await listOpenFollowUpsDue(db, 400, 400)).toEqual([]);
  });

  it('finds the first open follow-up due strictly after a moment, skipping what the caller refuses', async () => {
    const { db } = await freshDb();
    await addFollowUp(db, { accountKey: NORTHWIND, title: 'at 100', due: 100 }, 50, newId());
    await addFollowUp(db, { accountKey: NORTHWIND, title: 'at 200', due: 200 }, 50, newId());
    await addFollowUp(db, { accountKey: NORTHWIND, title: 'at 300', due: 300 }, 50, newId());

    expect((await firstOpenFollowUpDueAfter(db, 0))?.title).toBe('at 100');
    expect((await firstOpenFollowUpDueAfter(db, 100))?.title).toBe('at 200');
    expect((await firstOpenFollowUpDueAfter(db, 0, (row) => row.due > 150))?.title).toBe('at 200');
    expect(await firstOpenFollowUpDueAfter(db, 300)).toBeUndefined();
  });
});

describe('deleteAccountWithData', () => {
  it('removes the account with its deals, people, notes, follow-ups, stage events and question log, and nothing else', async () => {
    const { db } = await freshDb();
    for (const accountKey of [NORTHWIND, CONTOSO]) {
      const person =
        accountKey === NORTHWIND ? jane : { email: 'sam@contoso.com', accountKey: CONTOSO, name: 'Sam' };
      await saveNoteEdit(
        db,
        {
          id: `note-${accountKey}`,
          accountKey,
          contact: person,
          contactEmail: person.email,
          kind: 'note',
          body: 'x',
          baseRevision: null,
        },
        10,
        newId,
      );
      await addFollowUp(db, { accountKey, title: 'call back', due: 500, person }, 10, newId());
      await changeDealStage(db, { accountKey, stageId: 'needs', proposals: [] }, 20, newId);
      await logQuestionAsked(db, { accountKey, questionId: 'q1', spinType: 'S', askedAt: 30 });
    }

    const removed = await deleteAccountWithData(db, NORTHWIND);
    expect(removed).toEqual({
      account: true,
      deals: 1,
      contacts: 1,
      notes: 1,
      followUps: 1,
      stageEvents: 1,
      questionLog: 1,
      touches: 0,
    });
    for (const store of ['deals', 'contacts', 'notes', 'followUps', 'stageEvents', 'questionLog'] as const) {
      const rows = (await db.getAll(store)) as { accountKey: string }[];
      expect(
        rows.map((row) => row.accountKey),
        store,
      ).toEqual([CONTOSO]);
    }
    expect(await db.getAllKeys('accounts')).toEqual([CONTOSO]);
    expect(await countOpenFollowUpsDue(db, 0, 1e15)).toBe(1);
  });

  it('deleting an unknown account changes nothing', async () => {
    const { db } = await freshDb();
    await addFollowUp(db, { accountKey: CONTOSO, title: 'call back', due: 500 }, 10, newId());
    expect(await deleteAccountWithData(db, NORTHWIND)).toMatchObject({ account: false, followUps: 0 });
    expect(await db.count('followUps')).toBe(1);
  });
});
