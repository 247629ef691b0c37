/**
 * A file exported before deals existed (database versions 1–3) holds each account's stage and ticked
 * items on the account row. Once read, its rows are brought to the current shape the way the database
 * upgrade brings stored rows (lib/db/legacy-deal.ts): each staged account gets one open deal, and its
 * stage events and follow-ups name that deal.
 */
import { legacyDealOf, withoutLegacyStage } from '../db/legacy-deal';
import { groupedBy } from '../grouped-by';
import type { AccountRecord } from '../db/records';
import type { StoreRows } from './format';

type LegacyAccount = AccountRecord & { stageId?: string; checklist?: Record<string, string[]> };

export function withDealsFromAccounts(rows: StoreRows, now: number): StoreRows {
  const eventsByAccount = groupedBy(rows.stageEvents, (event) => event.accountKey);
  const deals: StoreRows['deals'] = [];
  const dealOfAccount = new Map<string, string>();
  const accounts = (rows.accounts as LegacyAccount[]).map((account) => {
    const deal = legacyDealOf(account, eventsByAccount.get(account.key) ?? [], now);
    if (deal) {
      deals.push(deal);
      dealOfAccount.set(account.key, deal.id);
    }
    return withoutLegacyStage(account);
  });
  const stageEvents = rows.stageEvents.map((event) => {
    const dealId = event.dealId ?? dealOfAccount.get(event.accountKey);
    return dealId ? { ...event, dealId } : event;
  });
  const followUps = rows.followUps.map((followUp) => {
    const dealId = followUp.dealId ?? dealOfAccount.get(followUp.accountKey);
    return dealId ? { ...followUp, dealId } : followUp;
  });
  return { ...rows, accounts, deals, stageEvents, followUps };
}
