/**
 * Schema version 8: the insights' aggregates (lib/db/insights-aggregates.ts), one store of compact rows
 * keyed by name (`meta`, `events:07`, `deals:03`…). The upgrade only creates the store: the rows are built
 * from the records at the first read of the insights (a repair that also runs whenever the rows are
 * missing or of an older format), so an upgrade never waits on reading every stage event.
 */
import type { Migration } from './types';

/** The schema version of this step; the only number to change if steps are renumbered. */
export const INSIGHTS_AGGREGATES_VERSION = 8;

export const insightsAggregatesStore: Migration = {
  version: INSIGHTS_AGGREGATES_VERSION,
  description: 'the insights aggregates, kept in the write transactions of the records they sum',
  apply(db) {
    db.createObjectStore('insightsAggregates');
  },
};
