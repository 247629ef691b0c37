/**
 * The playbook editor's state: the saved playbook, the draft being edited with its undo history, the
 * draft's validation, and saving. The draft lives in the page until the rep saves it; nothing reaches the
 * background before that.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sendMessage } from '@/lib/messaging/messenger';
import { onPageEvent } from '@/lib/messaging/page-events';
import type { SavePlaybookResult } from '@/lib/messaging/protocol';
import { movesToSave, type PlaybookDraft, type StageMove } from '@/lib/playbook/edit';
import { fieldErrors, type FieldErrors } from '@/lib/playbook/field-errors';
import { parsePlaybook, type Playbook } from '@/lib/playbook/schema';
import { canUndo, recordChange, startHistory, undoChange, type UndoHistory } from '@/lib/playbook/undo';

export type SaveOutcome = SavePlaybookResult | { ok: false; reason: 'failed'; message: string };

export interface PlaybookDraftState {
  status: 'loading' | 'ready' | 'failed';
  loadError?: string;
  saved: Playbook | null;
  draft: PlaybookDraft | null;
  dirty: boolean;
  errors: FieldErrors;
  /** True when the saved playbook changed elsewhere (another options tab) while this draft had edits. */
  changedElsewhere: boolean;
  canUndo: boolean;
  saving: boolean;
  /** Applies a change; edits with the same `mergeKey` in a row are one step of undo. */
  change(update: (draft: PlaybookDraft) => PlaybookDraft, mergeKey?: string): void;
  undo(): void;
  save(extraMoves?: readonly StageMove[]): Promise<SaveOutcome>;
  reload(): void;
}

const NO_ERRORS = fieldErrors([]);

export function usePlaybookDraft(): PlaybookDraftState {
  const [saved, setSaved] = useState<Playbook | null>(null);
  const [history, setHistory] = useState<UndoHistory<PlaybookDraft> | null>(null);
  const [baseline, setBaseline] = useState<PlaybookDraft | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [loadError, setLoadError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const dirtyRef = useRef(false);
  /** Our own save is announced to every page, this one included: that echo is no news. */
  const savingRef = useRef(false);

  const dirty = history !== null && history.present !== baseline;
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  const adopt = useCallback((playbook: Playbook) => {
    const start: PlaybookDraft = { playbook, stageMoves: [] };
    setSaved(playbook);
    setBaseline(start);
    setHistory(startHistory(start));
    setChangedElsewhere(false);
    setStatus('ready');
  }, []);

  const load = useCallback(() => {
    sendMessage('getPlaybook', {})
      .then(adopt)
      .catch((error: unknown) => {
        setLoadError(error instanceof Error ? error.message : String(error));
        setStatus('failed');
      });
  }, [adopt]);

  useEffect(() => {
    load();
    // Another options tab saved: take it when nothing here is unsaved, else say so and keep the draft.
    return onPageEvent('playbookChanged', () => {
      if (savingRef.current) return;
      if (dirtyRef.current) setChangedElsewhere(true);
      else load();
    });
  }, [load]);

  // The browser asks before leaving a page with unsaved edits.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const playbook = history?.present.playbook;
  const errors = useMemo(() => {
    if (!playbook) return NO_ERRORS;
    const parsed = parsePlaybook(playbook);
    return parsed.ok ? NO_ERRORS : fieldErrors(parsed.errors);
  }, [playbook]);

  const change = useCallback((update: (draft: PlaybookDraft) => PlaybookDraft, mergeKey?: string) => {
    setHistory((current) => (current ? recordChange(current, update(current.present), mergeKey) : current));
  }, []);

  const undo = useCallback(() => setHistory((current) => (current ? undoChange(current) : current)), []);

  const save = useCallback(
    async (extraMoves: readonly StageMove[] = []): Promise<SaveOutcome> => {
      if (!history) return { ok: false, reason: 'failed', message: 'not loaded' };
      const draft = history.present;
      setSaving(true);
      savingRef.current = true;
      try {
        const result = await sendMessage('savePlaybook', {
          playbook: draft.playbook,
          stageMoves: movesToSave(draft, extraMoves),
        });
        if (result.ok) {
          dirtyRef.current = false;
          adopt(draft.playbook);
        }
        return result;
      } catch (error) {
        return {
          ok: false,
          reason: 'failed',
          message: error instanceof Error ? error.message : String(error),
        };
      } finally {
        savingRef.current = false;
        setSaving(false);
      }
    },
    [history, adopt],
  );

  return {
    status,
    loadError,
    saved,
    draft: history?.present ?? null,
    dirty,
    errors,
    changedElsewhere,
    canUndo: history !== null && canUndo(history),
    saving,
    change,
    undo,
    save,
    reload: load,
  };
}
