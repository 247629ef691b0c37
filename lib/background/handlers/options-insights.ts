/** The options page's figures: the funnel and activity for a period, and the notes search. */
import type { InsightsReport } from '../../insights/report';
import type { NotesSearchResult } from '../../search/types';
import type { PayloadOf } from '../../messaging/messages';
import { database } from '../db-connection';
import { privateItemsDb } from '../private-items-db';
import { readPlaybookIn, readPrivateItem } from '../../db/private-items';
import { InsightsAggregatesCache } from '../insights-aggregates-cache';
import { insightsReportFromAggregates, type AggregatesSource } from '../insights-aggregates-query';
import { isByRep } from '../../insights/scope';
import type { Author } from '../../db/records';
import { currentAuthor } from '../author';
import { readSyncConfigIn } from '../sync/sync-config';
import { NotesSearchIndex, searchNotesIn } from '../notes-index';
import type { Handlers } from '../router';

/**
 * The insights aggregates kept in memory between reports. It follows every committed write from the
 * moment this module loads, before any report can read, so it never misses one.
 */
const insightsAggregatesCache = new InsightsAggregatesCache();
insightsAggregatesCache.follow();

/** The background's one notes index in memory, following every committed note change (main.ts). */
export const notesSearchIndex = new NotesSearchIndex();

/**
 * The options page's funnel and activity figures for one period. While sync is off every record here is
 * the rep's own and all of them count; with sync on, `mine` keeps what the rep wrote (lib/insights/scope.ts).
 */
export async function getInsights(
  request: PayloadOf<'getInsights'>,
  now = Date.now(),
): Promise<InsightsReport> {
  const db = await privateItemsDb();
  // The aggregates are read while the sync configuration and the playbook are: neither depends on them.
  let prefetched: ReturnType<AggregatesSource> | undefined = insightsAggregatesCache.read(db);
  prefetched.catch(() => undefined); // Awaited below; a failure is reported there.
  const source: AggregatesSource = (from) => {
    const read = prefetched ?? insightsAggregatesCache.read(from);
    prefetched = undefined;
    return read;
  };
  const [syncConfig, playbook] = await readPrivateItem(db, (store) =>
    Promise.all([readSyncConfigIn(store), readPlaybookIn(store)]),
  );
  const teamScope = syncConfig !== undefined;
  const scope = teamScope ? (request.scope ?? 'mine') : 'mine';
  const rep = scope === 'mine' && teamScope ? await currentAuthor() : undefined;
  const counted = scope === 'mine' && teamScope ? (author?: Author) => isByRep(rep, author) : undefined;
  const figures = await insightsReportFromAggregates(db, playbook, request.period, now, counted, source);
  return { ...figures, scope, teamScope };
}

export async function searchNotes(request: PayloadOf<'searchNotes'>): Promise<NotesSearchResult> {
  return searchNotesIn(notesSearchIndex, await database(), request);
}

/** The explicit repair: the index rebuilt from the notes store. */
export async function repairNotesSearch(): Promise<{ notes: number }> {
  return { notes: await notesSearchIndex.repair(await database()) };
}

export const optionsInsightsHandlers = {
  getInsights: (request) => getInsights(request),
  searchNotes: (request) => searchNotes(request),
  repairNotesSearch: () => repairNotesSearch(),
} satisfies Partial<Handlers>;
