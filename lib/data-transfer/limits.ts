/**
 * Sizes that bound the rep's data on its way in and out. Runtime messages carry strings of tens of
 * megabytes in Chrome (its hard limit is 64 MiB per message, after JSON escaping), so files travel in
 * chunks of a few million characters; escaping can grow a chunk up to six-fold and still fit.
 */

/** Largest import file: checked on the file's size before it is read, and on its text in the background. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** UTF-8 never has fewer bytes than UTF-16 code units, so this bound follows from the byte limit. */
export const MAX_IMPORT_CHARS = MAX_IMPORT_BYTES;

/**
 * How deeply an import file may nest objects and lists. An export nests 7 levels at most (the file, the
 * playbook, its stages, a stage, its checklist, an item, its bilingual text); the margin leaves room for
 * versions to come. Anything deeper is crafted, and is refused before any walk over it.
 */
export const MAX_IMPORT_DEPTH = 32;

/** Characters per message, both ways (export chunks and import chunks). */
export const TRANSFER_CHUNK_CHARS = 4 * 1024 * 1024;
/** Enough chunks for the largest import file, and for an export of the largest database we accept. */
export const MAX_TRANSFER_CHUNKS = 256;

/**
 * Rows per store an import may carry. Far above what one rep writes (10,000 accounts and 100,000 notes
 * is a heavy user), low enough that a hostile file cannot make the background write millions of rows.
 */
export const MAX_IMPORT_ROWS = {
  accounts: 100_000,
  deals: 300_000,
  contacts: 300_000,
  notes: 500_000,
  followUps: 300_000,
  stageEvents: 500_000,
  questionLog: 500_000,
  /** A touch a day for each of 200 threads a working day is some 50,000 a year. */
  touches: 1_000_000,
} as const;

/** Problems listed for a refused file; the rest are counted. */
export const MAX_REPORTED_ISSUES = 20;

/** An account's notes as Markdown stop here: far beyond any paste target, well below a message's limit. */
export const MARKDOWN_MAX_CHARS = 5_000_000;

/** Accounts the options page lists in its picker at once. */
export const ACCOUNT_PICKER_LIMIT = 50;
