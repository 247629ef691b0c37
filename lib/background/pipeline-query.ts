/**
 * Reads what the pipeline page shows, as facts that ./pipeline-cache.ts keeps and patches account by
 * account. A full read is one read-only transaction, so every card is of one moment: open deals by the
 * `by-outcome-stage` index range ['open', …]; open follow-ups by `by-status-due`, already in due order,
 * so the first one met per deal (or per account, for follow-ups about no one deal) is the next step;
 * and only the accounts and people of those deals. A patch re-reads a few accounts through their
 * `by-account` indexes. Rows are validated as they are read; a damaged one is reported and left out,
 * never fails the page.
 */
import type { IDBPTransaction } from 'idb';
import { displayAccountKey } from '../contact/account-key';
import type { Db } from '../db/open';
import {
  accountRecordSchema,
  contactRecordSchema,
  dealRecordSchema,
  followUpRecordSchema,
  type ContactRecord,
  type DealRecord,
  type FollowUpRecord,
} from '../db/records';
import type { DealsideDb } from '../db/schema';
import { validRow, validRows } from '../db/validate';
import type { PipelineDeal } from '../messaging/protocol';
import { isWebUrl } from './page-url';

const STORES = ['deals', 'followUps', 'accounts', 'contacts', 'touches'] as const;
type ReadTx = IDBPTransaction<DealsideDb, (typeof STORES)[number][], 'readonly'>;

/** What the page needs of an account of an open deal. */
export interface AccountFacts {
  label: string;
  lastTouchAt?: number;
  /** Whether one of its people was seen on a page of the web, to go back to. */
  hasPage: boolean;
  /** That person (the first found), so a change to them is known to concern this account. */
  pageContact?: string;
}

/** Everything the page's cards are made of. */
export interface PipelineFacts {
  /** Open deals by id. */
  deals: Map<string, DealRecord>;
  /** The next open follow-up per step key (`stepKey`). */
  steps: Map<string, FollowUpRecord>;
  /** The accounts of the open deals. */
  accounts: Map<string, AccountFacts>;
}

const idOf = (row: unknown) => (row as { id?: unknown }).id;
const emailOf = (row: unknown) => (row as { email?: unknown }).email;

/**
 * Below this many accounts the page's accounts and people are read key by key; above it, one `getAll`
 * of each store is cheaper than thousands of separate requests.
 */
const PER_KEY_READ_LIMIT = 200;

/**
 * Every open deal. Staged ones come from the index; a deal without a stage has no entry there (an
 * index skips rows missing part of its key), so the store is scanned for them only when the counts say
 * there are some: all deals, less the open staged ones, less the closed ones (each has `closedAt`).
 */
async function openDeals(tx: ReadTx): Promise<DealRecord[]> {
  const deals = tx.objectStore('deals');
  const openStaged = IDBKeyRange.bound(['open', ''], ['open', '\uffff']);
  const [staged, all, closed] = await Promise.all([
    deals.index('by-outcome-stage').getAll(openStaged),
    deals.count(),
    deals.index('by-closed').count(),
  ]);
  const rows: unknown[] = staged;
  if (all - staged.length - closed > 0) {
    for (const row of await deals.getAll()) {
      const deal = row as Partial<DealRecord>;
      if (deal.outcome === 'open' && deal.stageId === undefined) rows.push(row);
    }
  }
  return validRows(dealRecordSchema, 'deals', rows, idOf);
}

/** Where a follow-up counts as the next step: its deal, or (about no one deal) its whole account. */
export const stepKey = (followUp: { dealId?: string; accountKey?: string }): string =>
  followUp.dealId ? `deal:${followUp.dealId}` : `account:${followUp.accountKey ?? ''}`;

/**
 * The first open follow-up per step key of rows in due order. Only the first valid row of each key is
 * checked against the schema, so thousands of later ones cost no validation.
 */
function firstPerStep(rowsInDueOrder: readonly unknown[], into: Map<string, FollowUpRecord>): void {
  const claimed = new Set<string>();
  for (const row of rowsInDueOrder) {
    const key = stepKey(row as Partial<FollowUpRecord>);
    if (claimed.has(key)) continue;
    const followUp = validRow(followUpRecordSchema, 'followUps', row, idOf(row));
    if (!followUp) continue;
    claimed.add(key);
    into.set(key, followUp);
  }
}

/** The earliest open follow-up per deal and per account, from the `by-status-due` index. */
async function nextSteps(tx: ReadTx): Promise<Map<string, FollowUpRecord>> {
  const rows = await tx
    .objectStore('followUps')
    .index('by-status-due')
    .getAll(IDBKeyRange.bound(['open', -Infinity], ['open', Infinity]));
  const next = new Map<string, FollowUpRecord>();
  firstPerStep(rows, next);
  return next;
}

/** Display names of the accounts, by key. */
async function accountLabels(tx: ReadTx, keys: readonly string[]): Promise<Map<string, string>> {
  const store = tx.objectStore('accounts');
  const rows: unknown[] =
    keys.length <= PER_KEY_READ_LIMIT
      ? await Promise.all(keys.map((key) => store.get(key)))
      : await store.getAll();
  const wanted = new Set(keys);
  const labels = new Map<string, string>();
  for (const row of rows) {
    const key = (row as { key?: unknown } | undefined)?.key;
    if (typeof key !== 'string' || !wanted.has(key)) continue;
    const account = validRow(accountRecordSchema, 'accounts', row, key);
    if (account?.displayName?.trim()) labels.set(key, account.displayName.trim());
  }
  return labels;
}

/**
 * For each account, the first of its people seen on a page of the web (the one "open" returns to).
 * Only that row per account is checked against the schema: thousands of people cost a comparison
 * each, not a validation each.
 */
async function pageContacts(tx: ReadTx, keys: readonly string[]): Promise<Map<string, string>> {
  const store = tx.objectStore('contacts');
  const rows: unknown[] =
    keys.length <= PER_KEY_READ_LIMIT
      ? (await Promise.all(keys.map((key) => store.index('by-account').getAll(key)))).flat()
      : await store.getAll();
  const wanted = new Set(keys);
  const found = new Map<string, string>();
  for (const row of rows) {
    const raw = row as Partial<ContactRecord>;
    if (typeof raw.accountKey !== 'string' || !wanted.has(raw.accountKey)) continue;
    if (found.has(raw.accountKey) || !isWebUrl(raw.lastSeenUrl)) continue;
    const person = validRow(contactRecordSchema, 'contacts', row, emailOf(row));
    if (person && isWebUrl(person.lastSeenUrl)) found.set(raw.accountKey, person.email);
  }
  return found;
}

/**
 * Each account's last touch: the newest key of its range on the touches' `by-account-at` index, read
 * with a key cursor from the end (no row is read). Accounts without touches are left out.
 */
async function lastTouches(tx: ReadTx, keys: readonly string[]): Promise<Map<string, number>> {
  const index = tx.objectStore('touches').index('by-account-at');
  const newest = new Map<string, number>();
  await Promise.all(
    keys.map(async (key) => {
      const cursor = await index.openKeyCursor(IDBKeyRange.bound([key, -Infinity], [key, Infinity]), 'prev');
      const at = cursor?.key[1];
      if (typeof at === 'number') newest.set(key, at);
    }),
  );
  return newest;
}

/** The facts of the accounts of `deals`, read in `tx`. */
async function accountFacts(tx: ReadTx, deals: Iterable<DealRecord>): Promise<Map<string, AccountFacts>> {
  const keys = [...new Set(Array.from(deals, (deal) => deal.accountKey))];
  const [labels, people, touched] = await Promise.all([
    accountLabels(tx, keys),
    pageContacts(tx, keys),
    lastTouches(tx, keys),
  ]);
  return new Map(
    keys.map((key) => {
      const pageContact = people.get(key);
      const lastTouchAt = touched.get(key);
      const facts: AccountFacts = {
        label: labels.get(key) ?? displayAccountKey(key),
        hasPage: pageContact !== undefined,
        ...(pageContact === undefined ? {} : { pageContact }),
        ...(lastTouchAt === undefined ? {} : { lastTouchAt }),
      };
      return [key, facts] as const;
    }),
  );
}

/** Everything the page shows, read in one transaction. */
export async function readPipelineFacts(db: Db): Promise<PipelineFacts> {
  const tx: ReadTx = db.transaction([...STORES], 'readonly');
  const [deals, steps] = await Promise.all([openDeals(tx), nextSteps(tx)]);
  const accounts = await accountFacts(tx, deals);
  await tx.done;
  return { deals: new Map(deals.map((deal) => [deal.id, deal])), steps, accounts };
}

/**
 * Re-reads what concerns the accounts `keys` (their open deals, open follow-ups, name, people and last
 * touch) in one transaction and puts it into `facts` in place of what was there about them.
 */
export async function patchPipelineFacts(
  db: Db,
  facts: PipelineFacts,
  keys: readonly string[],
): Promise<void> {
  if (keys.length === 0) return;
  const tx: ReadTx = db.transaction([...STORES], 'readonly');
  const perAccount = await Promise.all(
    keys.map(async (key) => {
      const [deals, followUps] = await Promise.all([
        tx.objectStore('deals').index('by-account').getAll(key),
        tx.objectStore('followUps').index('by-account').getAll(key),
      ]);
      const open = followUps
        .filter((row) => (row as Partial<FollowUpRecord>).status === 'open')
        .sort((a, b) => ((a as FollowUpRecord).due ?? 0) - ((b as FollowUpRecord).due ?? 0));
      const openDealRows = deals.filter((row) => (row as Partial<DealRecord>).outcome === 'open');
      return { deals: validRows(dealRecordSchema, 'deals', openDealRows, idOf), followUps: open };
    }),
  );
  const deals = perAccount.flatMap((account) => account.deals);
  const accounts = await accountFacts(tx, deals);
  await tx.done;

  const patched = new Set(keys);
  for (const [id, deal] of facts.deals) if (patched.has(deal.accountKey)) facts.deals.delete(id);
  for (const [key, step] of facts.steps) if (patched.has(step.accountKey)) facts.steps.delete(key);
  for (const key of keys) facts.accounts.delete(key);
  for (const deal of deals) facts.deals.set(deal.id, deal);
  for (const account of perAccount) firstPerStep(account.followUps, facts.steps);
  for (const [key, account] of accounts) facts.accounts.set(key, account);
}

/** The earlier of a deal's own next follow-up and its account's next one about no deal in particular. */
function nextFollowUpOf(deal: DealRecord, steps: Map<string, FollowUpRecord>): FollowUpRecord | undefined {
  const own = steps.get(stepKey({ dealId: deal.id }));
  const account = steps.get(stepKey({ accountKey: deal.accountKey }));
  if (!own) return account;
  if (!account) return own;
  return account.due < own.due ? account : own;
}

/** The cards: one per open deal, in no particular order (the page sorts). */
export function pipelineDeals(facts: PipelineFacts): PipelineDeal[] {
  return Array.from(facts.deals.values(), (deal): PipelineDeal => {
    const account = facts.accounts.get(deal.accountKey) ?? {
      label: displayAccountKey(deal.accountKey),
      hasPage: false,
    };
    const next = nextFollowUpOf(deal, facts.steps);
    // Absent fields are left out rather than sent as undefined: 10,000 cards cross the message channel.
    return {
      id: deal.id,
      title: deal.title,
      ...(deal.value === undefined ? {} : { value: deal.value }),
      ...(deal.currency ? { currency: deal.currency } : {}),
      ...(deal.closeDate ? { closeDate: deal.closeDate } : {}),
      ...(deal.stageId ? { stageId: deal.stageId } : {}),
      ...(deal.stageEnteredAt === undefined ? {} : { stageEnteredAt: deal.stageEnteredAt }),
      accountKey: deal.accountKey,
      accountLabel: account.label,
      ...(account.lastTouchAt === undefined ? {} : { lastTouchAt: account.lastTouchAt }),
      ...(next ? { nextFollowUp: { title: next.title, due: next.due } } : {}),
      hasPage: account.hasPage,
    };
  });
}
