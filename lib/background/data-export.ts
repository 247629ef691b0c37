/**
 * Builds the rep's export files from the database, for the options page's downloads and for automatic
 * backups: the JSON export of everything, and CSV files for a CRM's importer.
 */
import { accountsCsv, dealsCsv, followUpsCsv, notesCsv } from '../data-transfer/csv';
import { readSnapshot } from '../data-transfer/database';
import { DATA_STORES, exportDocument, exportFileName } from '../data-transfer/format';
import type { ExportKind } from '../data-transfer/types';
import { DEFAULT_PLAYBOOK } from '../playbook/default-playbook';
import type { Playbook } from '../playbook/schema';
import { database } from './db-connection';
import { readPlaybook } from './playbook-store';
import { readSettings } from './settings-store';

export interface BuiltExport {
  text: string;
  fileName: string;
  mimeType: string;
  rows: number;
  skippedRows: number;
}

/**
 * The rep's own playbook, or null while they use the default one. (`readPlaybook` answers with the
 * default playbook object itself when nothing of theirs is stored.)
 */
export async function storedPlaybook(): Promise<Playbook | null> {
  const playbook = await readPlaybook();
  return playbook === DEFAULT_PLAYBOOK ? null : playbook;
}

const CSV_TYPE = 'text/csv;charset=utf-8';

export async function buildExport(kind: ExportKind, locale: string, now: number): Promise<BuiltExport> {
  const snapshot = await readSnapshot(await database());
  const { rows } = snapshot;
  const base = { skippedRows: snapshot.skipped };
  switch (kind) {
    case 'json': {
      const document = exportDocument(rows, {
        playbook: await storedPlaybook(),
        settings: await readSettings(),
        now,
      });
      return {
        ...base,
        text: JSON.stringify(document),
        fileName: exportFileName('dealside-export', now, 'json'),
        mimeType: 'application/json',
        rows: DATA_STORES.reduce((sum, store) => sum + rows[store].length, 0),
      };
    }
    case 'accounts-csv':
      return {
        ...base,
        text: accountsCsv({ ...rows, playbook: await readPlaybook(), locale }),
        fileName: exportFileName('dealside-accounts', now, 'csv'),
        mimeType: CSV_TYPE,
        rows: rows.accounts.length,
      };
    case 'deals-csv':
      return {
        ...base,
        text: dealsCsv({ ...rows, playbook: await readPlaybook(), locale }),
        fileName: exportFileName('dealside-deals', now, 'csv'),
        mimeType: CSV_TYPE,
        rows: rows.deals.length,
      };
    case 'notes-csv':
      return {
        ...base,
        text: notesCsv(rows.notes, rows.accounts),
        fileName: exportFileName('dealside-notes', now, 'csv'),
        mimeType: CSV_TYPE,
        rows: rows.notes.length,
      };
    case 'follow-ups-csv':
      return {
        ...base,
        text: followUpsCsv(rows.followUps, rows.accounts),
        fileName: exportFileName('dealside-follow-ups', now, 'csv'),
        mimeType: CSV_TYPE,
        rows: rows.followUps.length,
      };
  }
}
