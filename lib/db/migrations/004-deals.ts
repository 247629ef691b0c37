/**
 * Schema version 4: deals. Until now an account had one stage and one checklist; now an account has
 * deals, each with its own stage, checklist, value, close date and outcome. Every account that had a
 * stage, a ticked item or a stage move becomes an account with one open deal holding exactly that, and
 * its stage events and follow-ups name the deal. Accounts no one ever staged get no deal: they were only seen.
 *
 * Runs inside the upgrade transaction, so an interrupted upgrade leaves the version-3 database as it was.
 */
import { legacyDealOf, withoutLegacyStage } from '../legacy-deal';
import type { Migration } from './types';

export const dealsStore: Migration = {
  version: 4,
  description: "each account's stage, checklist and history become one open deal",
  async apply(db, transaction) {
    const deals = db.createObjectStore('deals', { keyPath: 'id' });
    deals.createIndex('by-account', 'accountKey');
    deals.createIndex('by-outcome-stage', ['outcome', 'stageId']);
    deals.createIndex('by-closed', 'closedAt');
    deals.createIndex('by-close-date', 'closeDate');

    // Rows are read raw: a row an old bug damaged is carried over as it is, never dropped here.
    const accounts = transaction.objectStore('accounts');
    const stageEvents = transaction.objectStore('stageEvents');
    const newDeals = transaction.objectStore('deals');
    for (const row of (await accounts.getAll()) as unknown[]) {
      const account = row as Record<string, unknown>;
      if (typeof account.key !== 'string') continue;
      const events = (await stageEvents.index('by-account').getAll(account.key)) as unknown as Record<
        string,
        unknown
      >[];
      const deal = legacyDealOf(account, events);
      await accounts.put(withoutLegacyStage(account) as never);
      if (!deal) continue;
      await newDeals.put(deal);
      for (const event of events) await stageEvents.put({ ...event, dealId: deal.id } as never);
      // The account's follow-ups moved its only deal forward: a later close or stage move of that deal
      // must find its proposals.
      const followUps = transaction.objectStore('followUps');
      for (const followUp of (await followUps.index('by-account').getAll(account.key)) as unknown[]) {
        await followUps.put({ ...(followUp as object), dealId: deal.id } as never);
      }
    }
    // Account rows no longer carry a stage.
    accounts.deleteIndex('by-stage');
  },
};
