import { describe, expect, it } from 'vitest';
import { canUndo, recordChange, startHistory, undoChange, UNDO_LIMIT } from '../../../lib/playbook/undo';

describe('undo history', () => {
  it('undoes changes one at a time, back to the start', () => {
    let history = startHistory('a');
    expect(canUndo(history)).toBe(false);
    history = recordChange(history, 'b');
    history = recordChange(history, 'c');
    history = undoChange(history);
    expect(history.present).toBe('b');
    history = undoChange(history);
    expect(history.present).toBe('a');
    expect(canUndo(history)).toBe(false);
    expect(undoChange(history)).toBe(history);
  });

  it('folds a run of edits to one field into one step, and starts anew after an undo', () => {
    let history = startHistory('');
    for (const value of ['N', 'Ne', 'New']) history = recordChange(history, value, 'name');
    expect(history.past).toEqual(['']);
    history = recordChange(history, 'New!', 'goal');
    expect(history.past).toEqual(['', 'New']);
    history = undoChange(history);
    history = recordChange(history, 'Newer', 'name');
    expect(history.past).toEqual(['', 'New']);
  });

  it('ignores a change to the same state and keeps at most the last 100 steps', () => {
    let history = startHistory(0);
    expect(recordChange(history, 0)).toBe(history);
    for (let i = 1; i <= UNDO_LIMIT + 20; i++) history = recordChange(history, i);
    expect(history.past).toHaveLength(UNDO_LIMIT);
    expect(history.past[0]).toBe(20);
  });
});
