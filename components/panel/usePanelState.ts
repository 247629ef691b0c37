import type { PanelState } from '@/lib/messaging/protocol';
import { useBackgroundQuery, type BackgroundQuery } from '../shared/useBackgroundQuery';

export type PanelTarget =
  /** The in-page frame: the background answers about the tab the frame is docked in. */
  | { kind: 'frame' }
  /** The browser's side panel: follows the tab it is given. */
  | { kind: 'tab'; tabId: number | null };

/**
 * The panel's data, kept fresh: loaded from the background, and loaded again whenever the background
 * says this tab's page or this account's data changed (another panel saved a note, say).
 */
export function usePanelState(target: PanelTarget): BackgroundQuery<PanelState> {
  const tabId = target.kind === 'tab' ? target.tabId : null;
  return useBackgroundQuery('getPanelState', tabId === null ? {} : { tabId }, {
    refreshOn: {
      dataChanged: (event, shown) => {
        const key = shown?.account?.key;
        return !!key && event.accountKeys.includes(key);
      },
      // Until the background has named the panel's tab, any tab's change may be this one's.
      pageChanged: (event, shown) =>
        shown?.tabId === undefined || shown.tabId === null || event.tabId === shown.tabId,
    },
  });
}
