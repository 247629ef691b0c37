/**
 * The notes index in memory, as two parts (a log-structured merge):
 *
 * - the base segment: every note it holds numbered newest first (so walking the numbers in order lists
 *   matches newest first), a sorted term dictionary, and for each term the ascending numbers of the
 *   notes that hold it, all in a few flat typed arrays that are stored and loaded as they are;
 * - the deltas: notes written since the base was made (their terms, or a tombstone), one small row per
 *   note, which replace that note's entry in the base.
 *
 * A query term matches the range of dictionary terms it begins (binary search) and, for a fuzzy word,
 * the dictionary words one edit away; the postings of every matched term are counted into one byte per
 * note, and the notes that every query term reached are walked in number order, merged with the
 * matching deltas. Compacting folds the deltas into a new base, from memory only.
 *
 * Pure data and arithmetic: no IndexedDB here (lib/db/search-index.ts stores it), so the same code runs
 * in the background, in tests and in the benchmark's page.
 */
import { isFuzzyWord, termMatch, type QueryTerm } from './tokens';

/** One note's entry: its terms (space-separated), or a tombstone. Also the stored delta row. */
export interface SearchDelta {
  id: string;
  updatedAt: number;
  /** Space-separated terms (terms never contain spaces); absent for a deleted note. */
  terms?: string;
}

/** The deltas of a transaction that wrote several notes, the latest per note, in the order written. */
export interface SearchDeltaBatch {
  deltas: SearchDelta[];
}

/**
 * The stored base segment: strings packed into one string each with their end offsets, so loading it
 * copies a few large values (no object per note or term) and it is stored as a few large rows.
 */
export interface SearchBase {
  format: 3;
  /** Note ids, newest first (note number = position), concatenated; id n ends at idEnds[n]. */
  idText: string;
  idEnds: Uint32Array;
  updatedAt: Float64Array;
  /** Note numbers sorted by id: finds a note's number by binary search. */
  byId: Uint32Array;
  /** Sorted terms, concatenated; term t ends at termEnds[t]. */
  termText: string;
  termEnds: Uint32Array;
  /**
   * Term t's postings are the bytes postings[offsets[t]..offsets[t + 1]): ascending note numbers, each
   * as its gap from the previous one (the first from 0) in 7-bit groups, low first, the high bit set on
   * all but the last byte. Most gaps take one byte.
   */
  offsets: Uint32Array;
  postings: Uint8Array;
}

/** Packs strings into one string and the end offset of each. */
function pack(strings: readonly string[]): { text: string; ends: Uint32Array } {
  const ends = new Uint32Array(strings.length);
  let end = 0;
  strings.forEach((value, index) => {
    end += value.length;
    ends[index] = end;
  });
  return { text: strings.join(''), ends };
}

const unpacked = (text: string, ends: Uint32Array, index: number): string =>
  text.slice(index === 0 ? 0 : ends[index - 1]!, ends[index]!);

export interface SearchPageEntry {
  id: string;
  updatedAt: number;
}

interface LiveDelta {
  id: string;
  updatedAt: number;
  terms: string[];
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Newest first; the id breaks ties so pages never overlap. */
const newestFirst = (a: SearchPageEntry, b: SearchPageEntry) =>
  b.updatedAt - a.updatedAt || compareIds(a.id, b.id);

export function emptyBase(): SearchBase {
  return {
    format: 3,
    idText: '',
    idEnds: new Uint32Array(0),
    updatedAt: new Float64Array(0),
    byId: new Uint32Array(0),
    termText: '',
    termEnds: new Uint32Array(0),
    offsets: new Uint32Array(1),
    postings: new Uint8Array(0),
  };
}

/** True for a value shaped like a stored base (a damaged or foreign row is not loaded). */
export function isSearchBase(value: unknown): value is SearchBase {
  const base = value as Partial<SearchBase> | undefined;
  return (
    typeof base === 'object' &&
    base !== null &&
    base.format === 3 &&
    typeof base.idText === 'string' &&
    typeof base.termText === 'string' &&
    base.idEnds instanceof Uint32Array &&
    base.termEnds instanceof Uint32Array &&
    base.updatedAt instanceof Float64Array &&
    base.byId instanceof Uint32Array &&
    base.offsets instanceof Uint32Array &&
    base.postings instanceof Uint8Array &&
    base.updatedAt.length === base.idEnds.length &&
    base.byId.length === base.idEnds.length &&
    base.offsets.length === base.termEnds.length + 1 &&
    base.offsets[base.termEnds.length] === base.postings.length
  );
}

export class InvertedIndex {
  private readonly base: SearchBase;
  /** 0 for base notes replaced or deleted by a delta. */
  private readonly alive: Uint8Array;
  private aliveCount: number;
  /** Notes changed since the base: their current terms, or null when deleted. */
  private readonly deltas = new Map<string, LiveDelta | null>();
  /** Per base note, how many query terms it matched so far (reused by every query). */
  private readonly reached: Uint8Array;
  /** Dictionary terms eligible for typo tolerance, by length (built on the first fuzzy query). */
  private fuzzyByLength?: Map<number, Uint32Array>;

  /** Notes in the base. */
  private readonly count: number;
  private readonly termCount: number;

  constructor(base: SearchBase = emptyBase()) {
    this.base = base;
    this.count = base.idEnds.length;
    this.termCount = base.termEnds.length;
    this.alive = new Uint8Array(this.count).fill(1);
    this.aliveCount = this.count;
    this.reached = new Uint8Array(this.count);
  }

  private id(number: number): string {
    return unpacked(this.base.idText, this.base.idEnds, number);
  }

  private term(index: number): string {
    return unpacked(this.base.termText, this.base.termEnds, index);
  }

  /** First term index whose term is >= `text`. */
  private lowerBound(text: string): number {
    let low = 0;
    let high = this.termCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.term(middle) < text) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** An index of `notes` (a repair), compacted. */
  static build(notes: Iterable<SearchDelta>): InvertedIndex {
    const index = new InvertedIndex();
    for (const note of notes) index.apply(note);
    return new InvertedIndex(index.toBase());
  }

  /** Notes it holds. */
  get size(): number {
    let live = 0;
    for (const delta of this.deltas.values()) if (delta) live += 1;
    return this.aliveCount + live;
  }

  /** Notes changed since the base was made. */
  get pending(): number {
    return this.deltas.size;
  }

  private baseNumber(id: string): number {
    const { byId } = this.base;
    let low = 0;
    let high = byId.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.id(byId[middle]!) < id) low = middle + 1;
      else high = middle;
    }
    return low < byId.length && this.id(byId[low]!) === id ? byId[low]! : -1;
  }

  /** Brings one note's entry up to date (applying the same delta twice changes nothing). */
  apply(delta: SearchDelta): void {
    const number = this.baseNumber(delta.id);
    if (number !== -1 && this.alive[number] === 1) {
      this.alive[number] = 0;
      this.aliveCount -= 1;
    }
    if (delta.terms === undefined) {
      if (number === -1) this.deltas.delete(delta.id);
      else this.deltas.set(delta.id, null);
      return;
    }
    this.deltas.set(delta.id, {
      id: delta.id,
      updatedAt: delta.updatedAt,
      terms: delta.terms === '' ? [] : delta.terms.split(' '),
    });
  }

  private fuzzyCandidates(length: number): Uint32Array[] {
    if (!this.fuzzyByLength) {
      const byLength = new Map<number, number[]>();
      for (let index = 0; index < this.termCount; index += 1) {
        const term = this.term(index);
        if (!isFuzzyWord(term)) continue;
        let list = byLength.get(term.length);
        if (!list) byLength.set(term.length, (list = []));
        list.push(index);
      }
      this.fuzzyByLength = new Map([...byLength].map(([key, list]) => [key, Uint32Array.from(list)]));
    }
    return [length - 1, length, length + 1].flatMap((key) => this.fuzzyByLength?.get(key) ?? []);
  }

  /** Dictionary terms `term` matches: those it begins, and for a fuzzy word those one edit away. */
  private matchingTerms(term: QueryTerm): number[] {
    const matched: number[] = [];
    for (let index = this.lowerBound(term.text); index < this.termCount; index += 1) {
      if (!this.term(index).startsWith(term.text)) break;
      matched.push(index);
    }
    if (term.fuzzy) {
      for (const candidates of this.fuzzyCandidates(term.text.length)) {
        for (const index of candidates) {
          if (termMatch(term, this.term(index)) === 'fuzzy') matched.push(index);
        }
      }
    }
    return matched;
  }

  /** The page of notes matching every term, newest first, and how many match in all. */
  search(
    terms: readonly QueryTerm[],
    offset: number,
    limit: number,
  ): { page: SearchPageEntry[]; total: number } {
    if (terms.length === 0) return { page: [], total: 0 };
    const { offsets, postings, updatedAt } = this.base;
    const reached = this.reached;
    reached.fill(0);
    let anyReached = true;
    for (const [k, term] of terms.entries()) {
      if (!anyReached) break;
      anyReached = false;
      for (const t of this.matchingTerms(term)) {
        const end = offsets[t + 1]!;
        let number = 0;
        for (let p = offsets[t]!; p < end;) {
          let byte = postings[p++]!;
          let gap = byte & 127;
          for (let shift = 7; byte & 128; shift += 7) {
            byte = postings[p++]!;
            gap |= (byte & 127) << shift;
          }
          number += gap;
          if (reached[number] === k) {
            reached[number] = k + 1;
            anyReached = true;
          }
        }
      }
    }
    const all = terms.length;
    const changed: SearchPageEntry[] = [];
    for (const delta of this.deltas.values()) {
      if (delta && terms.every((term) => delta.terms.some((word) => termMatch(term, word) !== undefined)))
        changed.push({ id: delta.id, updatedAt: delta.updatedAt });
    }
    changed.sort(newestFirst);

    const page: SearchPageEntry[] = [];
    let total = 0;
    let next = 0;
    const take = (entry: SearchPageEntry) => {
      if (total >= offset && page.length < limit) page.push(entry);
      total += 1;
    };
    const alive = this.alive;
    if (anyReached) {
      for (let number = 0; number < this.count; number += 1) {
        if (reached[number] !== all || alive[number] === 0) continue;
        if (next < changed.length) {
          const entry = { id: this.id(number), updatedAt: updatedAt[number]! };
          while (next < changed.length && newestFirst(changed[next]!, entry) < 0) take(changed[next++]!);
        }
        if (total >= offset && page.length < limit)
          page.push({ id: this.id(number), updatedAt: updatedAt[number]! });
        total += 1;
      }
    }
    while (next < changed.length) take(changed[next++]!);
    return { page, total };
  }

  /** A new base holding every note (base and deltas), for storing and loading as it is. */
  toBase(): SearchBase {
    if (this.deltas.size === 0 && this.aliveCount === this.count) return this.base;
    const { updatedAt, offsets, postings } = this.base;
    const changed = [...this.deltas.values()].filter((delta): delta is LiveDelta => delta !== null);
    changed.sort(newestFirst);
    // New numbers: surviving base notes keep their order, changed notes are merged in by time.
    const count = this.aliveCount + changed.length;
    const newIds: string[] = new Array<string>(count);
    const newUpdated = new Float64Array(count);
    const renumber = new Int32Array(this.count).fill(-1);
    const changedNumbers = new Uint32Array(changed.length);
    let next = 0;
    let number = 0;
    for (let old = 0; old < this.count; old += 1) {
      if (this.alive[old] === 0) continue;
      const entry = { id: this.id(old), updatedAt: updatedAt[old]! };
      while (next < changed.length && newestFirst(changed[next]!, entry) < 0) {
        changedNumbers[next] = number;
        newIds[number] = changed[next]!.id;
        newUpdated[number++] = changed[next++]!.updatedAt;
      }
      renumber[old] = number;
      newIds[number] = entry.id;
      newUpdated[number++] = entry.updatedAt;
    }
    while (next < changed.length) {
      changedNumbers[next] = number;
      newIds[number] = changed[next]!.id;
      newUpdated[number++] = changed[next++]!.updatedAt;
    }

    // The changed notes' postings, per term, in ascending new numbers.
    const added = new Map<string, number[]>();
    changed.forEach((delta, index) => {
      for (const term of delta.terms) {
        let list = added.get(term);
        if (!list) added.set(term, (list = []));
        list.push(changedNumbers[index]!);
      }
    });
    const addedTerms = [...added.keys()].sort(compareIds);

    let capacity = postings.length + 1024;
    for (const list of added.values()) capacity += list.length * 3;
    let newPostings = new Uint8Array(capacity);
    const newTerms: string[] = [];
    const newOffsets: number[] = [0];
    let written = 0;
    let previous = 0;
    const put = (number: number) => {
      if (written + 5 > newPostings.length) {
        const bigger = new Uint8Array(newPostings.length * 2);
        bigger.set(newPostings);
        newPostings = bigger;
      }
      let gap = number - previous;
      previous = number;
      while (gap >= 128) {
        newPostings[written++] = (gap & 127) | 128;
        gap >>>= 7;
      }
      newPostings[written++] = gap;
    };
    const writeTerm = (term: string, baseIndex: number, extra: number[] | undefined) => {
      const start = written;
      previous = 0;
      let e = 0;
      if (baseIndex !== -1) {
        const end = offsets[baseIndex + 1]!;
        let number = 0;
        for (let p = offsets[baseIndex]!; p < end;) {
          let byte = postings[p++]!;
          let gap = byte & 127;
          for (let shift = 7; byte & 128; shift += 7) {
            byte = postings[p++]!;
            gap |= (byte & 127) << shift;
          }
          number += gap;
          const mapped = renumber[number]!;
          if (mapped === -1) continue;
          while (extra && e < extra.length && extra[e]! < mapped) put(extra[e++]!);
          put(mapped);
        }
      }
      while (extra && e < extra.length) put(extra[e++]!);
      if (written === start) return;
      newTerms.push(term);
      newOffsets.push(written);
    };
    let a = 0;
    for (let t = 0; t < this.termCount; t += 1) {
      const term = this.term(t);
      while (a < addedTerms.length && addedTerms[a]! < term) {
        writeTerm(addedTerms[a]!, -1, added.get(addedTerms[a]!));
        a += 1;
      }
      if (a < addedTerms.length && addedTerms[a] === term) {
        writeTerm(term, t, added.get(term));
        a += 1;
      } else writeTerm(term, t, undefined);
    }
    for (; a < addedTerms.length; a += 1) writeTerm(addedTerms[a]!, -1, added.get(addedTerms[a]!));

    const byId = Uint32Array.from(newIds.keys()).sort((x, y) => compareIds(newIds[x]!, newIds[y]!));
    const ids = pack(newIds);
    const packedTerms = pack(newTerms);
    return {
      format: 3,
      idText: ids.text,
      idEnds: ids.ends,
      updatedAt: newUpdated,
      byId,
      termText: packedTerms.text,
      termEnds: packedTerms.ends,
      offsets: Uint32Array.from(newOffsets),
      postings: newPostings.slice(0, written),
    };
  }
}
