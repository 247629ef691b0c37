/**
 * The middle value; the mean of the middle two for an even count; null for no values. Found by selection
 * (linear on average) rather than by sorting: a period over all time has tens of thousands of stays.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const copy = Float64Array.from(values);
  const middle = copy.length >> 1;
  const upper = select(copy, middle);
  if (copy.length % 2 === 1) return upper;
  // After selecting, every value before `middle` is at most the middle one: the largest of them is the
  // other middle value.
  let lower = -Infinity;
  for (let index = 0; index < middle; index++) if (copy[index]! > lower) lower = copy[index]!;
  return (lower + upper) / 2;
}

/** The `k`-th smallest value (from 0), with smaller values moved before `k` and larger after (Hoare). */
function select(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k]!;
  }
  return values[k]!;
}
