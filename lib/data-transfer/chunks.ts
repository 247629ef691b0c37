/** Splitting long text into message-sized pieces, and joining them again. */

/**
 * Cuts `text` into pieces of at most `size` UTF-16 code units, never between the two halves of a
 * surrogate pair (a lone half would not survive the trip through a runtime message).
 */
export function splitText(text: string, size: number): string[] {
  if (size < 2) throw new RangeError('A chunk must hold at least two code units.');
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks.length > 0 ? chunks : [''];
}
