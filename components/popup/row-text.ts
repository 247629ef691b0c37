/**
 * What a popup row says, worked out once for both renderings of it: the first paint, drawn without React
 * as the popup opens (./first-paint.ts), and the React row that takes over (./FollowUpRow.tsx). Pure.
 */
import { displayEmail } from '@/lib/contact/email';
import type { PopupFollowUp } from '@/lib/messaging/protocol';
import { describeDue, type DueText } from '@/lib/reminders/due-text';

/** Characters of a title the row renders; the whole title is in the tooltip. */
export const TITLE_SHOWN_MAX = 300;

export interface PopupRowText {
  /** The title as shown: cut at TITLE_SHOWN_MAX characters, with an ellipsis. */
  shownTitle: string;
  /** Account and contact: "Northwind · Jane Cooper". */
  who: string;
  /** The tooltip on `who`: the contact's address, else the account key. */
  whoTitle: string;
  due: DueText;
  /** The due instant for the `<time>` element's `datetime`. */
  dueDateTime: string;
  /** The row's accessible name: title, who and when. */
  label: string;
}

export function popupRowText(row: PopupFollowUp, now: number, locale: string): PopupRowText {
  const due = describeDue(row.due, now, locale);
  const contactEmail = row.contactEmail === undefined ? undefined : displayEmail(row.contactEmail);
  const who = [row.accountLabel, row.contactName ?? contactEmail].filter(Boolean).join(' · ');
  const shownTitle =
    row.title.length > TITLE_SHOWN_MAX ? `${row.title.slice(0, TITLE_SHOWN_MAX).trimEnd()}…` : row.title;
  return {
    shownTitle,
    who,
    whoTitle: row.contactEmail ?? row.accountKey,
    due,
    dueDateTime: new Date(row.due).toISOString(),
    label: `${row.title}, ${who}, ${due.relative}`,
  };
}

export type PopupSectionName = 'overdue' | 'today' | 'week';

/** The catalogue key naming each section, for its heading and its list's accessible name. */
export const SECTION_LABEL_KEYS = {
  overdue: 'popupOverdue',
  today: 'popupToday',
  week: 'popupNextWeek',
} as const satisfies Record<PopupSectionName, string>;
