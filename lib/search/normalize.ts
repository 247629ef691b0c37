/**
 * Text folded for searching: compatibility forms unified (NFKD: full-width letters, ligatures, the
 * non-breaking space), lower case, accents stripped from Latin letters ("café" → "cafe"), and a few
 * letters that do not decompose folded by hand ("straße" → "strasse"). Marks on other scripts stay
 * (か and が are different kana) and are recomposed at the end; Chinese has no marks to strip. The same folding applies to the text
 * and to the query, so a search is a plain substring test on folded strings — which is also right for
 * Chinese, where words are not separated by spaces.
 */

/** A Latin letter followed by the combining marks (accents) on it. */
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const ANY_MARK = /\p{M}/u;

/** Letters with no decomposition that readers still treat as accented forms, and invisible characters. */
const FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  // Greek final sigma: lower-casing a whole text and lower-casing one letter disagree on it.
  ς: 'σ',
  // Soft hyphen, zero-width space, word joiner, byte-order mark and emoji variation selectors.
  '\u00ad': '',
  '\u200b': '',
  '\u2060': '',
  '\ufeff': '',
  '\ufe0e': '',
  '\ufe0f': '',
};
// Variation selectors sit outside the class: inside one, lint reads them as combined characters.
const FOLDABLE = /[ßæœøđðłıħς\u00ad\u200b\u2060\ufeff]|\ufe0e|\ufe0f/;
const FOLDABLE_GLOBAL = new RegExp(FOLDABLE.source, 'g');

/** Folds a text for searching. */
export function foldForSearch(text: string): string {
  let folded = text.normalize('NFKD').toLowerCase();
  if (ANY_MARK.test(folded)) folded = folded.replace(LATIN_WITH_MARKS, '$1');
  if (FOLDABLE.test(folded)) folded = folded.replace(FOLDABLE_GLOBAL, (letter) => FOLDS[letter] ?? letter);
  // Recomposed, so a mark that stayed is part of its letter again: か does not find が, nor 하 find 한.
  return folded.normalize('NFC');
}

/**
 * A folded text with, for every folded character, where it came from in the original. Characters are
 * folded a cluster at a time (a character with the marks on it), which gives exactly `foldForSearch`'s
 * result; `start[i]`/`end[i]` are the original cluster's bounds, so a match never highlights half a
 * letter, half an accent or half a surrogate pair.
 */
export interface FoldedText {
  folded: string;
  start: Uint32Array;
  end: Uint32Array;
}

/**
 * A run of characters that fold one to one (printable ASCII, tabs and line breaks, and the main CJK
 * block: NFKD leaves them alone and lower-casing keeps their length) when no mark follows; else a
 * character with the combining marks after it; else marks with nothing before them (only possible at
 * the start of a text). Hangul vowel and final jamo count as marks here: recomposition joins them to
 * the syllable before them.
 */
const CLUSTER =
  /((?:[\t\n\r -~\u4e00-\u9fff](?![\p{M}\u1160-\u11ff\ud7b0-\ud7ff]))+)|\P{M}[\p{M}\u1160-\u11ff\ud7b0-\ud7ff]*|\p{M}+/gu;

/** Text made only of CLUSTER's one-to-one characters, with no mark anywhere: folding is lower-casing. */
const ALL_ONE_TO_ONE = /^[\t\n\r -~\u4e00-\u9fff]*$/;

/** Grows-as-needed pair of origin arrays: most texts fold to as many characters as they have. */
class Origins {
  start: Uint32Array;
  end: Uint32Array;
  length = 0;

  constructor(capacity: number) {
    this.start = new Uint32Array(capacity);
    this.end = new Uint32Array(capacity);
  }

  push(from: number, to: number): void {
    if (this.length === this.start.length) {
      const start = new Uint32Array(this.length * 2 + 16);
      const end = new Uint32Array(this.length * 2 + 16);
      start.set(this.start);
      end.set(this.end);
      this.start = start;
      this.end = end;
    }
    this.start[this.length] = from;
    this.end[this.length] = to;
    this.length += 1;
  }
}

export function foldWithOrigins(text: string): FoldedText {
  // The common note (English or Chinese, no accents): one folded character per original one, and no
  // per-cluster work. Snippets fold every hit of a page on each keystroke.
  if (ALL_ONE_TO_ONE.test(text)) {
    const start = new Uint32Array(text.length);
    const end = new Uint32Array(text.length);
    for (let index = 0; index < text.length; index += 1) {
      start[index] = index;
      end[index] = index + 1;
    }
    return { folded: text.toLowerCase(), start, end };
  }
  const parts: string[] = [];
  // One character can fold to many (the ligature U+FDFA to eighteen): the arrays grow when needed.
  const origins = new Origins(text.length);
  for (const match of text.matchAll(CLUSTER)) {
    const from = match.index;
    const cluster = match[0];
    if (match[1] !== undefined) {
      parts.push(cluster.toLowerCase());
      for (let index = 0; index < cluster.length; index += 1) origins.push(from + index, from + index + 1);
      continue;
    }
    const folded = foldForSearch(cluster);
    parts.push(folded);
    for (let index = 0; index < folded.length; index += 1) origins.push(from, from + cluster.length);
  }
  return {
    folded: parts.join(''),
    start: origins.start.subarray(0, origins.length),
    end: origins.end.subarray(0, origins.length),
  };
}

/** The query's terms, folded: every term must appear in a note for it to match. */
export function queryTerms(query: string, maxTerms = 8): string[] {
  const terms = foldForSearch(query)
    .split(/\s+/u)
    .filter((term) => term !== '');
  // Longest first: a term contained in another adds nothing to the match and only to the highlights.
  const unique = [...new Set(terms)].sort((a, b) => b.length - a.length);
  return unique
    .filter((term, index) => !unique.slice(0, index).some((longer) => longer.includes(term)))
    .slice(0, maxTerms);
}
