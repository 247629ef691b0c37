import { useCallback } from 'react';
import type { NoteSaveOutcome } from '@/lib/db/notes';
import type { PanelState } from '@/lib/messaging/protocol';
import { useBackgroundQuery, type BackgroundQuery } from '../shared/useBackgroundQuery';
import { PANEL_INSTANCE } from './panel-instance';
import { stateAfterSave } from './saved-note';

export type PanelTarget =
  /** The in-page frame: the background answers about the tab the frame is docked in. */
  | { kind: 'frame' }
  /** The browser's side panel: follows the tab it is given. */
  | { kind: 'tab'; tabId: number | null };

/**
 * The panel's data, kept fresh: loaded from the background, and loaded again whenever the background
 * says this tab's page or this account's data changed (another panel saved a note, say). Its own note
 * saves are patched in from their answers instead.
 */
export interface PanelStateQuery extends BackgroundQuery<PanelState> {
  /** Shows a note save's answer without loading the state again (loads it when the answer cannot tell). */
  noteSaved: (outcome: NoteSaveOutcome) => void;
}

export function usePanelState(target: PanelTarget): PanelStateQuery {
  const tabId = target.kind === 'tab' ? target.tabId : null;
  const query = useBackgroundQuery('getPanelState', tabId === null ? {} : { tabId }, {
    refreshOn: {
      dataChanged: (event, shown) => {
        const key = shown?.account?.key;
        // A note this panel saved is shown already, from the save's answer (`stateAfterSave`).
        if (event.notesOnly && event.savedBy === PANEL_INSTANCE) return false;
        return !!key && event.accountKeys.includes(key);
      },
      // Until the background has named the panel's tab, any tab's change may be this one's.
      pageChanged: (event, shown) =>
        shown?.tabId === undefined || shown.tabId === null || event.tabId === shown.tabId,
    },
  });
  const { patch, reload } = query;
  const noteSaved = useCallback(
    (outcome: NoteSaveOutcome) => {
      let known = true;
      patch((state) => {
        const next = stateAfterSave(state, outcome);
        known &&= next !== undefined;
        return next ?? state;
      });
      if (!known) reload();
    },
    [patch, reload],
  );
  return { ...query, noteSaved };
}
