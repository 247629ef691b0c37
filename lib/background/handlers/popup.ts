/** The popup's lists, "open" on a follow-up, and whether reminders are on (also shown in options). */
import { database } from '../db-connection';
import { openFollowUp } from '../open-follow-up';
import { popupFollowUps } from '../popup-follow-ups';
import { popupListsGeneration, storePopupLists } from '../popup-lists-store';
import { remindersStatus } from '../reminders';
import type { PopupFollowUps } from '../../messaging/protocol';
import type { Handlers } from '../router';
import { tabContacts } from '../tab-contacts';

/** The popup's lists as they are now. */
export async function currentPopupFollowUps(): Promise<PopupFollowUps> {
  return popupFollowUps(await database(), Date.now(), await tabContacts());
}

export const popupHandlers = {
  getPopupFollowUps: async () => {
    const readIn = popupListsGeneration();
    const lists = await currentPopupFollowUps();
    // Kept for the next popup to draw at once; not waited for.
    void storePopupLists(lists, readIn);
    return lists;
  },
  openFollowUp: (request) => openFollowUp(request.id, request.windowId),
  getRemindersStatus: () => remindersStatus(),
} satisfies Partial<Handlers>;
