/**
 * Contacts the rep picked by hand, per page: when detection chose the wrong person, the choice sticks to
 * that thread or record URL. Kept with the private items in the background's database: which customer a
 * thread is about is exactly what a page must not read, and a forged pick would put another customer's
 * notes beside it.
 */
import {
  changePrivateItems,
  forgetContactPicksIn,
  readContactPicksIn,
  readPrivateItem,
  writeContactPicksIn,
} from '../db/private-items';
import { privateItemsDb } from './private-items';

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

