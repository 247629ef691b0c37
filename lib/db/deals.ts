/**
 * Deals: an account's opportunities, each with its own stage, checklist, value, close date and outcome.
 * Stage moves, ticks and outcomes are written here, each in one transaction with what it implies (the
 * stage event the funnel counts, the cadence's proposed follow-ups, the account created on first write).
 */
import { DEAL_TITLE_MAX_LENGTH } from '../limits';
import type { Db } from './open';
import { ensureAccount, type PersonSeen } from './accounts';
import {
  dealRecordSchema,
  followUpRecordSchema,
  stageEventRecordSchema,
  type AccountRecord,
  type Author,
  type DealRecord,
  type FollowUpRecord,
} from './records';
import { inTransaction } from './transaction';
import { checkedRow, validRow, validRows } from './validate';

const idOf = (row: unknown) => (row as { id?: unknown }).id;

/** Open deals first (most recently worked on first), then closed ones, most recently closed first. */
export function inDealOrder(a: DealRecord, b: DealRecord): number {
  const openA = a.outcome === 'open';
  const openB = b.outcome === 'open';
  if (openA !== openB) return openA ? -1 : 1;
  if (openA) return b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1);
  return (b.closedAt ?? 0) - (a.closedAt ?? 0) || (a.id < b.id ? -1 : 1);
}

/** Every deal of an account, in deal order. */
export async function listAccountDeals(db: Db, accountKey: string): Promise<DealRecord[]> {
  const rows = await db.getAllFromIndex('deals', 'by-account', accountKey);
  return validRows(dealRecordSchema, 'deals', rows, idOf).sort(inDealOrder);
}

export async function getDeal(db: Db, id: string): Promise<DealRecord | undefined> {
  return validRow(dealRecordSchema, 'deals', await db.get('deals', id), id);
}

/** What the rep types about a deal; absent fields are left as they are, `null` clears them. */
export interface DealFields {
  title?: string;
  value?: number | null;
  currency?: string | null;
  closeDate?: string | null;
}

function withFields(deal: DealRecord, fields: DealFields): DealRecord {
  const next: Record<string, unknown> = { ...deal };
  for (const field of ['title', 'value', 'currency', 'closeDate'] as const) {
    const value = fields[field];
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as DealRecord;
}

export interface NewDeal extends DealFields {
  accountKey: string;
  title: string;
  /** The stage it starts in, with that stage's proposed follow-ups; absent until the rep sets one. */
  stageId?: string;
  proposals?: StageChange['proposals'];
  person?: PersonSeen;
  author?: Author;
}

/**
 * Adds a deal to an account (creating the account on its first write). A stage given is its first move,
 * written in the same transaction with its event and the cadence's proposals: never a deal without the
 * stage it was added in.
 */
export async function addDeal(db: Db, input: NewDeal, now: number, newId: () => string): Promise<DealRecord> {
  const { accountKey, title, value, currency, closeDate, stageId, proposals = [], person, author } = input;
  const fields = { title, value, currency, closeDate };
  if (stageId) {
    const { deal } = await changeDealStage(
      db,
      {
        accountKey,
        stageId,
        proposals,
        ...(person ? { person } : {}),
        ...(author ? { author } : {}),
        newDeal: fields,
      },
      now,
      newId,
    );
    return deal;
  }
  return inTransaction(db, ['accounts', 'contacts', 'deals'], 'readwrite', async (tx) => {
    const account = await ensureAccount(
      { accounts: tx.objectStore('accounts'), contacts: tx.objectStore('contacts') },
      accountKey,
      now,
      person,
    );
    const deal = checkedRow(
      dealRecordSchema,
      'deals',
      withFields(firstDeal(account, now, newId, author), fields),
    );
    await tx.objectStore('deals').put(deal);
    return deal;
  });
}

/** Thrown when a write names a deal that is not there (deleted in another panel, or never was). */
export class DealNotFound extends Error {
  constructor(id: string) {
    super(`This deal no longer exists (${id}).`);
    this.name = 'DealNotFound';
  }
}

/** Changes a deal's title, value, currency or close date. */
export async function editDeal(db: Db, id: string, fields: DealFields, now: number): Promise<DealRecord> {
  return inTransaction(db, ['deals'], 'readwrite', async (tx) => {
    const store = tx.objectStore('deals');
    const before = validRow(dealRecordSchema, 'deals', await store.get(id), id);
    if (!before) throw new DealNotFound(id);
    const after = checkedRow(dealRecordSchema, 'deals', { ...withFields(before, fields), updatedAt: now });
    await store.put(after);
    return after;
  });
}

export type DealClosing = { outcome: 'won' } | { outcome: 'lost'; lostReason: string } | { outcome: 'open' };

/**
 * Closes a deal as won or lost (or reopens it). Closing dismisses the follow-ups its cadence proposed:
 * they were steps of a deal that is over. Reopening clears the outcome's time and reason.
 */
export async function closeDeal(db: Db, id: string, closing: DealClosing, now: number): Promise<DealRecord> {
  return inTransaction(db, ['deals', 'followUps'], 'readwrite', async (tx) => {
    const store = tx.objectStore('deals');
    const before = validRow(dealRecordSchema, 'deals', await store.get(id), id);
    if (!before) throw new DealNotFound(id);
    const { lostReason: _reason, closedAt: _closedAt, ...rest } = before;
    void _reason;
    void _closedAt;
    const after = checkedRow(dealRecordSchema, 'deals', {
      ...rest,
      outcome: closing.outcome,
      ...(closing.outcome === 'lost' ? { lostReason: closing.lostReason } : {}),
      ...(closing.outcome === 'open' ? {} : { closedAt: now }),
      updatedAt: now,
    });
    await store.put(after);
    if (closing.outcome !== 'open') {
      const followUps = tx.objectStore('followUps');
      for (const row of await followUps.index('by-account').getAll(before.accountKey)) {
        const followUp = row as Partial<FollowUpRecord>;
        if (followUp.dealId === id && followUp.status === 'proposed' && followUp.id) {
          await followUps.delete(followUp.id);
        }
      }
    }
    return after;
  });
}

/**
 * Which deal a stage or checklist write is for: the one named, or — for a write that names none, from a
 * panel of an account without deals — a new deal named after the account. A write naming none while the
 * account has open deals is refused: the rep must say which.
 */
async function dealForWrite(
  deals: {
    get(id: string): Promise<unknown>;
    index(name: 'by-account'): { getAll(key: string): Promise<unknown[]> };
  },
  accountKey: string,
  dealId: string | undefined,
): Promise<DealRecord | undefined> {
  if (dealId) {
    const deal = validRow(dealRecordSchema, 'deals', await deals.get(dealId), dealId);
    if (!deal || deal.accountKey !== accountKey) throw new DealNotFound(dealId);
    return deal;
  }
  const open = validRows(
    dealRecordSchema,
    'deals',
    await deals.index('by-account').getAll(accountKey),
    idOf,
  ).filter((deal) => deal.outcome === 'open');
  if (open.length > 1) throw new Error('This account has several open deals: choose one first.');
  return open[0];
}

/** The deal an account gets when the rep first stages it or ticks an item: named after the account. */
function firstDeal(account: AccountRecord, now: number, newId: () => string, author?: Author): DealRecord {
  return {
    id: newId(),
    accountKey: account.key,
    title: (account.displayName?.trim() || account.key).slice(0, DEAL_TITLE_MAX_LENGTH),
    checklist: {},
    outcome: 'open',
    createdAt: now,
    updatedAt: now,
    ...(author ? { author } : {}),
  };
}

export interface StageChange {
  accountKey: string;
  /** The deal to move; absent on an account without open deals, which then gets its first. */
  dealId?: string;
  /** A new deal to add in this stage instead (what the rep typed about it). */
  newDeal?: DealFields & { title: string };
  stageId: string;
  person?: PersonSeen;
  /** Follow-ups the playbook's cadence proposes on entering the stage, titles already in the rep's language. */
  proposals: { stepId: string; title: string; due: number }[];
  /** Who moves it (recorded on the stage event). */
  author?: Author;
}

/**
 * Moves a deal to a stage (forwards or back), records the stage event the funnel is computed from, and
 * stores the cadence's proposed follow-ups for the rep to accept or dismiss. Proposals left from the
 * deal's earlier stage are dismissed: they belonged to a step that is over.
 */
export async function changeDealStage(
  db: Db,
  change: StageChange,
  now: number,
  newId: () => string,
): Promise<{ deal: DealRecord; proposals: FollowUpRecord[] }> {
  return inTransaction(
    db,
    ['accounts', 'contacts', 'deals', 'stageEvents', 'followUps'],
    'readwrite',
    async (tx) => {
      const account = await ensureAccount(
        { accounts: tx.objectStore('accounts'), contacts: tx.objectStore('contacts') },
        change.accountKey,
        now,
        change.person,
      );
      const deals = tx.objectStore('deals');
      const before = change.newDeal
        ? checkedRow(
            dealRecordSchema,
            'deals',
            withFields(firstDeal(account, now, newId, change.author), change.newDeal),
          )
        : ((await dealForWrite(deals, change.accountKey, change.dealId)) ??
          firstDeal(account, now, newId, change.author));
      if (before.stageId === change.stageId) return { deal: before, proposals: [] };

      const deal = checkedRow(dealRecordSchema, 'deals', {
        ...before,
        stageId: change.stageId,
        stageEnteredAt: now,
        updatedAt: now,
      });
      await deals.put(deal);
      await tx.objectStore('stageEvents').put(
        checkedRow(stageEventRecordSchema, 'stageEvents', {
          id: newId(),
          accountKey: change.accountKey,
          dealId: deal.id,
          ...(before.stageId ? { from: before.stageId } : {}),
          to: change.stageId,
          at: now,
          ...(change.author ? { author: change.author } : {}),
        }),
      );

      const followUps = tx.objectStore('followUps');
      const existing = validRows(
        followUpRecordSchema,
        'followUps',
        await followUps.index('by-account').getAll(change.accountKey),
        idOf,
      );
      // This deal's proposals only: another deal of the account keeps its own.
      for (const stale of existing) {
        if (stale.status === 'proposed' && stale.dealId === deal.id) await followUps.delete(stale.id);
      }
      const proposals = change.proposals.map((proposal) =>
        checkedRow(followUpRecordSchema, 'followUps', {
          id: newId(),
          accountKey: change.accountKey,
          dealId: deal.id,
          ...(change.person ? { contactEmail: change.person.email } : {}),
          title: proposal.title,
          due: proposal.due,
          status: 'proposed',
          source: 'plan',
          planStepId: proposal.stepId,
          createdAt: now,
          updatedAt: now,
          ...(change.author ? { author: change.author } : {}),
        }),
      );
      for (const proposal of proposals) await followUps.put(proposal);
      return { deal, proposals };
    },
  );
}

export interface ChecklistTick {
  accountKey: string;
  dealId?: string;
  stageId: string;
  itemId: string;
  done: boolean;
  person?: PersonSeen;
  /** Who ticks it: the owner of a deal the tick creates. */
  author?: Author;
}

/** Ticks or unticks one checklist item of one stage of a deal. */
export async function tickDealChecklist(
  db: Db,
  tick: ChecklistTick,
  now: number,
  newId: () => string,
): Promise<DealRecord> {
  return inTransaction(db, ['accounts', 'contacts', 'deals'], 'readwrite', async (tx) => {
    const account = await ensureAccount(
      { accounts: tx.objectStore('accounts'), contacts: tx.objectStore('contacts') },
      tick.accountKey,
      now,
      tick.person,
    );
    const deals = tx.objectStore('deals');
    const before =
      (await dealForWrite(deals, tick.accountKey, tick.dealId)) ??
      firstDeal(account, now, newId, tick.author);
    const ticked = new Set(before.checklist[tick.stageId] ?? []);
    if (tick.done) ticked.add(tick.itemId);
    else ticked.delete(tick.itemId);
    const after = checkedRow(dealRecordSchema, 'deals', {
      ...before,
      checklist: { ...before.checklist, [tick.stageId]: [...ticked] },
      updatedAt: now,
    });
    await deals.put(after);
    return after;
  });
}
