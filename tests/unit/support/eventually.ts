import { act } from '@testing-library/react';

/**
 * Waits for a condition on stored data, which no DOM change announces. Counts real timeouts rather than
 * clock time, so it also works while a test fakes the clock. Runs inside act: the panel re-renders as
 * the background reports the change.
 */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, attempts = 150) {
  for (let attempt = 0; ; attempt += 1) {
    let value!: T;
    await act(async () => {
      value = await read();
    });
    if (accept(value)) return value;
    if (attempt >= attempts) throw new Error(`Condition not met: ${JSON.stringify(value)?.slice(0, 500)}`);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}
