/**
 * The popup's performance marks, which the benchmark reads (scripts/bench/popup-data.ts). Apart from the
 * app so the first paint can set them without loading React.
 */

/** The lists first in the page with their rows, whoever drew them: the first paint, else the React app. */
export const POPUP_READY_MARK = 'dealside:popup-ready';
/** The React app's first render of the lists: from then on its buttons and keys work. */
export const POPUP_INTERACTIVE_MARK = 'dealside:popup-interactive';

/** Marks `name` unless it is marked already: only the first time counts. */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}
