/** What content scripts ask: a page's report, and the page-side handle that opens the panel again. */
import type { Handlers } from '../router';
import { broadcastPageChanged } from '../broadcast';
import { forgetTab, recordTabPage, tabPage } from '../page-registry';
import { pageKeyUrl } from '../page-url';
import { recordReadFailure } from '../read-failures';
import { recordTouchForPage } from '../touches';
import { readFrameLayouts, readSettings, setFrameCollapsed } from '../settings-store';
import { sendMessage } from '../../messaging/messenger';

/** Collapses or opens the panel of a tab's site: remembered per site, applied by the tab's content script. */
export async function applyCollapsed(tabId: number, collapsed: boolean): Promise<void> {
  const page = await tabPage(tabId);
  if (page) await setFrameCollapsed(page.context.site, collapsed);
  await sendMessage('applyFrameLayout', { collapsed }, tabId).catch(() => undefined);
}

export const pageHandlers = {
  /**
   * A content script tells what its page shows. It can only ever describe its own tab: the tab id and the
   * page's URL come from the sender as the browser reports it, never from the payload. A report only
   * describes the page; nothing about a contact is recorded until the rep acts there, except a touch
   * when the page is a thread or record of an account the rep already tracks. Answers with the frame
   * layout remembered for the site.
   */
  async reportPage({ context }, caller) {
    const url = pageKeyUrl(caller.pageUrl);
    const previous = await tabPage(caller.tabId);
    // The rep switched this site off: no panel, and nothing the page shows is kept.
    if ((await readSettings()).disabledSites.includes(context.site)) {
      if (previous) {
        await forgetTab(caller.tabId);
        broadcastPageChanged({ tabId: caller.tabId });
      }
      return { collapsed: true, hidden: true };
    }
    const page = { url, context, reportedAt: Date.now() };
    await recordTabPage(caller.tabId, page);
    // Not awaited: the content script's answer does not wait for the database.
    recordTouchForPage(page, caller.pageTitle).catch((error: unknown) => {
      console.warn('[dealside] could not record a touch', error);
    });
    if (!previous || previous.url !== url || JSON.stringify(previous.context) !== JSON.stringify(context)) {
      broadcastPageChanged({ tabId: caller.tabId });
      // Kept locally for the rep's report from options; only pages that changed count again.
      recordReadFailure(url, context).catch((error: unknown) => {
        console.warn('[dealside] could not record a page that could not be read', error);
      });
    }
    const layouts = await readFrameLayouts();
    return { collapsed: layouts[context.site]?.collapsed ?? false, hidden: false };
  },

  /**
   * The panel frame's collapse button, or the page-side handle that opens it again. Either sender can only
   * change its own tab.
   */
  setPanelCollapsed: ({ collapsed }, caller) => applyCollapsed(caller.tabId, collapsed),
} satisfies Partial<Handlers>;
