/** The options page's figures: the funnel and activity for a period, and the notes search. */
import type { InsightsReport } from '../../insights/report';
import type { NotesSearchResult } from '../../search/types';
import type { PayloadOf } from '../../messaging/messages';
import { database } from '../db-connection';
import { insightsReport } from '../insights-query';
import { NotesSearchIndex, searchNotesIn } from '../notes-index';
import { readPlaybook } from '../playbook-store';
import type { Handlers } from '../router';

/** The background's one notes index, kept in step with every change the background announces (main.ts). */
export const notesSearchIndex = new NotesSearchIndex();

/** The options page's funnel and activity figures for one period. */
export async function getInsights(
  request: PayloadOf<'getInsights'>,
  now = Date.now(),
): Promise<InsightsReport> {
  return insightsReport(await database(), await readPlaybook(), request.period, now);
}

export async function searchNotes(request: PayloadOf<'searchNotes'>): Promise<NotesSearchResult> {
  return searchNotesIn(notesSearchIndex, await database(), request);
}

export const optionsInsightsHandlers = {
  getInsights: (request) => getInsights(request),
  searchNotes: (request) => searchNotes(request),
} satisfies Partial<Handlers>;
