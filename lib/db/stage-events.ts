import type { Db } from './open';
import { stageEventRecordSchema, type StageEventRecord } from './records';
import { validRows } from './validate';

/** How many of an account's newest stage moves the panel's timeline reads. */
export const PANEL_STAGE_EVENTS_LIMIT = 50;

/**
 * The account's newest stage moves, newest first, at most `limit`. An account has as many as the rep
 * made (tens over a deal's life), so they are read by account and ordered here.
 */
export async function listNewestStageEvents(
  db: Db,
  accountKey: string,
  limit = PANEL_STAGE_EVENTS_LIMIT,
): Promise<StageEventRecord[]> {
  const rows = await db.getAllFromIndex('stageEvents', 'by-account', accountKey);
  return validRows(stageEventRecordSchema, 'stageEvents', rows, (row) => (row as { id?: unknown }).id)
    .sort((a, b) => b.at - a.at)
    .slice(0, limit);
}
