/**
 * The playbook editor's state: the saved playbook, the draft being edited with its undo history, the
 * draft's validation, and saving. The draft lives in the page until the rep saves it; nothing reaches the
 * background before that.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sendMessage } from '@/lib/messaging/messenger';
import type { SavePlaybookResult } from '@/lib/messaging/protocol';
import { movesToSave, type PlaybookDraft, type StageMove } from '@/lib/playbook/edit';
import { fieldErrors, type FieldErrors } from '@/lib/playbook/field-errors';
import { parsePlaybook, type Playbook } from '@/lib/playbook/schema';
import { errorText } from '@/lib/error-text';
import { canUndo, recordChange, startHistory, undoChange, type UndoHistory } from '@/lib/playbook/undo';
import { useBackgroundEvents } from '../../shared/useBackgroundEvents';
import { useBackgroundQuery } from '../../shared/useBackgroundQuery';

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

interface Editing {
  /** The saved playbook this draft started from. */
  from: Playbook;
  baseline: PlaybookDraft;
  history: UndoHistory<PlaybookDraft>;
}

function startEditing(playbook: Playbook): Editing {
  const baseline: PlaybookDraft = { playbook, stageMoves: [] };
  return { from: playbook, baseline, history: startHistory(baseline) };
}

export function usePlaybookDraft(): PlaybookDraftState {
  const [saving, setSaving] = useState(false);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const dirtyRef = useRef(false);
  /** Our own save is announced to every page, this one included: that echo is no news. */
  const savingRef = useRef(false);

  // Another options tab saved: take it when nothing here is unsaved, else say so and keep the draft.
  const { result, latest, reload, set } = useBackgroundQuery(
    'getPlaybook',
    {},
    { refreshOn: { playbookChanged: () => !savingRef.current && !dirtyRef.current } },
  );
  const markChangedElsewhere = useCallback(() => setChangedElsewhere(true), []);
  useBackgroundEvents(
    { playbookChanged: () => !savingRef.current && dirtyRef.current },
    markChangedElsewhere,
  );

  // Each playbook loaded or saved starts a fresh draft. Adjusted while rendering, so the editor never
  // shows a draft of an older playbook beside the new one.
  const [editing, setEditing] = useState<Editing | null>(null);
  if (latest !== undefined && editing?.from !== latest) {
    setEditing(startEditing(latest));
    setChangedElsewhere(false);
  }
  const history = editing?.history ?? null;
  const setHistory = useCallback(
    (update: (current: UndoHistory<PlaybookDraft>) => UndoHistory<PlaybookDraft>) =>
      setEditing((current) => (current ? { ...current, history: update(current.history) } : current)),
    [],
  );

  const dirty = editing !== null && editing.history.present !== editing.baseline;
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

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

  const change = useCallback(
    (update: (draft: PlaybookDraft) => PlaybookDraft, mergeKey?: string) => {
      setHistory((current) => recordChange(current, update(current.present), mergeKey));
    },
    [setHistory],
  );

  const undo = useCallback(() => setHistory(undoChange), [setHistory]);

  const save = useCallback(
    async (extraMoves: readonly StageMove[] = []): Promise<SaveOutcome> => {
      if (!history) return { ok: false, reason: 'failed', message: 'not loaded' };
      const draft = history.present;
      setSaving(true);
      savingRef.current = true;
      try {
        const outcome = await sendMessage('savePlaybook', {
          playbook: draft.playbook,
          stageMoves: movesToSave(draft, extraMoves),
        });
        if (outcome.ok) {
          dirtyRef.current = false;
          set(draft.playbook);
          // Saved as it is, even when the draft's playbook is the one it started from.
          setEditing(startEditing(draft.playbook));
          setChangedElsewhere(false);
        }
        return outcome;
      } catch (error) {
        return { ok: false, reason: 'failed', message: errorText(error) };
      } finally {
        savingRef.current = false;
        setSaving(false);
      }
    },
    [history, set],
  );

  return {
    // A failed reload leaves the draft in place: the editor keeps it, the failure is there to read.
    status: result.status === 'error' ? 'failed' : editing ? 'ready' : 'loading',
    ...(result.status === 'error' ? { loadError: result.message } : {}),
    saved: editing?.from ?? null,
    draft: history?.present ?? null,
    dirty,
    errors,
    changedElsewhere,
    canUndo: history !== null && canUndo(history),
    saving,
    change,
    undo,
    save,
    reload,
  };
}
