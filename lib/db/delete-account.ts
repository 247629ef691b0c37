import type { Db } from './open';
import { forgetContactPicksIn } from './private-items';
import type { StoreName } from './schema';
import { accountTouchRange } from './touches';
import { inTransaction } from './transaction';

/** What was removed with an account, per store. */
export type DeletedAccountRows = Record<Exclude<StoreName, 'accounts'>, number> & { account: boolean };

/**
 * Deletes an account with everything recorded about it — its deals, people, notes, follow-ups, stage events,
 * SPIN question log, touches, and the pages where the rep picked one of its people — in one transaction: either
 * all of it goes or none does, so no follow-up is ever left pointing at an account that is gone.
 *
 * `isAccountEmail` tells the account's addresses that have no contact row (picked on a page, never
 * written about); it needs the rep's aliases, which the caller knows.
 */
export async function deleteAccountWithData(
  db: Db,
  accountKey: string,
  isAccountEmail: (email: string) => boolean = () => false,
): Promise<DeletedAccountRows> {
  return inTransaction(
    db,
    [
      'accounts',
      'deals',
      'contacts',
      'notes',
      'followUps',
      'stageEvents',
      'questionLog',
      'touches',
      'privateItems',
    ],
    'readwrite',
    async (tx) => {
      const account = tx.objectStore('accounts');
      const hadAccount = (await account.getKey(accountKey)) !== undefined;
      if (hadAccount) await account.delete(accountKey);

      const deals = tx.objectStore('deals');
      const dealKeys = await deals.index('by-account').getAllKeys(accountKey);
      for (const key of dealKeys) await deals.delete(key);

      const contacts = tx.objectStore('contacts');
      const contactKeys = await contacts.index('by-account').getAllKeys(accountKey);
      for (const key of contactKeys) await contacts.delete(key);

      const notes = tx.objectStore('notes');
      const noteKeys = await notes
        .index('by-account-created')
        .getAllKeys(IDBKeyRange.bound([accountKey, -Infinity], [accountKey, Infinity]));
      for (const key of noteKeys) await notes.delete(key);

      const followUps = tx.objectStore('followUps');
      const followUpKeys = await followUps.index('by-account').getAllKeys(accountKey);
      for (const key of followUpKeys) await followUps.delete(key);

      const stageEvents = tx.objectStore('stageEvents');
      const eventKeys = await stageEvents.index('by-account').getAllKeys(accountKey);
      for (const key of eventKeys) await stageEvents.delete(key);

      const questionLog = tx.objectStore('questionLog');
      const questionKeys = await questionLog.index('by-account').getAllKeys(accountKey);
      for (const key of questionKeys) await questionLog.delete(key);

      const touches = tx.objectStore('touches');
      const touchKeys = await touches.index('by-account-at').getAllKeys(accountTouchRange(accountKey));
      for (const key of touchKeys) await touches.delete(key);

      const contactEmails = new Set(contactKeys.map(String));
      await forgetContactPicksIn(
        tx.objectStore('privateItems'),
        (email) => contactEmails.has(email) || isAccountEmail(email),
      );

      return {
        account: hadAccount,
        deals: dealKeys.length,
        contacts: contactKeys.length,
        notes: noteKeys.length,
        followUps: followUpKeys.length,
        stageEvents: eventKeys.length,
        questionLog: questionKeys.length,
        touches: touchKeys.length,
      };
    },
  );
}
