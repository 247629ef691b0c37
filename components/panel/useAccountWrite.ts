import { useCallback, useMemo, useState } from 'react';
import type { AccountTarget } from '@/lib/panel-actions';
import { errorText } from '@/lib/error-text';
import type { DealRecord } from '@/lib/db/records';
import type { AccountPanelState } from './types';

/** The account and contact (when the page has one) a section's writes are about. */
/** Who the panel's writes are about: the account, the person on screen and the deal shown. */
export function useAccountTarget(state: AccountPanelState, deal?: DealRecord | null): AccountTarget {
  const accountKey = state.account.key;
  const contactEmail = state.contact?.email;
  const dealId = deal?.id;
  return useMemo(
    () => ({
      accountKey,
      ...(contactEmail === undefined ? {} : { contactEmail }),
      ...(dealId === undefined ? {} : { dealId }),
    }),
    [accountKey, contactEmail, dealId],
  );
}

/**
 * Runs a section's writes and keeps the last failure of each control, keyed by the control, so the
 * message shows beside it. What the panel shows stays the background's state: a write that fails
 * changes nothing, and a write that succeeds comes back through the panel's refresh.
 */
export function useAccountWrite(): {
  errors: Readonly<Record<string, string>>;
  busy: ReadonlySet<string>;
  run: (key: string, write: () => Promise<unknown>) => Promise<boolean>;
} {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<ReadonlySet<string>>(() => new Set());

  const run = useCallback(async (key: string, write: () => Promise<unknown>) => {
    setErrors((previous) => {
      if (!(key in previous)) return previous;
      const next = { ...previous };
      delete next[key];
      return next;
    });
    setBusy((previous) => new Set(previous).add(key));
    try {
      await write();
      return true;
    } catch (error) {
      setErrors((previous) => ({ ...previous, [key]: errorText(error) }));
      return false;
    } finally {
      setBusy((previous) => {
        const next = new Set(previous);
        next.delete(key);
        return next;
      });
    }
  }, []);

  return { errors, busy, run };
}
