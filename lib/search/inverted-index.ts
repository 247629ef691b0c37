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

/** The stored base segment. */
export interface SearchBase {
  format: 1;
  /** Note ids, newest first (note number = position). */
  ids: string[];
  updatedAt: Float64Array;
  /** Note numbers sorted by id: finds a note's number by binary search. */
  byId: Uint32Array;
  /** Sorted terms. */
  terms: string[];
  /** Term t's postings are postings[offsets[t]..offsets[t + 1]). */
  offsets: Uint32Array;
  postings: Uint32Array;
}

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

/** First index in sorted `terms` whose term is >= `text`. */
function lowerBound(terms: readonly string[], text: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (terms[middle]! < text) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function emptyBase(): SearchBase {
  return {
    format: 1,
    ids: [],
    updatedAt: new Float64Array(0),
    byId: new Uint32Array(0),
    terms: [],
    offsets: new Uint32Array(1),
    postings: new Uint32Array(0),
  };
}

/** True for a value shaped like a stored base (a damaged or foreign row is not loaded). */
export function isSearchBase(value: unknown): value is SearchBase {
  const base = value as Partial<SearchBase> | undefined;
  return (
    typeof base === 'object' &&
    base !== null &&
    base.format === 1 &&
    Array.isArray(base.ids) &&
    Array.isArray(base.terms) &&
    base.updatedAt instanceof Float64Array &&
    base.byId instanceof Uint32Array &&
    base.offsets instanceof Uint32Array &&
    base.postings instanceof Uint32Array &&
    base.updatedAt.length === base.ids.length &&
    base.byId.length === base.ids.length &&
    base.offsets.length === base.terms.length + 1 &&
    base.offsets[base.terms.length] === base.postings.length
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

  constructor(base: SearchBase = emptyBase()) {
    this.base = base;
    this.alive = new Uint8Array(base.ids.length).fill(1);
    this.aliveCount = base.ids.length;
    this.reached = new Uint8Array(base.ids.length);
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
    const { byId, ids } = this.base;
    let low = 0;
    let high = byId.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ids[byId[middle]!]! < id) low = middle + 1;
      else high = middle;
    }
    return low < byId.length && ids[byId[low]!] === id ? byId[low]! : -1;
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
      this.base.terms.forEach((term, index) => {
        if (!isFuzzyWord(term)) return;
        let list = byLength.get(term.length);
        if (!list) byLength.set(term.length, (list = []));
        list.push(index);
      });
      this.fuzzyByLength = new Map([...byLength].map(([key, list]) => [key, Uint32Array.from(list)]));
    }
    return [length - 1, length, length + 1].flatMap((key) => this.fuzzyByLength?.get(key) ?? []);
  }

  /** Dictionary terms `term` matches: those it begins, and for a fuzzy word those one edit away. */
  private matchingTerms(term: QueryTerm): number[] {
    const { terms } = this.base;
    const matched: number[] = [];
    for (let index = lowerBound(terms, term.text); index < terms.length; index += 1) {
      if (!terms[index]!.startsWith(term.text)) break;
      matched.push(index);
    }
    if (term.fuzzy) {
      for (const candidates of this.fuzzyCandidates(term.text.length)) {
        for (const index of candidates) {
          if (termMatch(term, terms[index]!) === 'fuzzy') matched.push(index);
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
    const { offsets, postings, ids, updatedAt } = this.base;
    const reached = this.reached;
    reached.fill(0);
    let anyReached = true;
    for (const [k, term] of terms.entries()) {
      if (!anyReached) break;
      anyReached = false;
      for (const t of this.matchingTerms(term)) {
        const end = offsets[t + 1]!;
        for (let p = offsets[t]!; p < end; p += 1) {
          const number = postings[p]!;
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
        changed.push(delta);
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
      for (let number = 0; number < ids.length; number += 1) {
        if (reached[number] !== all || alive[number] === 0) continue;
        const entry = { id: ids[number]!, updatedAt: updatedAt[number]! };
        while (next < changed.length && newestFirst(changed[next]!, entry) < 0) take(changed[next++]!);
        if (total >= offset && page.length < limit) page.push(entry);
        total += 1;
      }
    }
    while (next < changed.length) take(changed[next++]!);
    return { page, total };
  }

  /** A new base holding every note (base and deltas), for storing and loading as it is. */
  toBase(): SearchBase {
    if (this.deltas.size === 0 && this.aliveCount === this.base.ids.length) return this.base;
    const { ids, updatedAt, terms, offsets, postings } = this.base;
    const changed = [...this.deltas.values()].filter((delta): delta is LiveDelta => delta !== null);
    changed.sort(newestFirst);
    // New numbers: surviving base notes keep their order, changed notes are merged in by time.
    const count = this.aliveCount + changed.length;
    const newIds: string[] = new Array<string>(count);
    const newUpdated = new Float64Array(count);
    const renumber = new Int32Array(ids.length).fill(-1);
    const changedNumbers = new Uint32Array(changed.length);
    let next = 0;
    let number = 0;
    for (let old = 0; old < ids.length; old += 1) {
      if (this.alive[old] === 0) continue;
      const entry = { id: ids[old]!, updatedAt: updatedAt[old]! };
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

    let capacity = postings.length;
    for (const list of added.values()) capacity += list.length;
    const newPostings = new Uint32Array(capacity);
    const newTerms: string[] = [];
    const newOffsets: number[] = [0];
    let written = 0;
    const writeTerm = (term: string, baseIndex: number, extra: number[] | undefined) => {
      const start = written;
      let e = 0;
      if (baseIndex !== -1) {
        const end = offsets[baseIndex + 1]!;
        for (let p = offsets[baseIndex]!; p < end; p += 1) {
          const mapped = renumber[postings[p]!]!;
          if (mapped === -1) continue;
          while (extra && e < extra.length && extra[e]! < mapped) newPostings[written++] = extra[e++]!;
          newPostings[written++] = mapped;
        }
      }
      while (extra && e < extra.length) newPostings[written++] = extra[e++]!;
      if (written === start) return;
      newTerms.push(term);
      newOffsets.push(written);
    };
    let a = 0;
    for (let t = 0; t < terms.length; t += 1) {
      const term = terms[t]!;
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
    return {
      format: 1,
      ids: newIds,
      updatedAt: newUpdated,
      byId,
      terms: newTerms,
      offsets: Uint32Array.from(newOffsets),
      postings: newPostings.slice(0, written),
    };
  }
}
