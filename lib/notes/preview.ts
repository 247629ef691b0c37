/**
 * The part of a note the notes list shows. A 100 KB note is shortened before it reaches the DOM (laying
 * out all of it only to clamp it to a few lines would stall the panel), and the cut never splits a
 * character: not a surrogate pair, not an emoji sequence, not a letter with its combining marks.
 */

export const PREVIEW_MAX_CHARS = 1200;

export interface NotePreview {
  text: string;
  truncated: boolean;
}

type Segmenter = { segment(input: string): Iterable<{ index: number }> };
type SegmenterConstructor = new (locale?: string, options?: { granularity: 'grapheme' }) => Segmenter;

let segmenter: Segmenter | null | undefined;

function graphemeSegmenter(): Segmenter | null {
  if (segmenter === undefined) {
    const ctor = (Intl as unknown as { Segmenter?: SegmenterConstructor }).Segmenter;
    segmenter = ctor ? new ctor(undefined, { granularity: 'grapheme' }) : null;
  }
  return segmenter;
}

/** The last grapheme boundary at or before `limit`. */
function boundaryBefore(text: string, limit: number): number {
  const graphemes = graphemeSegmenter();
  // Long emoji sequences are some dozens of code units; look a little past the limit to see them whole.
  const window = text.slice(0, limit + 64);
  if (graphemes) {
    let boundary = 0;
    for (const { index } of graphemes.segment(window)) {
      if (index > limit) break;
      boundary = index;
    }
    return boundary;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

export function notePreview(body: string, maxChars = PREVIEW_MAX_CHARS): NotePreview {
  if (body.length <= maxChars) return { text: body, truncated: false };
  return { text: body.slice(0, boundaryBefore(body, maxChars)), truncated: true };
}
