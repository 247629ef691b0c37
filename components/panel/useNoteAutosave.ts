import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import type { NoteSaveOutcome } from '@/lib/db/notes';
import { sendMessage } from '@/lib/messaging/messenger';
import type { SaveNoteRequest } from '@/lib/messaging/protocol';
import { NOTE_DRAFT_PORT, type NoteDraftHandover } from '@/lib/notes/draft-port';
import { NoteAutosave, type AutosaveStatus, type AutosaveTarget } from '@/lib/notes/autosave';
import { PANEL_INSTANCE } from './panel-instance';

type NoteKind = AutosaveTarget['kind'];

/**
 * Binds the autosave controller to a React editor: one controller per account, flushed when the panel
 * loses focus, is hidden or unloads, so a reload right after typing loses nothing.
 */
export function useNoteAutosave(
  target: AutosaveTarget,
  /** Hears each save's answer, to show it without loading the panel's state again. */
  onSaved?: (outcome: NoteSaveOutcome) => void,
) {
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<NoteKind>(target.kind);
  const [isPrivate, setIsPrivate] = useState(false);
  // The text as of the last edit, for edits made from event listeners between renders.
  const bodyRef = useRef('');
  const targetRef = useRef(target);
  targetRef.current = target;
  const draftPort = useRef<Browser.runtime.Port | undefined>(undefined);

  /** Hands the unsaved text to the background, which saves it if this frame dies first. */
  const handOverDraft = useCallback((draft: SaveNoteRequest | null, buildsOn?: SaveNoteRequest) => {
    try {
      if (!draftPort.current) {
        const port = browser.runtime.connect({ name: NOTE_DRAFT_PORT });
        // The background's service worker may stop; the next draft opens a new port.
        port.onDisconnect.addListener(() => {
          if (draftPort.current === port) draftPort.current = undefined;
        });
        draftPort.current = port;
      }
      draftPort.current.postMessage({ draft, ...(buildsOn ? { buildsOn } : {}) } satisfies NoteDraftHandover);
    } catch {
      // No extension context (it was updated): the regular autosave reports the failure.
      draftPort.current = undefined;
    }
  }, []);

  const autosave = useMemo(
    () =>
      new NoteAutosave(targetRef.current, {
        save: async (request) => {
          const outcome = await sendMessage('saveNote', { ...request, savedBy: PANEL_INSTANCE });
          onSavedRef.current?.(outcome);
          return outcome;
        },
        newId: () => crypto.randomUUID(),
        setTimeout: (handler, ms) => window.setTimeout(handler, ms),
        clearTimeout: (id) => window.clearTimeout(id as number),
        onStatus: setStatus,
        onPendingDraft: handOverDraft,
      }),
    // A new account gets a new controller; the old one is flushed by the cleanup below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [target.accountKey],
  );

  useEffect(() => {
    const flush = () => void autosave.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('blur', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('blur', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      void autosave.flush().finally(() => autosave.dispose());
    };
  }, [autosave]);

  const show = useCallback((next: string) => {
    bodyRef.current = next;
    setBody(next);
  }, []);
  const current = useCallback(() => bodyRef.current, []);
  const change = useCallback(
    (next: string, options: { save?: boolean } = {}) => {
      show(next);
      if (options.save !== false) autosave.update(next);
    },
    [autosave, show],
  );

  return {
    body,
    status,
    /** The kind of the note in the editor: `call` for a call note. */
    kind,
    /** Whether the note in the editor is private: kept in this browser, never synced. */
    isPrivate,
    /** The rep ticked or unticked "private": saved at once (a note without text yet, with its first save). */
    setPrivate(value: boolean) {
      setIsPrivate(value);
      return autosave.setPrivate(value);
    },
    noteId: autosave.noteId,
    /** The note the editor is on now, also between renders (a save that conflicted moves it to a copy). */
    currentNoteId: () => autosave.noteId,
    /** The current text, also between renders. */
    current,
    /**
     * The rep changed the text. `save: false` only shows it: a call note's first stamp is not worth a note
     * of its own until the rep writes something after it.
     */
    change,
    flush: () => autosave.flush(),
    /** True while text typed in the editor has not been saved (a save on its way counts as unsaved). */
    hasUnsaved: () => autosave.dirty,
    /** The revision of the note the editor's text builds on; null for a note not saved yet. */
    revision: () => autosave.revision,
    async startNew(nextKind: NoteKind = targetRef.current.kind) {
      await autosave.flush();
      autosave.startNew({ ...targetRef.current, kind: nextKind });
      setKind(nextKind);
      setIsPrivate(false);
      show('');
    },
    async open(note: { id: string; body: string; revision: number; kind: NoteKind; private?: boolean }) {
      await autosave.flush();
      autosave.open(note, targetRef.current);
      setKind(note.kind);
      setIsPrivate(autosave.private);
      show(note.body);
    },
  };
}
