/**
 * The pipeline's cards kept between requests must always be the cards a fresh read gives: after any
 * sequence of the app's own writes (deals added, moved and closed, follow-ups added, done and deleted,
 * accounts renamed, people seen on a page, touches recorded and deleted, accounts merged and deleted),
 * the cached answer equals reading everything anew.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { PipelineCache } from '../../../lib/background/pipeline-cache';
import { pipelineDeals, readPipelineFacts } from '../../../lib/background/pipeline-query';
import { updateAccount } from '../../../lib/db/accounts';
import { addDeal, changeDealStage, closeDeal, editDeal } from '../../../lib/db/deals';
import { deleteAccountWithData } from '../../../lib/db/delete-account';
import { addFollowUp, applyFollowUpAction, deleteFollowUp } from '../../../lib/db/follow-ups';
import { mergeAccountRows } from '../../../lib/db/merge-accounts';
import type { Db } from '../../../lib/db/open';
import { addTouchOnce, deleteAllTouches } from '../../../lib/db/touches';
import { recordContactSeen } from '../../../lib/db/accounts';
import type { PipelineDeal } from '../../../lib/messaging/protocol';
import { database, resetDatabase } from '../support/database';

const ACCOUNTS = ['northwind-trading.com', 'contoso.de', 'harbourline.cn'] as const;
const STAGES = ['lead', 'discovery', 'solution'] as const;
const T0 = 1_780_000_000_000;
const DAY = 86_400_000;

const byId = (deals: PipelineDeal[]) => [...deals].sort((a, b) => a.id.localeCompare(b.id));

async function freshCards(db: Db): Promise<PipelineDeal[]> {
  return byId(pipelineDeals(await readPipelineFacts(db)));
}

/** The state the operations pick their targets from. */
interface World {
  db: Db;
  deals: string[];
  followUps: string[];
  ids: number;
  now: number;
}

const account = fc.constantFrom(...ACCOUNTS);
const pick = fc.nat({ max: 50 });
const chosen = <T>(items: readonly T[], index: number): T | undefined =>
  items[index % Math.max(1, items.length)];

type Operation = (world: World) => Promise<void>;

const operationKinds: fc.Arbitrary<Operation>[] = [
  fc.tuple(account, fc.constantFrom(...STAGES), fc.boolean()).map(([key, stageId, staged]) => async (w) => {
    const deal = await addDeal(
      w.db,
      { accountKey: key, title: `Deal ${w.ids}`, ...(staged ? { stageId } : {}) },
      w.now,
      () => `d${++w.ids}`,
    );
    w.deals.push(deal.id);
  }),
  fc.tuple(pick, fc.constantFrom(...STAGES)).map(([index, stageId]) => async (w) => {
    const id = chosen(w.deals, index);
    if (!id) return;
    const deal = await w.db.get('deals', id);
    if (deal?.outcome !== 'open') return;
    await changeDealStage(
      w.db,
      { accountKey: deal.accountKey, dealId: id, stageId, proposals: [] },
      w.now,
      () => `e${++w.ids}`,
    );
  }),
  fc.tuple(pick, fc.constantFrom('won', 'lost', 'open')).map(([index, outcome]) => async (w) => {
    const id = chosen(w.deals, index);
    if (!id || !(await w.db.get('deals', id))) return;
    await closeDeal(
      w.db,
      id,
      outcome === 'lost' ? { outcome, lostReason: 'price' } : { outcome: outcome as 'won' | 'open' },
      w.now,
    );
  }),
  fc.tuple(pick, fc.nat({ max: 9 })).map(([index, value]) => async (w) => {
    const id = chosen(w.deals, index);
    if (id && (await w.db.get('deals', id)))
      await editDeal(
        w.db,
        id,
        { title: `Renamed ${value}`, closeDate: `2027-0${value + 1 > 9 ? 9 : value + 1}-15` },
        w.now,
      );
  }),
  fc
    .tuple(account, pick, fc.boolean(), fc.nat({ max: 30 }))
    .map(([key, index, forDeal, days]) => async (w) => {
      const deal = forDeal ? await w.db.get('deals', chosen(w.deals, index) ?? '') : undefined;
      const dealId = deal?.id;
      const accountKey = deal?.accountKey ?? key;
      const id = `f${++w.ids}`;
      await addFollowUp(
        w.db,
        { accountKey, ...(dealId ? { dealId } : {}), title: id, due: T0 + days * DAY },
        w.now,
        id,
      );
      w.followUps.push(id);
    }),
  fc.tuple(pick, fc.boolean()).map(([index, remove]) => async (w) => {
    const id = chosen(w.followUps, index);
    if (!id) return;
    if (remove) await deleteFollowUp(w.db, id);
    else await applyFollowUpAction(w.db, id, { kind: 'done' }, w.now);
  }),
  fc.tuple(account, fc.nat({ max: 5 })).map(([key, n]) => async (w) => {
    await updateAccount(w.db, key, w.now, (row) => ({ ...row, displayName: `Name ${n}` }));
  }),
  fc.tuple(account, fc.boolean()).map(([key, web]) => async (w) => {
    const email = `rep@${key}`;
    if (!(await w.db.get('contacts', email))) {
      await updateAccount(w.db, key, w.now, (row) => row, { email, accountKey: key });
    }
    await recordContactSeen(
      w.db,
      email,
      web ? `https://mail.google.com/#inbox/${w.ids++}` : 'about:blank',
      w.now,
    );
  }),
  fc.tuple(account, fc.nat({ max: 20 })).map(([key, days]) => async (w) => {
    const id = `t${++w.ids}`;
    await addTouchOnce(w.db, {
      id,
      accountKey: key,
      at: T0 - days * DAY,
      site: 'gmail',
      title: id,
      visitKey: id,
    });
  }),
  fc.constant(async (w: World) => {
    await deleteAllTouches(w.db);
  }),
  fc.tuple(account, account).map(([from, into]) => async (w) => {
    if (from === into || !(await w.db.get('accounts', from))) return;
    await mergeAccountRows(w.db, from, into, w.now);
  }),
  account.map((key) => async (w) => {
    await deleteAccountWithData(w.db, key);
  }),
];

/**
 * How often each operation above is drawn: adding deals and touches often, so that most runs end with
 * cards that a stale cache would get wrong; clearing and deleting seldom.
 */
const WEIGHTS = [6, 3, 2, 2, 4, 3, 2, 3, 5, 1, 1, 1];
const operations = operationKinds.map((arbitrary, index) => ({ arbitrary, weight: WEIGHTS[index]! }));

describe('the pipeline cache', () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it('answers what a fresh read answers after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(...operations), { minLength: 1, maxLength: 30 }),
        fc.nat({ max: 13 }),
        async (steps, askEvery) => {
          await resetDatabase();
          const db = await database();
          const cache = new PipelineCache();
          const world: World = { db, deals: [], followUps: [], ids: 0, now: T0 };
          // Asked once before any write, then after every few writes and at the end.
          await cache.view(db, T0);
          for (const [index, step] of steps.entries()) {
            world.now += 1000;
            await step(world);
            if (index % (askEvery + 1) === 0)
              expect(byId((await cache.view(db, world.now)).deals)).toEqual(await freshCards(db));
          }
          expect(byId((await cache.view(db, world.now)).deals)).toEqual(await freshCards(db));
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('shows a touch recorded after the first request on the account’s cards', async () => {
    const db = await database();
    const cache = new PipelineCache();
    await addDeal(db, { accountKey: ACCOUNTS[0], title: 'Pilot', stageId: 'lead' }, T0, () => 'd1');
    expect((await cache.view(db, T0)).deals[0]).not.toHaveProperty('lastTouchAt');
    await addTouchOnce(db, {
      id: 't1',
      accountKey: ACCOUNTS[0],
      at: T0,
      site: 'gmail',
      title: 'Re: Pilot',
      visitKey: 'v1',
    });
    expect((await cache.view(db, T0)).deals[0]).toMatchObject({ lastTouchAt: T0 });
  });

  it('answers requests made while a write is committing with the written state once it is in', async () => {
    const db = await database();
    const cache = new PipelineCache();
    await cache.view(db, T0);
    const writing = addDeal(db, { accountKey: ACCOUNTS[0], title: 'Pilot', stageId: 'lead' }, T0, () => 'd1');
    const during = cache.view(db, T0);
    await writing;
    await during;
    expect((await cache.view(db, T0)).deals.map((deal) => deal.title)).toEqual(['Pilot']);
  });

  it('reads everything again for another database connection', async () => {
    const cache = new PipelineCache();
    const first = await database();
    await addDeal(first, { accountKey: ACCOUNTS[0], title: 'Pilot', stageId: 'lead' }, T0, () => 'd1');
    expect((await cache.view(first, T0)).deals).toHaveLength(1);
    await resetDatabase();
    const second = await database();
    expect((await cache.view(second, T0)).deals).toEqual([]);
  });
});
