import { describe, expect, it } from 'vitest';
import {
  INSERT_INTO_NOTE_EVENT,
  onInsertIntoNote,
  requestInsertIntoNote,
} from '../../../components/panel/events';

describe('insert-into-note event', () => {
  it('is a window CustomEvent named dealside:insert-into-note carrying the text', () => {
    const received: unknown[] = [];
    const listener = (event: CustomEvent<{ text: string }>) => received.push(event.detail);
    window.addEventListener(INSERT_INTO_NOTE_EVENT, listener);
    try {
      expect(INSERT_INTO_NOTE_EVENT).toBe('dealside:insert-into-note');
      // Nobody acknowledged it.
      expect(requestInsertIntoNote('What does a late delivery cost you?')).toBe(false);
      expect(received).toEqual([{ text: 'What does a late delivery cost you?' }]);
    } finally {
      window.removeEventListener(INSERT_INTO_NOTE_EVENT, listener);
    }
  });

  it('is acknowledged by an onInsertIntoNote listener until it stops listening', () => {
    const inserted: string[] = [];
    const stop = onInsertIntoNote((text) => inserted.push(text));
    expect(requestInsertIntoNote('First')).toBe(true);
    stop();
    expect(requestInsertIntoNote('Second')).toBe(false);
    expect(inserted).toEqual(['First']);
  });

  it('ignores a malformed event', () => {
    const inserted: string[] = [];
    const stop = onInsertIntoNote((text) => inserted.push(text));
    try {
      const event = new CustomEvent(INSERT_INTO_NOTE_EVENT, { detail: { body: 1 }, cancelable: true });
      expect(window.dispatchEvent(event)).toBe(true);
      expect(inserted).toEqual([]);
    } finally {
      stop();
    }
  });
});
