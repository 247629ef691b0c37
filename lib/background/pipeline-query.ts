/**
 * Reads what the pipeline page shows, in one read-only transaction so every card is of one moment:
 * open deals by the `by-outcome-stage` index range ['open', …]; open follow-ups by `by-status-due`,
 * already in due order, so the first one met per deal (or per account, for follow-ups about no one
 * deal) is the next step; and only the accounts and people of those deals. Rows are validated as they
 * are read; a damaged one is reported and left out, never fails the page.
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
import type { PipelineDeal, PipelineView } from '../messaging/protocol';
import { isWebUrl } from './page-url';

const STORES = ['deals', 'followUps', 'accounts', 'contacts', 'touches'] as const;
type ReadTx = IDBPTransaction<DealsideDb, (typeof STORES)[number][], 'readonly'>;

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
const stepKey = (followUp: { dealId?: string; accountKey?: string }): string =>
  followUp.dealId ? `deal:${followUp.dealId}` : `account:${followUp.accountKey ?? ''}`;

/**
 * The earliest open follow-up per deal and per account. Rows arrive in due order; only the first valid
 * row of each key is checked against the schema, so thousands of later ones cost no validation.
 */
async function nextSteps(tx: ReadTx): Promise<Map<string, FollowUpRecord>> {
  const rows = await tx
    .objectStore('followUps')
    .index('by-status-due')
    .getAll(IDBKeyRange.bound(['open', -Infinity], ['open', Infinity]));
  const next = new Map<string, FollowUpRecord>();
  for (const row of rows) {
    const key = stepKey(row as Partial<FollowUpRecord>);
    if (next.has(key)) continue;
    const followUp = validRow(followUpRecordSchema, 'followUps', row, idOf(row));
    if (followUp) next.set(key, followUp);
  }
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

/** What the page needs of an account's people: whether one was seen on a page to go back to. */
interface AccountSeen {
  hasPage: boolean;
}

/**
 * The people of the accounts, reduced to whether one was seen on a page of the web. Only the first such
 * row per account is checked against the schema: thousands of people cost a comparison each, not a
 * validation each.
 */
async function accountsSeen(tx: ReadTx, keys: readonly string[]): Promise<Map<string, AccountSeen>> {
  const store = tx.objectStore('contacts');
  const rows: unknown[] =
    keys.length <= PER_KEY_READ_LIMIT
      ? (await Promise.all(keys.map((key) => store.index('by-account').getAll(key)))).flat()
      : await store.getAll();
  const wanted = new Set(keys);
  const seen = new Map<string, AccountSeen>();
  for (const row of rows) {
    const raw = row as Partial<ContactRecord>;
    if (typeof raw.accountKey !== 'string' || !wanted.has(raw.accountKey)) continue;
    if (seen.get(raw.accountKey)?.hasPage || !isWebUrl(raw.lastSeenUrl)) continue;
    const person = validRow(contactRecordSchema, 'contacts', row, emailOf(row));
    if (person) seen.set(raw.accountKey, { hasPage: isWebUrl(person.lastSeenUrl) });
  }
  return seen;
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

/** The earlier of a deal's own next follow-up and its account's next one about no deal in particular. */
function nextFollowUpOf(deal: DealRecord, steps: Map<string, FollowUpRecord>): FollowUpRecord | undefined {
  const own = steps.get(stepKey({ dealId: deal.id }));
  const account = steps.get(stepKey({ accountKey: deal.accountKey }));
  if (!own) return account;
  if (!account) return own;
  return account.due < own.due ? account : own;
}

export async function pipelineView(db: Db, now: number): Promise<PipelineView> {
  const tx: ReadTx = db.transaction([...STORES], 'readonly');
  const [deals, steps] = await Promise.all([openDeals(tx), nextSteps(tx)]);
  const accountKeys = [...new Set(deals.map((deal) => deal.accountKey))];
  const [labels, seen, touched] = await Promise.all([
    accountLabels(tx, accountKeys),
    accountsSeen(tx, accountKeys),
    lastTouches(tx, accountKeys),
  ]);
  await tx.done;

  const accounts = new Map(
    accountKeys.map((key) => {
      const people = seen.get(key);
      return [
        key,
        {
          label: labels.get(key) ?? displayAccountKey(key),
          lastTouchAt: touched.get(key),
          hasPage: people?.hasPage ?? false,
        },
      ] as const;
    }),
  );
  return {
    now,
    deals: deals.map((deal): PipelineDeal => {
      const account = accounts.get(deal.accountKey)!;
      const next = nextFollowUpOf(deal, steps);
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
    }),
  };
}
