import { handle } from '../router';
import { broadcastPageChanged } from '../broadcast';
import { forgetTab, recordTabPage, tabPage } from '../page-registry';
import { pageKeyUrl } from '../page-url';
import { recordReadFailure } from '../read-failures';
import { readFrameLayouts, readSettings } from '../settings';

/**
 * A content script tells what its page shows. It can only ever describe its own tab: the tab id and the
 * page's URL come from the sender as the browser reports it, never from the payload. A report only
 * describes the page; nothing about a contact is recorded until the rep acts there. Answers with the
 * frame layout remembered for the site.
 */
export function registerReportPage(): void {
  handle('reportPage', 'content-script', async ({ context }, caller) => {
    if (caller.kind !== 'content-script') throw new Error('unreachable');
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
    await recordTabPage(caller.tabId, {
      url,
      context,
      reportedAt: Date.now(),
      reports: (previous?.reports ?? 0) + 1,
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
  });
}
