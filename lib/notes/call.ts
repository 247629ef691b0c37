/**
 * Call notes: while a call runs, each line the rep starts is stamped with the time into the call
 * (`[03:12] `), and ending the call appends a closing line with its duration. The duration is read back
 * from that line for the notes list, so call notes need no fields beyond those of any note.
 */

/** Starts the closing line in every language, so the duration can be found whatever the UI language. */
export const CALL_END_MARK = '—';

/** `mm:ss` into the call, `h:mm:ss` from the first hour on. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** The stamp put at the start of a line. */
export function callStamp(elapsedMs: number): string {
  return `[${formatElapsed(elapsedMs)}] `;
}

const CLOSING_LINE = new RegExp(`^${CALL_END_MARK} .*?((?:\\d+:)?\\d{2}:\\d{2})\\s*$`);

/** The duration a call note's closing line records (`03:12`), if it has one. */
export function callDuration(body: string): string | undefined {
  const trimmed = body.trimEnd();
  const lastLine = trimmed.slice(trimmed.lastIndexOf('\n') + 1);
  return CLOSING_LINE.exec(lastLine)?.[1];
}

const EMPTY_STAMPED_LINE = /(?:^|\n)\[(?:\d+:)?\d{2}:\d{2}\][ \t]*$/;

/** Adds the closing line on a line of its own, dropping a last line that holds nothing but its stamp. */
export function withClosingLine(body: string, closingText: string): string {
  let base = body.replace(/\s+$/, '');
  while (EMPTY_STAMPED_LINE.test(base)) base = base.replace(EMPTY_STAMPED_LINE, '').replace(/\s+$/, '');
  return `${base}${base ? '\n' : ''}${CALL_END_MARK} ${closingText}`;
}

export interface TextEdit {
  body: string;
  /** Where the caret goes after the edit. */
  caret: number;
}

function clampRange(body: string, start: number, end: number): [number, number] {
  const from = Math.min(Math.max(0, start), body.length);
  const to = Math.min(Math.max(from, end), body.length);
  return [from, to];
}

/** Replaces the selection with `text` (or inserts it at the caret). */
export function replaceSelection(body: string, start: number, end: number, text: string): TextEdit {
  const [from, to] = clampRange(body, start, end);
  return { body: body.slice(0, from) + text + body.slice(to), caret: from + text.length };
}

/**
 * Inserts text from elsewhere in the panel: at the caret when the rep has placed one, otherwise at the
 * end on a line of its own. `stamp` (during a call) starts that new line.
 */
export function insertIntoNote(
  body: string,
  selection: { start: number; end: number } | null,
  text: string,
  stamp = '',
): TextEdit {
  if (selection) return replaceSelection(body, selection.start, selection.end, text);
  if (body === '') return { body: stamp + text, caret: stamp.length + text.length };
  const separator = body.endsWith('\n') ? '' : '\n';
  const next = body + separator + stamp + text;
  return { body: next, caret: next.length };
}
