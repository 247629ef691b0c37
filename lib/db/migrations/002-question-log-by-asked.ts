/**
 * Schema version 2: the SPIN question log gets a time index, `by-asked` on `askedAt`, so the insights
 * for a period read only the questions asked in it instead of the whole log. Rows are not rewritten:
 * creating the index indexes every existing row.
 */
import type { Migration } from './types';

export const questionLogByAsked: Migration = {
  version: 2,
  description: 'the SPIN question log by time asked',
  apply(_db, transaction) {
    transaction.objectStore('questionLog').createIndex('by-asked', 'askedAt');
  },
};
