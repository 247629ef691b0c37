/**
 * What the notes index stores and what a query asks for, both from folded text (./normalize.ts).
 *
 * - Words: runs of letters and digits in scripts that separate words (Latin, Cyrillic, Greek, Hangul…).
 *   A query word finds every word it begins ("wareh" finds "warehouse"); a query word of five letters or
 *   more (a–z once folded) also finds words one edit away (a letter added, dropped or changed:
 *   "warehuose" is two, "warehose" finds "warehouse").
 * - Chinese and Japanese (Han, Hiragana, Katakana), written without spaces: every pair of neighbouring
 *   characters (bigram) of a run and the run's last character are indexed. A query run is its bigrams,
 *   all of which must occur in the note (a one-character query finds every bigram it starts, or the
 *   run's last character): any substring of a run is found.
 */
import { foldForSearch } from './normalize';

/** A run of CJK characters, or a run of other letters, digits and marks (a word). */
const TOKEN =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+)|((?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}])+)/gu;
/** Longer words are indexed (and searched) by their first characters only. */
export const MAX_WORD_LENGTH = 40;
/** Words eligible for typo tolerance, in the query and in the index. */
const FUZZY_WORD = /^[a-z]+$/;
export const FUZZY_MIN_LENGTH = 5;
const MAX_QUERY_TERMS = 16;

export interface QueryTerm {
  /** Matches every indexed term that starts with it. */
  text: string;
  /** Also matches indexed words one edit away. */
  fuzzy: boolean;
}

/** A parsed query: the terms every note must match, and the runs shown as highlights. */
export interface SearchQuery {
  terms: QueryTerm[];
  /** The query's words (prefix or fuzzy matches are highlighted per word). */
  words: QueryTerm[];
  /** The query's CJK runs, highlighted where they occur whole (else by their bigrams). */
  runs: string[];
}

export function isFuzzyWord(term: string): boolean {
  return term.length >= FUZZY_MIN_LENGTH && FUZZY_WORD.test(term);
}

/** True when `a` and `b` differ by at most one inserted, deleted or replaced character. */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i += 1;
  if (i === la || i === lb) return true;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** How a query term matches an indexed word: by its beginning, by one edit, or not. */
export function termMatch(term: QueryTerm, word: string): 'prefix' | 'fuzzy' | undefined {
  if (word.startsWith(term.text)) return 'prefix';
  if (term.fuzzy && isFuzzyWord(word) && withinOneEdit(term.text, word)) return 'fuzzy';
  return undefined;
}

/** Bigrams of a CJK run and its last character. */
function runTerms(run: string, into: Set<string>): void {
  const chars = Array.from(run);
  for (let index = 0; index + 1 < chars.length; index += 1) into.add(chars[index]! + chars[index + 1]!);
  into.add(chars[chars.length - 1]!);
}

function clip(word: string): string {
  return word.length > MAX_WORD_LENGTH ? word.slice(0, MAX_WORD_LENGTH) : word;
}

/** The distinct terms a note is indexed by. */
export function indexTerms(body: string): string[] {
  const terms = new Set<string>();
  for (const match of foldForSearch(body).matchAll(TOKEN)) {
    if (match[1] !== undefined) runTerms(match[1], terms);
    else terms.add(clip(match[0]));
  }
  return [...terms];
}

/** The query as terms to match; no terms for a query with no letters or digits. */
export function parseQuery(query: string): SearchQuery {
  const words: string[] = [];
  const runs: string[] = [];
  for (const match of foldForSearch(query).matchAll(TOKEN)) {
    if (match[1] !== undefined) runs.push(match[1]);
    else words.push(clip(match[0]));
  }
  // A word that begins another query word adds nothing the longer one does not already require.
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length);
  const kept = unique.filter(
    (word, index) => !unique.slice(0, index).some((longer) => longer !== word && longer.startsWith(word)),
  );
  const wordTerms = kept.map((text) => ({ text, fuzzy: isFuzzyWord(text) }));
  const cjk = new Set<string>();
  for (const run of new Set(runs)) {
    const chars = Array.from(run);
    if (chars.length === 1) cjk.add(run);
    else for (let index = 0; index + 1 < chars.length; index += 1) cjk.add(chars[index]! + chars[index + 1]!);
  }
  const terms = [...wordTerms, ...[...cjk].map((text) => ({ text, fuzzy: false }))].slice(0, MAX_QUERY_TERMS);
  return { terms, words: wordTerms, runs: [...new Set(runs)] };
}

/**
 * Where a query matched in a folded text, as folded ranges [start, end), sorted: the matched beginning
 * of each word a query word begins, each word one edit away from a fuzzy query word, and each CJK query
 * run where it occurs whole (or its bigrams, where the run occurs nowhere whole).
 */
export function matchedRanges(folded: string, query: SearchQuery): [number, number][] {
  const ranges: [number, number][] = [];
  const cjkRuns: [number, string][] = [];
  for (const match of folded.matchAll(TOKEN)) {
    if (match[1] !== undefined) {
      cjkRuns.push([match.index, match[1]]);
      continue;
    }
    const word = clip(match[0]);
    let best = 0;
    for (const term of query.words) {
      const how = termMatch(term, word);
      if (how === 'fuzzy') best = match[0].length;
      else if (how === 'prefix') best = Math.max(best, term.text.length);
    }
    if (best > 0) ranges.push([match.index, match.index + best]);
  }
  for (const run of query.runs) {
    const before = ranges.length;
    for (const [at, text] of cjkRuns) {
      for (let index = text.indexOf(run); index !== -1; index = text.indexOf(run, index + run.length))
        ranges.push([at + index, at + index + run.length]);
    }
    if (ranges.length > before || run.length < 2) continue;
    const chars = Array.from(run);
    for (let index = 0; index + 1 < chars.length; index += 1) {
      const bigram = chars[index]! + chars[index + 1]!;
      for (const [at, text] of cjkRuns) {
        for (let found = text.indexOf(bigram); found !== -1; found = text.indexOf(bigram, found + 1))
          ranges.push([at + found, at + found + bigram.length]);
      }
    }
  }
  return ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
