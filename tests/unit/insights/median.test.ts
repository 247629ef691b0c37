/** The median by selection is the median by sorting, to the bit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median } from '../../../lib/insights/median';

function bySorting(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

describe('median', () => {
  it('is the middle value, or the mean of the middle two, of any list (repeats included)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 1e6, noNaN: true })), {
          maxLength: 60,
        }),
        (values) => {
          expect(Object.is(median(values), bySorting(values))).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
    expect(median([])).toBeNull();
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });
});
