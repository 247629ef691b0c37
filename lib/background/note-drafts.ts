/**
 * The panel's unsaved note text, handed over as the rep types. A panel frame whose tab is closed can
 * send no more messages, but the background is told its port disconnected: it then saves what was still
 * unsaved, so closing a tab right after typing loses nothing.
 */
import type { Browser } from 'wxt/browser';
import type { NoteEdit } from '../db/notes';
import { NOTE_DRAFT_PORT, type NoteDraftHandover } from '../notes/draft-port';
import { saveNote } from './handlers/panel-writes';
import { admitCaller, admitPayload } from './router';
import { callerOf, panelTabId } from './sender';

type DraftRequest = NoteEdit;

export interface PendingDraft {
  draft: DraftRequest;
  buildsOn?: DraftRequest;
}

/** The handover as posted, validated; null clears the pending draft, undefined is a refused message. */
export function readHandover(message: unknown): PendingDraft | null | undefined {
  const { draft, buildsOn } = (message ?? {}) as Partial<Record<keyof NoteDraftHandover, unknown>>;
  if (draft === null) return null;
  // A draft is a `saveNote` sent later: the same schema admits it.
  const admitted = (payload: unknown) => {
    try {
      return admitPayload('saveNote', payload);
    } catch (refusal) {
      console.warn('[dealside] refused a malformed note draft:', (refusal as Error).message);
      return undefined;
    }
  };
  const parsed = admitted(draft);
  if (!parsed) return undefined;
  const base = buildsOn === undefined ? undefined : admitted(buildsOn);
  // A save in flight for another note says nothing about this draft.
  const continued = base?.id === parsed.id ? base : undefined;
  return { draft: parsed, ...(continued ? { buildsOn: continued } : {}) };
}

/**
 * Saves the draft of a panel that went away. When a save was still on its way as the rep typed, that save
 * is landed first — sending the same text again is harmless (same text, same note) whether or not it
 * arrived meanwhile — and the draft is saved on the revision it returns, as the panel would have done:
 * one note with the whole text, not a conflict copy beside the text in flight.
 */
export async function saveDraftOfClosedPanel(
  { draft, buildsOn }: PendingDraft,
  tabId: number | undefined,
): Promise<void> {
  let request: NoteEdit = draft;
  if (buildsOn) {
    const landed = await saveNote(buildsOn, tabId);
    request =
      landed.status === 'deleted'
        ? { ...draft, baseRevision: null }
        : { ...draft, id: landed.note.id, baseRevision: landed.note.revision };
  }
  await saveNote(request, tabId);
}

/** A panel's draft port (`runtime.onConnect`, registered in main.ts); it may come from who may save notes. */
export function onNoteDraftPortConnected(port: Browser.runtime.Port): void {
  if (port.name !== NOTE_DRAFT_PORT) return;
  let tabId: number | undefined;
  try {
    tabId = panelTabId(admitCaller('saveNote', port.sender && callerOf(port.sender)));
  } catch {
    port.disconnect();
    return;
  }
  let pending: PendingDraft | null = null;

  port.onMessage.addListener((message: unknown) => {
    const handover = readHandover(message);
    if (handover !== undefined) pending = handover;
  });

  port.onDisconnect.addListener(() => {
    if (!pending) return;
    const draft = pending;
    pending = null;
    // Saving an edit that did reach the background meanwhile is harmless: same text, same note.
    saveDraftOfClosedPanel(draft, tabId).catch((error: unknown) => {
      console.warn('[dealside] could not save the draft of a closed panel', error);
    });
  });
}
