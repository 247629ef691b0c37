/**
 * Contacts the rep picked by hand, per page: when detection chose the wrong person, the choice sticks to
 * that thread or record URL. Kept with the private items in the background's database: which customer a
 * thread is about is exactly what a page must not read, and a forged pick would put another customer's
 * notes beside it.
 */
import {
  changePrivateItems,
  forgetContactPicksIn,
  type PrivateStore,
  readContactPicksIn,
  readPrivateItem,
  writeContactPicksIn,
} from '../db/private-items';
import { z } from 'zod';
import { privateItemsDb } from './private-items-db';

const MAX_PICKS = 500;

export async function pickedContact(url: string): Promise<string | undefined> {
  return (await readPrivateItem(await privateItemsDb(), readContactPicksIn))[url]?.email;
}

export async function setPickedContact(url: string, email: string | null, now: number): Promise<void> {
  await changePrivateItems(await privateItemsDb(), async (store) => {
    const picks = await readContactPicksIn(store);
    if (email === null) delete picks[url];
    else picks[url] = { email, at: now };
    // Keep the most recent picks only; old threads are rarely reopened.
    const kept = Object.entries(picks)
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, MAX_PICKS);
    await writeContactPicksIn(store, Object.fromEntries(kept));
  });
}

/** Forgets the picks of the addresses `forget` selects (an account deleted); returns how many went. */
export async function forgetPickedContacts(forget: (email: string) => boolean): Promise<number> {
  return changePrivateItems(await privateItemsDb(), (store) => forgetContactPicksIn(store, forget));
}

/** Forgets every pick ("delete everything"). */
export async function forgetAllPickedContacts(): Promise<void> {
  await changePrivateItems(await privateItemsDb(), (store) => writeContactPicksIn(store, {}));
}

/**
 * Accounts the rep attached pages to by hand, per page: when no person on a page is the customer (an
 * inbox list, a shared document, a record the reader cannot place), the rep names the account instead.
 * One manual choice per page: attaching forgets a pick there, and picking forgets an attachment.
 */
const ATTACHED_ACCOUNTS_ITEM = 'attachedAccounts';
const MAX_ATTACHED = 500;

const attachedAccountsSchema = z
  .record(z.string(), z.object({ accountKey: z.string().min(1), at: z.number() }))
  .catch({});

async function readAttachedIn(store: PrivateStore): Promise<z.infer<typeof attachedAccountsSchema>> {
  return attachedAccountsSchema.parse((await store.get(ATTACHED_ACCOUNTS_ITEM)) ?? {});
}

/** The account key the rep attached this page to, if any. */
export async function attachedAccount(url: string): Promise<string | undefined> {
  return (await readPrivateItem(await privateItemsDb(), readAttachedIn))[url]?.accountKey;
}

/** Attaches a page to an account, or (with `null`) detaches it. */
export async function setAttachedAccount(url: string, accountKey: string | null, now: number): Promise<void> {
  await changePrivateItems(await privateItemsDb(), async (store) => {
    const attached = await readAttachedIn(store);
    if (accountKey === null) delete attached[url];
    else attached[url] = { accountKey, at: now };
    const kept = Object.entries(attached)
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, MAX_ATTACHED);
    await store.put(Object.fromEntries(kept), ATTACHED_ACCOUNTS_ITEM);
  });
}

/** Forgets the attachments to the accounts `forget` selects (an account deleted); returns how many went. */
export async function forgetAttachedAccounts(forget: (accountKey: string) => boolean): Promise<number> {
  return changePrivateItems(await privateItemsDb(), async (store) => {
    const attached = await readAttachedIn(store);
    const kept = Object.entries(attached).filter(([, entry]) => !forget(entry.accountKey));
    const dropped = Object.keys(attached).length - kept.length;
    if (dropped > 0) await store.put(Object.fromEntries(kept), ATTACHED_ACCOUNTS_ITEM);
    return dropped;
  });
}

/** Forgets every attachment ("delete everything"). */
export async function forgetAllAttachedAccounts(): Promise<void> {
  await changePrivateItems(await privateItemsDb(), (store) => store.delete(ATTACHED_ACCOUNTS_ITEM));
}
