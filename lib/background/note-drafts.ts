/**
 * The panel's unsaved note text, handed over as the rep types. A panel frame whose tab is closed can
 * send no more messages, but the background is told its port disconnected: it then saves what was still
 * unsaved, so closing a tab right after typing loses nothing.
 */
import { browser, type Browser } from 'wxt/browser';
import { requestSchemas } from '../messaging/schemas';
import { NOTE_DRAFT_PORT } from '../notes/draft-port';
import { saveNote } from './handlers/save-note';
import { isExtensionPageSender } from './sender';

export function registerNoteDrafts(): void {
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (port.name !== NOTE_DRAFT_PORT) return;
    if (!port.sender || !isExtensionPageSender(port.sender)) {
      port.disconnect();
      return;
    }
    const tabId = port.sender.tab?.id;
    let pending: ReturnType<typeof requestSchemas.saveNote.parse> | null = null;

    port.onMessage.addListener((message: unknown) => {
      const draft = (message as { draft?: unknown } | null)?.draft;
      if (draft === null) {
        pending = null;
        return;
      }
      const parsed = requestSchemas.saveNote.safeParse(draft);
      if (parsed.success) pending = parsed.data;
      else console.warn('[dealside] refused a malformed note draft', parsed.error.issues[0]?.path);
    });

    port.onDisconnect.addListener(() => {
      if (!pending) return;
      const draft = pending;
      pending = null;
      // Saving an edit that did reach the background meanwhile is harmless: same text, same note.
      saveNote(draft, tabId).catch((error: unknown) => {
        console.warn('[dealside] could not save the draft of a closed panel', error);
      });
    });
  });
}
