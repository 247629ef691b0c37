import { useCallback, useState } from 'react';
import type { DealRecord } from '@/lib/db/records';
import type { AccountView } from '@/lib/messaging/protocol';

/**
 * Which of the account's deals the panel shows: the one the rep chose on this account, else the open
 * deal worked on most recently. A chosen deal stays shown after it is closed (the rep sees the outcome
 * and can reopen it); a chosen deal that is gone (deleted, merged away) falls back to the default.
 */
export function useShownDeal(account: AccountView | null): {
  deal: DealRecord | null;
  selectDeal: (dealId: string) => void;
} {
  const [chosen, setChosen] = useState<{ accountKey: string; dealId: string } | null>(null);
  const accountKey = account?.key;
  const selectDeal = useCallback(
    (dealId: string) => {
      if (accountKey !== undefined) setChosen({ accountKey, dealId });
    },
    [accountKey],
  );
  const deals = account?.deals ?? [];
  const chosenDeal =
    chosen && chosen.accountKey === accountKey ? deals.find((deal) => deal.id === chosen.dealId) : undefined;
  const deal = chosenDeal ?? deals.find((candidate) => candidate.outcome === 'open') ?? null;
  return { deal, selectDeal };
}
