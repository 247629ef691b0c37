/** Every schema step in order. A new step is a new numbered file appended here, with its own test. */
import { initialStores } from './001-initial-stores';
import { questionLogByAsked } from './002-question-log-by-asked';
import { privateItemsStore } from './003-private-items';
import { dealsStore } from './004-deals';
import { touchesStore } from './005-touches';
import { syncStores } from './006-sync';
import { searchIndexStores } from './007-search-index';
import { insightsAggregatesStore } from './008-insights-aggregates';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [
  initialStores,
  questionLogByAsked,
  privateItemsStore,
  dealsStore,
  touchesStore,
  syncStores,
  searchIndexStores,
  insightsAggregatesStore,
];

export const DB_VERSION = migrations.length;
