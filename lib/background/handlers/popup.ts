import { database } from '../database';
import { openFollowUp } from '../open-follow-up';
import { popupFollowUps } from '../popup-follow-ups';
import { remindersStatus } from '../reminders';
import { handle } from '../router';
import { tabContacts } from '../tab-contacts';

/** The popup's lists, "open" on a follow-up, and whether reminders are on (for the options page). */
export function registerPopup(): void {
  handle('getPopupFollowUps', 'extension-page', async () =>
    popupFollowUps(await database(), Date.now(), await tabContacts()),
  );
  handle('openFollowUp', 'extension-page', (request) => openFollowUp(request.id, request.windowId));
  handle('getRemindersStatus', 'extension-page', () => remindersStatus());
}
