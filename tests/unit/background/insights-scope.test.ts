/**
 * The insights' "mine" and "team" scopes once several reps share a database: the same records counted for
 * the rep alone (their own and unnamed ones) or for everyone, and no choice at all while sync is off.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DAY_MS } from '../../../lib/dates/due';
import { addDeal, changeDealStage, closeDeal } from '../../../lib/db/deals';
import { addFollowUp, applyFollowUpAction } from '../../../lib/db/follow-ups';
import { logQuestionAsked } from '../../../lib/db/question-log';
import type { Author } from '../../../lib/db/records';
import { inTransaction } from '../../../lib/db/transaction';
import { isByRep } from '../../../lib/insights/scope';
import { updateSettings } from '../../../lib/background/settings-store';
import { SYNC_CONFIG_ITEM, type SyncConfig } from '../../../lib/background/sync/sync-config';
import { database, resetDatabase } from '../support/database';
import { local } from '../reminders/time-zone';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).extensionPageMessenger,
);
const { getInsights } = await import('../../../lib/background/handlers/options-insights');

const NOW = local(2026, 6, 15, 12);
const daysAgo = (days: number) => NOW - days * DAY_MS;
let ids = 0;
const newId = () => `scope-test-${++ids}`;

const ME: Author = { name: 'Li Wei', email: 'li.wei@dealside.example' };
const COLLEAGUE: Author = { name: 'Ana Souza', email: 'ana@dealside.example' };

describe('isByRep', () => {
  it('decides by address when both have one, by name otherwise, and counts unnamed records as mine', () => {
    expect(isByRep(ME, undefined)).toBe(true);
    expect(isByRep(ME, { email: 'LI.WEI@dealside.example', name: 'Someone else' })).toBe(true);
    expect(isByRep(ME, { email: 'li@other.example', name: 'Li Wei' })).toBe(false);
    expect(isByRep(ME, { name: ' li wei ' })).toBe(true);
    expect(isByRep({ email: 'li.wei@dealside.example' }, { name: 'Li Wei' })).toBe(false);
    expect(isByRep(undefined, COLLEAGUE)).toBe(false);
    expect(isByRep(undefined, undefined)).toBe(true);
  });
});

/** Each rep's work: a deal added and moved on, won or not, a follow-up done on time, a question asked. */
async function seedWorkBy(author: Author | undefined, accountKey: string, won: boolean) {
  const db = await database();
  const who = author ? { author } : {};
  const deal = await addDeal(
    db,
    { accountKey, title: accountKey, stageId: 'lead', ...who },
    daysAgo(20),
    newId,
  );
  await changeDealStage(
    db,
    { accountKey, dealId: deal.id, stageId: 'discovery', proposals: [], ...who },
    daysAgo(10),
    newId,
  );
  if (won) await closeDeal(db, deal.id, { outcome: 'won' }, daysAgo(2));
  const followUp = await addFollowUp(
    db,
    { accountKey, title: 'Send the proposal', due: daysAgo(3), ...who },
    daysAgo(5),
    newId(),
  );
  await applyFollowUpAction(db, followUp.id, { kind: 'done' }, daysAgo(4));
  await logQuestionAsked(db, {
    accountKey,
    questionId: 'situation-current-process',
    spinType: 'S',
    askedAt: daysAgo(6),
    ...who,
  });
}

async function turnSyncOn() {
  const config: SyncConfig = {
    url: 'https://couch.dealside.example',
    database: 'team',
    username: 'li',
    password: 'secret',
    startedAt: daysAgo(30),
  };
  await inTransaction(await database(), ['privateItems'], 'readwrite', (tx) =>
    tx.objectStore('privateItems').put(config, SYNC_CONFIG_ITEM),
  );
}

describe('insights by scope', () => {
  beforeAll(async () => {
    await resetDatabase();
    await updateSettings((settings) => ({ ...settings, senderName: ME.name!, ownEmails: [ME.email!] }));
    await seedWorkBy(ME, 'mine.example', true);
    await seedWorkBy(undefined, 'unnamed.example', false);
    await seedWorkBy(COLLEAGUE, 'colleague.example', true);
  });

  it('counts everything, offering no scope, while sync is off', async () => {
    const report = await getInsights({ period: '30', scope: 'mine' }, NOW);
    expect(report).toMatchObject({ scope: 'mine', teamScope: false, accountsMoved: 3 });
    expect(report.outcomes.won).toBe(2);
    expect(report.followUps.onTime).toBe(3);
    expect(report.spin.S).toBe(3);
  });

  it('with sync on, keeps the rep’s own and unnamed work in "mine" and everyone’s in "team"', async () => {
    await turnSyncOn();
    const mine = await getInsights({ period: '30', scope: 'mine' }, NOW);
    const team = await getInsights({ period: '30', scope: 'team' }, NOW);
    expect(mine).toMatchObject({ scope: 'mine', teamScope: true, accountsMoved: 2 });
    expect(team).toMatchObject({ scope: 'team', teamScope: true, accountsMoved: 3 });
    expect([mine.outcomes.won, team.outcomes.won]).toEqual([1, 2]);
    expect([mine.followUps.onTime, team.followUps.onTime]).toEqual([2, 3]);
    expect([mine.spin.S, team.spin.S]).toEqual([2, 3]);
    // The open deal in discovery is the unnamed one: mine as well as the team's.
    const discovery = (report: typeof mine) => report.stages.find((stage) => stage.stageId === 'discovery');
    expect(discovery(mine)?.accounts).toBe(1);
    expect(discovery(team)?.accounts).toBe(1);
    // Accounts belong to no one: both scopes count the same.
    expect(mine.totalAccounts).toBe(team.totalAccounts);
    // No scope asked (an older page): the rep's own.
    expect((await getInsights({ period: '30' }, NOW)).scope).toBe('mine');
  });
});
