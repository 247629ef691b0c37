import { useEffect, useMemo, useRef, useState } from 'react';
import { sendMessage } from '@/lib/messaging/messenger';
import { NoteAutosave, type AutosaveStatus, type AutosaveTarget } from '@/lib/notes/autosave';

/**
 * Binds the autosave controller to a React editor: one controller per account, flushed when the panel
 * loses focus, is hidden or unloads, so a reload right after typing loses nothing.
 */
export function useNoteAutosave(target: AutosaveTarget) {
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const [body, setBody] = useState('');
  const targetRef = useRef(target);
  targetRef.current = target;

  const autosave = useMemo(
    () =>
      new NoteAutosave(targetRef.current, {
        save: (request) => sendMessage('saveNote', request),
        newId: () => crypto.randomUUID(),
        setTimeout: (handler, ms) => window.setTimeout(handler, ms),
        clearTimeout: (id) => window.clearTimeout(id as number),
        onStatus: setStatus,
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

  return {
    body,
    status,
    noteId: autosave.noteId,
    change(next: string) {
      setBody(next);
      autosave.update(next);
    },
    flush: () => autosave.flush(),
    async startNew() {
      await autosave.flush();
      autosave.startNew(targetRef.current);
      setBody('');
    },
    async open(note: { id: string; body: string; revision: number; kind: 'note' | 'call' }) {
      await autosave.flush();
      autosave.open(note, targetRef.current);
      setBody(note.body);
    },
  };
}
