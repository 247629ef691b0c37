/**
 * "Your data" in the options page: export (JSON and CSV, read in chunks), import (uploaded in chunks,
 * previewed, then merged in one transaction), an account's notes as Markdown, deleting one account,
 * the touches or everything, and automatic backups. Every message is for extension pages only: these are the most
 * privileged operations the extension has.
 */
import { accountKeyForEmail, displayAccountKey } from '../../contact/account-key';
import { normalizeEmail } from '../../contact/email';
import { ROLE_LABELS } from '../../contact/role-labels';
import { listAccountContacts, getAccount } from '../../db/accounts';
import { listAccountDeals } from '../../db/deals';
import { deleteAccountWithData, type DeletedAccountRows } from '../../db/delete-account';
import { listNotes } from '../../db/notes';
import { accountRecordSchema } from '../../db/records';
import { validRows } from '../../db/validate';
import { deleteAllRows, importRows, previewImportRows } from '../../data-transfer/database';
import { StagesNeedAHome } from '../../db/stage-moves';
import { countTouches, deleteAllTouches } from '../../db/touches';
import { ACCOUNT_PICKER_LIMIT, MARKDOWN_MAX_CHARS } from '../../data-transfer/limits';
import { accountNotesMarkdown } from '../../data-transfer/markdown';
import { sameValue } from '../../data-transfer/merge';
import { readImportText } from '../../data-transfer/read-import';
import { ImportUploads, PendingExports } from '../../data-transfer/transfer-sessions';
import type {
  AccountNotesMarkdown,
  ApplyImportResult,
  DataAccountList,
  DeletedRows,
  ExportChunk,
  ImportPreviewResult,
  PreparedExport,
  UploadImportChunkResult,
} from '../../data-transfer/types';
import type { PayloadOf } from '../../messaging/messages';
import { formatList, t } from '../../i18n';
import { sendMessage } from '../../messaging/messenger';
import { localized } from '../../playbook/text';
import { DEFAULT_SETTINGS, type Settings } from '../../settings/schema';
import { backUpNow, backupStatus, setBackupFrequency } from '../backup';
import { broadcastDataChanged, broadcastPageChanged } from '../broadcast';
import { forgetAllAttachedAccounts, forgetAttachedAccounts } from '../contact-picks';
import { clearReadFailures } from '../read-failures';
import { syncEngine } from '../sync/browser-sync';
import { buildExport, storedPlaybook } from '../data-export';
import { database } from '../db-connection';
import { allTabPages, forgetAllTabs, forgetTab } from '../page-registry';
import { readPlaybook } from '../playbook-store';
import { privateItemsDb } from '../private-items-db';
import { followUpsChanged } from '../reminders';
import { forgetRecordedVisits } from '../touches';
import type { Handlers } from '../router';
import { readSettings, settingsWritten } from '../settings-store';

const pendingExports = new PendingExports();
const uploads = new ImportUploads();

/** The change event lists at most this many accounts (its schema's bound); more go in several events. */
const ACCOUNTS_PER_EVENT = 10_000;

function broadcastAccountsChanged(accountKeys: Iterable<string>): void {
  const keys = [...accountKeys];
  for (let start = 0; start < keys.length; start += ACCOUNTS_PER_EVENT) {
    broadcastDataChanged({ accountKeys: keys.slice(start, start + ACCOUNTS_PER_EVENT) });
  }
}

function broadcastPlaybookChanged(): void {
  sendMessage('playbookChanged', {}).catch(() => undefined);
}

export async function prepareExport(request: PayloadOf<'prepareExport'>): Promise<PreparedExport> {
  const built = await buildExport(request.kind, request.locale, Date.now());
  const held = pendingExports.hold(built.text);
  return {
    exportId: held.exportId,
    chunkCount: held.chunkCount,
    fileName: built.fileName,
    mimeType: built.mimeType,
    chars: built.text.length,
    rows: built.rows,
    skippedRows: built.skippedRows,
  };
}

export function readExportChunk(request: PayloadOf<'readExportChunk'>): ExportChunk {
  return { text: pendingExports.chunk(request.exportId, request.index) };
}

export function uploadImportChunk(request: PayloadOf<'uploadImportChunk'>): UploadImportChunkResult {
  return uploads.receive(request);
}

export async function previewImport(request: PayloadOf<'previewImport'>): Promise<ImportPreviewResult> {
  const read = uploads.content(request.uploadId, readImportText);
  if (!read.ok) return read;
  const { file } = read;
  const [plan, playbook, settings] = await Promise.all([
    previewImportRows(await database(), file),
    storedPlaybook(),
    readSettings(),
  ]);
  const playbookState =
    file.playbook === null ? 'none' : playbook && sameValue(playbook, file.playbook) ? 'same' : 'different';
  const settingsState = sameValue(settings, file.settings) ? 'same' : 'different';
  return {
    ok: true,
    preview: {
      exportedAt: file.exportedAt,
      stores: plan.counts,
      playbook: playbookState,
      playbookIsDefault: playbook === null,
      settings: settingsState,
      settingsAreDefault: sameValue(settings, DEFAULT_SETTINGS),
      nothingNew: plan.changedRows === 0 && playbookState !== 'different' && settingsState === 'same',
    },
  };
}

export async function applyImport(request: PayloadOf<'applyImport'>): Promise<ApplyImportResult> {
  const read = uploads.content(request.uploadId, readImportText);
  if (!read.ok) return read;
  const { file } = read;
  const playbookReplaced = request.replacePlaybook && file.playbook !== null;
  let plan;
  try {
    // Rows, playbook and settings are written in one transaction: all of them or none.
    plan = await importRows(await privateItemsDb(), file, {
      ...(playbookReplaced ? { playbook: file.playbook! } : {}),
      // Custom CRM hosts work only with a host permission the rep grants in this browser, site by site:
      // they stay as they are here rather than arrive as entries with no permission behind them.
      ...(request.replaceSettings
        ? { settings: (current: Settings) => ({ ...file.settings, customSites: current.customSites }) }
        : {}),
    });
  } catch (error) {
    // The transaction was rolled back: nothing of the file was written. The upload stays for a retry.
    if (error instanceof StagesNeedAHome) {
      return { ok: false, problem: { kind: 'stages-need-a-home', stageIds: error.stageIds } };
    }
    return {
      ok: false,
      problem: { kind: 'write-failed', detail: error instanceof Error ? error.message : String(error) },
    };
  }
  uploads.discard(request.uploadId);
  if (plan.settings) await settingsWritten(plan.settings);

  broadcastAccountsChanged(plan.accountKeys);
  if (playbookReplaced) broadcastPlaybookChanged();
  if (plan.stores.followUps.writes.length > 0) void followUpsChanged();
  return {
    ok: true,
    outcome: {
      stores: plan.counts,
      playbookReplaced,
      settingsReplaced: request.replaceSettings,
      accountCount: plan.accountKeys.size,
    },
  };
}

export async function listDataAccounts(request: PayloadOf<'listDataAccounts'>): Promise<DataAccountList> {
  const db = await database();
  const accounts = validRows(accountRecordSchema, 'accounts', await db.getAll('accounts'), (row) =>
    String((row as { key?: unknown }).key),
  );
  const query = request.query.trim().toLowerCase();
  const matches = accounts
    .map((account) => ({
      key: account.key,
      displayKey: displayAccountKey(account.key),
      ...(account.displayName ? { displayName: account.displayName } : {}),
      updatedAt: account.updatedAt,
    }))
    .filter(
      (account) =>
        query === '' ||
        account.key.includes(query) ||
        account.displayKey.toLowerCase().includes(query) ||
        (account.displayName?.toLowerCase().includes(query) ?? false),
    )
    .sort((a, b) => b.updatedAt - a.updatedAt);
  return { accounts: matches.slice(0, request.limit ?? ACCOUNT_PICKER_LIMIT), total: matches.length };
}

export async function accountNotesMarkdownFor(
  request: PayloadOf<'accountNotesMarkdown'>,
): Promise<AccountNotesMarkdown> {
  const db = await database();
  const [account, deals, contacts, notes, playbook] = await Promise.all([
    getAccount(db, request.accountKey),
    listAccountDeals(db, request.accountKey),
    listAccountContacts(db, request.accountKey),
    listNotes(db, request.accountKey, Number.MAX_SAFE_INTEGER),
    readPlaybook(),
  ]);
  // The stages the account's open deals stand in.
  const stageNames = deals
    .filter((deal) => deal.outcome === 'open' && deal.stageId)
    .map((deal) => {
      const stage = playbook.stages.find((candidate) => candidate.id === deal.stageId);
      return stage ? localized(stage.name, request.locale) : deal.stageId!;
    });
  return accountNotesMarkdown(
    {
      accountKey: request.accountKey,
      account,
      stageName: stageNames.length > 0 ? stageNames.join(', ') : undefined,
      contacts,
      notes,
    },
    {
      account: t('dataMdAccount'),
      stage: t('dataMdStage'),
      industry: t('dataMdIndustry'),
      people: t('dataMdPeople'),
      roles: (roles) =>
        formatList(
          roles.map((role) => t(ROLE_LABELS[role])),
          request.locale,
        ),
      note: t('dataMdNote'),
      call: t('dataMdCall'),
      noNotes: t('dataMdNoNotes'),
      omitted: (count) => t('dataMdOmitted', String(count)),
    },
    MARKDOWN_MAX_CHARS,
  );
}

/** Tabs whose page shows someone of `accountKey`: what they read is forgotten with the account. */
async function tabsShowingAccount(
  accountKey: string,
  aliases: Settings['accountAliases'],
): Promise<number[]> {
  const tabIds: number[] = [];
  for (const [tabId, page] of await allTabPages()) {
    const keys = page.context.participants.map((person) =>
      accountKeyForEmail(normalizeEmail(person.email) ?? person.email, { aliases }),
    );
    if (keys.includes(accountKey)) tabIds.push(tabId);
  }
  return tabIds;
}

export async function deleteAccountData(request: { accountKey: string }): Promise<DeletedAccountRows> {
  const { accountAliases } = await readSettings();
  const isAccountEmail = (email: string) =>
    accountKeyForEmail(email, { aliases: accountAliases }) === request.accountKey;
  const deleted = await deleteAccountWithData(await privateItemsDb(), request.accountKey, isAccountEmail);
  forgetRecordedVisits();
  await forgetAttachedAccounts((accountKey) => accountKey === request.accountKey);
  const tabIds = await tabsShowingAccount(request.accountKey, accountAliases);
  for (const tabId of tabIds) await forgetTab(tabId);
  broadcastAccountsChanged([request.accountKey]);
  for (const tabId of tabIds) broadcastPageChanged({ tabId });
  void followUpsChanged();
  return deleted;
}

/**
 * Deletes every record, the contacts and accounts chosen per page, what open tabs showed, and the list of
 * pages that could not be read (their paths name customers' records too).
 */
/**
 * Everything in this browser goes. Sync stops first: "delete everything" empties this browser, and must
 * never empty the team's database on the server (the rep can delete it there if that is what they want).
 */
export async function deleteAllData(): Promise<DeletedRows> {
  await syncEngine.stop();
  const { deleted, accountKeys } = await deleteAllRows(await privateItemsDb());
  forgetRecordedVisits();
  await forgetAllAttachedAccounts();
  await clearReadFailures();
  uploads.discard();
  const tabIds = await forgetAllTabs();
  broadcastAccountsChanged(accountKeys);
  for (const tabId of tabIds) broadcastPageChanged({ tabId });
  void followUpsChanged();
  return deleted;
}

/** Deletes every touch; the accounts' other rows stay. The next opening of a thread records anew. */
export async function deleteTouches(): Promise<{ count: number }> {
  const { deleted, accountKeys } = await deleteAllTouches(await database());
  forgetRecordedVisits();
  broadcastAccountsChanged(accountKeys);
  return { count: deleted };
}

export const optionsDataHandlers = {
  prepareExport,
  readExportChunk,
  uploadImportChunk,
  previewImport,
  applyImport,
  listDataAccounts,
  accountNotesMarkdown: accountNotesMarkdownFor,
  deleteAccountData,
  // The schema admits only the typed confirmation word; nothing else reaches this.
  deleteAllData: () => deleteAllData(),
  countTouches: async () => ({ count: await countTouches(await database()) }),
  deleteAllTouches: () => deleteTouches(),
  getBackupStatus: () => backupStatus(),
  setBackupSchedule: (request) => setBackupFrequency(request.frequency, Date.now(), request.keep),
  runBackupNow: () => backUpNow(),
} satisfies Partial<Handlers>;
