import type { PopupFollowUp } from '../../../lib/messaging/protocol';

/** A row of the popup's lists: a follow-up with Jane Cooper at Northwind Trading, due at `due`. */
export function popupFollowUp(id: string, due: number, more: Partial<PopupFollowUp> = {}): PopupFollowUp {
  return {
    id,
    title: `Follow-up ${id}`,
    due,
    accountKey: 'northwind-trading.com',
    accountLabel: 'Northwind Trading',
    contactEmail: 'jane.cooper@northwind-trading.com',
    contactName: 'Jane Cooper',
    fromCadence: false,
    ...more,
  };
}
