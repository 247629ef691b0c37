import { describe, expect, it } from 'vitest';
import { decideMerge, planStore, sameValue } from '../../../lib/data-transfer/merge';
import { account, contact, deal, followUp, note, questionAsked, stageEvent, T0 } from './rows';

describe('merging an imported row with the rep row of the same id', () => {
  it('adds new ids and leaves identical rows alone', () => {
    expect(decideMerge('notes', undefined, note('n', 'a.com'))).toBe('add');
    expect(decideMerge('notes', note('n', 'a.com'), note('n', 'a.com'))).toBe('unchanged');
  });

  it('notes: the higher revision wins, then the later update', () => {
    const mine = note('n', 'a.com', { body: 'mine', revision: 3, updatedAt: T0 + 10 });
    expect(decideMerge('notes', mine, { ...mine, body: 'theirs', revision: 4, updatedAt: T0 })).toBe(
      'update',
    );
    expect(decideMerge('notes', mine, { ...mine, body: 'theirs', revision: 2, updatedAt: T0 + 99 })).toBe(
      'keep-local',
    );
    expect(decideMerge('notes', mine, { ...mine, body: 'theirs', updatedAt: T0 + 11 })).toBe('update');
    expect(decideMerge('notes', mine, { ...mine, body: 'theirs' })).toBe('keep-local');
  });

  it('accounts, deals, people and follow-ups: the later update wins; a tie keeps the rep row', () => {
    const mine = account('a.com', { industry: 'retail', updatedAt: T0 });
    expect(decideMerge('accounts', mine, { ...mine, industry: 'logistics', updatedAt: T0 + 1 })).toBe(
      'update',
    );
    expect(decideMerge('accounts', mine, { ...mine, industry: 'logistics', updatedAt: T0 - 1 })).toBe(
      'keep-local',
    );
    expect(decideMerge('accounts', mine, { ...mine, industry: 'logistics' })).toBe('keep-local');
    const opportunity = deal('d', 'a.com', { stageId: 'lead', updatedAt: T0 });
    expect(
      decideMerge('deals', opportunity, { ...opportunity, stageId: 'discovery', updatedAt: T0 + 1 }),
    ).toBe('update');
    expect(
      decideMerge('deals', opportunity, { ...opportunity, stageId: 'discovery', updatedAt: T0 - 1 }),
    ).toBe('keep-local');
    expect(decideMerge('deals', opportunity, { ...opportunity, stageId: 'discovery' })).toBe('keep-local');
    const person = contact('jane@a.com', 'a.com');
    expect(decideMerge('contacts', person, { ...person, name: 'Jane', updatedAt: T0 + 5 })).toBe('update');
    const task = followUp('f', 'a.com');
    expect(decideMerge('followUps', task, { ...task, status: 'done', updatedAt: T0 + 5 })).toBe('update');
  });

  it('stage events and the question log are facts: the rep row stays', () => {
    const event = stageEvent('s', 'a.com');
    expect(decideMerge('stageEvents', event, { ...event, at: T0 + 1 })).toBe('keep-local');
    const asked = questionAsked('a.com', 'q1');
    expect(decideMerge('questionLog', asked, { ...asked, askedAt: T0 + 1 })).toBe('keep-local');
  });

  it('compares rows as JSON would: key order and undefined-valued keys do not matter', () => {
    expect(sameValue({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: {} }, { a: [] })).toBe(false);
    expect(sameValue({ a: null }, { a: undefined })).toBe(false);
  });

  it('plans a store: counts, rows to write and the accounts they touch', () => {
    const local = new Map([
      ['same', note('same', 'a.com')],
      ['older', note('older', 'b.com', { revision: 1 })],
      ['newer', note('newer', 'c.com', { revision: 5 })],
    ]);
    const plan = planStore(
      'notes',
      [
        note('same', 'a.com'),
        note('older', 'b.com', { revision: 2, body: 'edited' }),
        note('newer', 'c.com', { revision: 4, body: 'stale' }),
        note('fresh', 'd.com'),
      ],
      (key) => local.get(key),
    );
    expect(plan.counts).toEqual({ inFile: 4, added: 1, updated: 1, unchanged: 1, keptLocal: 1 });
    expect(plan.writes.map((row) => (row as { id: string }).id)).toEqual(['older', 'fresh']);
    expect([...plan.accountKeys].sort()).toEqual(['b.com', 'd.com']);
  });

  it('a person moved to another account changes both accounts', () => {
    const plan = planStore('contacts', [contact('jane@x.com', 'new.com', { updatedAt: T0 + 1 })], () =>
      contact('jane@x.com', 'old.com'),
    );
    expect([...plan.accountKeys].sort()).toEqual(['new.com', 'old.com']);
  });
});
