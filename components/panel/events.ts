/**
 * DOM events between panel sections, so sections stay independent of each other. Each is dispatched on
 * `window` of the panel's document; nothing here leaves the panel (the host page cannot see the frame).
 */

/**
 * "Put this text into the note being written." Sent by the SPIN section's "Insert into note" button;
 * the note editor listens. `detail.text` is plain text. The event is cancelable: a listener that
 * inserted the text calls `preventDefault()` so the sender can tell the rep it worked.
 */
export const INSERT_INTO_NOTE_EVENT = 'dealside:insert-into-note';

export interface InsertIntoNoteDetail {
  text: string;
}

declare global {
  interface WindowEventMap {
    [INSERT_INTO_NOTE_EVENT]: CustomEvent<InsertIntoNoteDetail>;
  }
}

/** Asks the note editor to insert `text`. True when a listener took it. */
export function requestInsertIntoNote(text: string, target: Window = window): boolean {
  const event = new CustomEvent<InsertIntoNoteDetail>(INSERT_INTO_NOTE_EVENT, {
    detail: { text },
    cancelable: true,
  });
  // dispatchEvent answers false when a listener called preventDefault().
  return !target.dispatchEvent(event);
}

/**
 * For the note editor: calls `insert` with each requested text and acknowledges the request.
 * Returns the function that stops listening (for a React effect's cleanup).
 */
export function onInsertIntoNote(insert: (text: string) => void, target: Window = window): () => void {
  const listener = (event: CustomEvent<InsertIntoNoteDetail>) => {
    if (typeof event.detail?.text !== 'string') return;
    event.preventDefault();
    insert(event.detail.text);
  };
  target.addEventListener(INSERT_INTO_NOTE_EVENT, listener);
  return () => target.removeEventListener(INSERT_INTO_NOTE_EVENT, listener);
}
