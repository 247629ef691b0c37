/**
 * Undo for the playbook editor: the drafts before each change, newest last. Typing in one field is one
 * change, not one per keystroke: edits that carry the same `mergeKey` as the previous one replace it.
 */

export interface UndoHistory<T> {
  present: T;
  /** Earlier states, oldest first. */
  past: T[];
  /** The key of the last change, for merging a run of edits to one field. */
  lastKey?: string;
}

export const UNDO_LIMIT = 100;

export function startHistory<T>(present: T): UndoHistory<T> {
  return { present, past: [] };
}

/** Records `next` as a change; a `mergeKey` equal to the last change's folds it into that change. */
export function recordChange<T>(history: UndoHistory<T>, next: T, mergeKey?: string): UndoHistory<T> {
  if (next === history.present) return history;
  if (mergeKey !== undefined && mergeKey === history.lastKey && history.past.length > 0) {
    return { ...history, present: next };
  }
  const past = [...history.past, history.present].slice(-UNDO_LIMIT);
  return { present: next, past, ...(mergeKey === undefined ? {} : { lastKey: mergeKey }) };
}

export function canUndo<T>(history: UndoHistory<T>): boolean {
  return history.past.length > 0;
}

/** The state before the last change; the next edit starts a new change even in the same field. */
export function undoChange<T>(history: UndoHistory<T>): UndoHistory<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return { present: previous, past: history.past.slice(0, -1) };
}
