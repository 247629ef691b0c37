/** The popup's lists, "open" on a follow-up, and whether reminders are on (also shown in options). */
import { database } from '../db-connection';
import { openFollowUp } from '../open-follow-up';
import { popupFollowUps } from '../popup-follow-ups';
import { remindersStatus } from '../reminders';
import type { Handlers } from '../router';
import { tabContacts } from '../tab-contacts';

export const popupHandlers = {
  getPopupFollowUps: async () => popupFollowUps(await database(), Date.now(), await tabContacts()),
  openFollowUp: (request) => openFollowUp(request.id, request.windowId),
  getRemindersStatus: () => remindersStatus(),
} satisfies Partial<Handlers>;
