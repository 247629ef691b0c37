import { rememberWhereContactWasSeen } from '../contact-seen';
import { handle } from '../router';
import { broadcastPageChanged } from '../broadcast';
import { recordTabPage, tabPage } from '../page-registry';
import { readFrameLayouts } from '../settings';

/**
 * A content script tells what its page shows. It can only ever describe its own tab: the tab id comes
 * from the sender, never from the payload. Answers with the frame layout remembered for the site.
 */
export function registerReportPage(): void {
  handle('reportPage', 'content-script', async ({ url, context }, caller) => {
    if (caller.kind !== 'content-script') throw new Error('unreachable');
    const previous = await tabPage(caller.tabId);
    await recordTabPage(caller.tabId, {
      url,
      context,
      reportedAt: Date.now(),
      reports: (previous?.reports ?? 0) + 1,
    });
    if (!previous || previous.url !== url || JSON.stringify(previous.context) !== JSON.stringify(context)) {
      broadcastPageChanged({ tabId: caller.tabId });
      rememberWhereContactWasSeen(url, context).catch((error: unknown) => {
        console.warn('[dealside] could not record where a contact was seen', error);
      });
    }
    const layouts = await readFrameLayouts();
    return { collapsed: layouts[context.site]?.collapsed ?? false };
  });
}
