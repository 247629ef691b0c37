import { describe, expect, it } from 'vitest';
import { errorText } from '../../lib/error-text';

describe('errorText', () => {
  it("gives an Error's message", () => {
    expect(errorText(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
  });
  it('gives other thrown values as text', () => {
    expect(errorText('quota')).toBe('quota');
    expect(errorText(42)).toBe('42');
    expect(errorText(undefined)).toBe('undefined');
  });
  it('never gives a blank for an Error without a message', () => {
    expect(errorText(new RangeError(''))).toBe('RangeError');
  });
});
