/**
 * The piece of a note shown in a search result: a window of the original text around the first match,
 * with every match inside it marked. Window edges and marks fall on grapheme boundaries (never inside
 * a surrogate pair, an accented letter or an emoji sequence), and prefer a space when one is near.
 */
import { foldWithOrigins, type FoldedText } from './normalize';
import { matchedRanges, type SearchQuery } from './tokens';

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface Snippet {
  parts: SnippetPart[];
  /** Text was left out before / after the window. */
  cutBefore: boolean;
  cutAfter: boolean;
}

export interface SnippetOptions {
  /** Characters of context before the first match. */
  before: number;
  /** Characters in the window, context included. */
  length: number;
}

const DEFAULT_OPTIONS: SnippetOptions = { before: 60, length: 220 };

/** True when every (folded) term occurs in the folded text. */
export function matchesAllTerms(folded: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!folded.includes(term)) return false;
  return true;
}

type Range = [start: number, end: number];

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** How far around an index graphemes are looked at: longer clusters are not text a note holds. */
const GRAPHEME_REACH = 64;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The grapheme around `index`: its start and end in `text`. */
function graphemeAround(text: string, index: number): Range {
  let from = Math.max(0, index - GRAPHEME_REACH);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from -= 1;
  const slice = text.slice(from, Math.min(text.length, index + GRAPHEME_REACH));
  const segment = graphemes.segment(slice).containing(index - from);
  if (!segment) return [index, index];
  return [from + segment.index, from + segment.index + segment.segment.length];
}

/**
 * Characters that always stand alone as a grapheme: ASCII and Latin-1 letters (below the combining
 * marks), and the common CJK ideographs. Nothing joins onto them or them onto anything, except a
 * combining mark, joiner or the like that follows (not in this set), and CR followed by LF.
 */
function standsAlone(code: number): boolean {
  return (
    (code < 0x300 && code !== 0x0d) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf)
  );
}

/**
 * Whether `index` is certainly a grapheme boundary without asking the segmenter (most of a note's text,
 * and the segmenter costs a microsecond or more per call, many per snippet).
 */
function plainBoundary(text: string, index: number): boolean {
  return standsAlone(text.charCodeAt(index - 1)) && standsAlone(text.charCodeAt(index));
}

/** The nearest grapheme boundary at or before `index`. */
export function boundaryAtOrBefore(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  if (plainBoundary(text, index)) return index;
  return graphemeAround(text, index)[0];
}

/** The nearest grapheme boundary at or after `index`. */
export function boundaryAtOrAfter(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  if (plainBoundary(text, index)) return index;
  const [start, end] = graphemeAround(text, index);
  return start === index ? index : end;
}

const SPACE = /\s/u;
/** How far a window edge may move to land on a space. */
const SPACE_REACH = 16;

/** Folded ranges [start, end) where any of the (folded) terms occurs as a substring, sorted. */
function substringRanges(folded: string, terms: readonly string[]): Range[] {
  const ranges: Range[] = [];
  for (const term of terms) {
    if (term === '') continue;
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length))
      ranges.push([at, at + term.length]);
  }
  return ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * The original-text ranges of the folded `ranges` that start before `until`, sorted and merged, on
 * grapheme boundaries. Folded positions only grow with original ones.
 */
function originalRanges(text: string, { start, end }: FoldedText, ranges: Range[], until: number): Range[] {
  const merged: Range[] = [];
  for (const [from, to] of ranges) {
    if (start[from]! >= until) break;
    const range: Range = [boundaryAtOrBefore(text, start[from]!), boundaryAtOrAfter(text, end[to - 1]!)];
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/** The earliest match as an original-text range; [0, 0] when none. */
function firstMatch(text: string, { start, end }: FoldedText, ranges: Range[]): Range {
  const first = ranges[0];
  if (!first) return [0, 0];
  return [boundaryAtOrBefore(text, start[first[0]]!), boundaryAtOrAfter(text, end[first[1] - 1]!)];
}

/**
 * `matches` is either folded terms found as substrings, or a parsed query (./tokens.ts): then word
 * beginnings, fuzzy words and CJK runs are marked as the index matched them.
 */
export function buildSnippet(
  text: string,
  matches: readonly string[] | SearchQuery,
  options: SnippetOptions = DEFAULT_OPTIONS,
): Snippet {
  const origins = foldWithOrigins(text);
  const ranges =
    'terms' in matches
      ? matchedRanges(origins.folded, matches)
      : substringRanges(origins.folded, matches as readonly string[]);
  const first = firstMatch(text, origins, ranges);
  let from = boundaryAtOrBefore(text, Math.max(0, first[0] - options.before));
  let to = boundaryAtOrAfter(text, Math.min(text.length, Math.max(from + options.length, first[1])));

  // Start after a space (a whole word) when one is close, without moving past the match.
  if (from > 0) {
    for (let index = from; index < Math.min(first[0], from + SPACE_REACH); index += 1) {
      if (SPACE.test(text[index]!)) {
        from = index + 1;
        break;
      }
    }
  }
  // End before a space when one is close, without cutting into the first match.
  if (to < text.length) {
    for (let index = to - 1; index >= Math.max(first[1], to - SPACE_REACH); index -= 1) {
      if (SPACE.test(text[index]!)) {
        to = index;
        break;
      }
    }
  }

  const parts: SnippetPart[] = [];
  let cursor = from;
  for (const [start, end] of originalRanges(text, origins, ranges, to)) {
    if (end <= from) continue;
    if (start >= to) break;
    const markFrom = Math.max(start, from);
    const markTo = Math.min(end, to);
    if (markFrom > cursor) parts.push({ text: text.slice(cursor, markFrom), match: false });
    parts.push({ text: text.slice(markFrom, markTo), match: true });
    cursor = markTo;
  }
  if (cursor < to) parts.push({ text: text.slice(cursor, to), match: false });
  return { parts, cutBefore: from > 0, cutAfter: to < text.length };
}
