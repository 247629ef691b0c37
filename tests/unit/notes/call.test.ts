import { describe, expect, it } from 'vitest';
import {
  callDuration,
  callStamp,
  formatElapsed,
  insertIntoNote,
  replaceSelection,
  withClosingLine,
} from '../../../lib/notes/call';

describe('call note text', () => {
  it('formats time into the call as mm:ss, and h:mm:ss from the first hour', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(999)).toBe('00:00');
    expect(formatElapsed(192_000)).toBe('03:12');
    expect(formatElapsed(59 * 60_000 + 59_999)).toBe('59:59');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(-5)).toBe('00:00');
    expect(callStamp(192_000)).toBe('[03:12] ');
  });

  it('adds the closing line and reads the duration back in any language', () => {
    const english = withClosingLine('[00:00] Budget approved\n', 'call ended after 12:05');
    expect(english).toBe('[00:00] Budget approved\n— call ended after 12:05');
    expect(callDuration(english)).toBe('12:05');
    expect(callDuration(withClosingLine('[00:00] 预算已批准', '通话结束，时长 1:02:03'))).toBe('1:02:03');
    expect(callDuration('[00:00] Budget approved')).toBeUndefined();
    expect(callDuration('— not a closing line')).toBeUndefined();
  });

  it('drops trailing lines that hold only a stamp when the call ends', () => {
    expect(withClosingLine('[00:00] ', 'call ended after 00:42')).toBe('— call ended after 00:42');
    expect(withClosingLine('[00:00] Pricing\n[01:10] \n[01:15] ', 'call ended after 01:20')).toBe(
      '[00:00] Pricing\n— call ended after 01:20',
    );
  });

  it('replaces the selection, or inserts at the caret', () => {
    expect(replaceSelection('Hello world', 6, 11, 'there')).toEqual({ body: 'Hello there', caret: 11 });
    expect(replaceSelection('ab', 1, 1, '\n[00:05] ')).toEqual({ body: 'a\n[00:05] b', caret: 10 });
    expect(replaceSelection('ab', 10, 20, '!')).toEqual({ body: 'ab!', caret: 3 });
  });

  it('inserts text from elsewhere at the caret, or on a new line at the end', () => {
    expect(insertIntoNote('Budget: ', { start: 8, end: 8 }, '50k')).toEqual({
      body: 'Budget: 50k',
      caret: 11,
    });
    expect(insertIntoNote('', null, 'Who signs?')).toEqual({ body: 'Who signs?', caret: 10 });
    expect(insertIntoNote('First line', null, 'Who signs?').body).toBe('First line\nWho signs?');
    expect(insertIntoNote('First line\n', null, 'Who signs?').body).toBe('First line\nWho signs?');
    expect(insertIntoNote('[00:00] Hi', null, 'Who signs?', '[02:00] ').body).toBe(
      '[00:00] Hi\n[02:00] Who signs?',
    );
  });
});
