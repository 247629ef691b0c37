/**
 * CSV files a CRM's importer (Salesforce, HubSpot, Pipedrive, Zoho, Excel) accepts: RFC 4180 quoting,
 * CRLF line ends, one header row, a UTF-8 byte-order mark so Excel reads Chinese correctly, ISO 8601
 * instants, and no cell a spreadsheet would run as a formula.
 */
import { displayAccountKey } from '../contact/account-key';
import { groupedBy } from '../grouped-by';
import type { AccountRecord, ContactRecord, DealRecord, FollowUpRecord, NoteRecord } from '../db/records';
import type { Playbook } from '../playbook/schema';
import { localized } from '../playbook/text';

const BYTE_ORDER_MARK = '\uFEFF';
const LINE_END = '\r\n';

/**
 * Cells a spreadsheet treats as formulas (OWASP's list, plus the full-width signs some CJK input methods
 * produce). A leading apostrophe makes the spreadsheet show the text as it is.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export type CsvValue = string | number | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return BYTE_ORDER_MARK + lines.join(LINE_END) + LINE_END;
}

/** An instant as ISO 8601 in UTC, or an empty cell. */
export function isoInstant(instant: number | undefined): string {
  return instant === undefined ? '' : new Date(instant).toISOString();
}

export interface CsvContext {
  accounts: readonly AccountRecord[];
  deals: readonly DealRecord[];
  contacts: readonly ContactRecord[];
  playbook: Playbook;
  locale: string;
}

function accountNames(accounts: readonly AccountRecord[]): (key: string) => string {
  const names = new Map(accounts.map((account) => [account.key, account.displayName]));
  return (key) => names.get(key) || displayAccountKey(key);
}

function stageNamer(playbook: Playbook, locale: string): (stageId: string | undefined) => string {
  const names = new Map(playbook.stages.map((stage) => [stage.id, localized(stage.name, locale)]));
  return (stageId) => (stageId ? (names.get(stageId) ?? stageId) : '');
}

/** One row per account; its stage columns list the stages of its open deals. */
export function accountsCsv({ accounts, deals, contacts, playbook, locale }: CsvContext): string {
  const stageName = stageNamer(playbook, locale);
  const people = groupedBy(
    [...contacts].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0)),
    (contact) => contact.accountKey,
  );
  const peopleOf = (key: string) => people.get(key) ?? [];
  const openDeals = groupedBy(
    deals.filter((deal) => deal.outcome === 'open'),
    (deal) => deal.accountKey,
  );
  const openDealsOf = (key: string) => openDeals.get(key) ?? [];
  return toCsv(
    [
      'Account key',
      'Domain',
      'Name',
      'Stage',
      'Stage ID',
      'Industry',
      'People',
      'Created',
      'Updated',
      'Buying roles',
      'Open deals',
    ],
    accounts.map((account) => [
      account.key,
      displayAccountKey(account.key),
      account.displayName,
      openDealsOf(account.key)
        .map((deal) => stageName(deal.stageId))
        .join('; '),
      openDealsOf(account.key)
        .map((deal) => deal.stageId ?? '')
        .join('; '),
      account.industry,
      peopleOf(account.key)
        .map((person) => person.email)
        .join('; '),
      isoInstant(account.createdAt),
      isoInstant(account.updatedAt),
      // Last, so importers mapping the earlier columns by position read them as before.
      peopleOf(account.key)
        .filter((person) => person.roles?.length)
        .map((person) => `${person.email}: ${person.roles!.join(', ')}`)
        .join('; '),
      openDealsOf(account.key).length,
    ]),
  );
}

/** One row per deal, open and closed: a pipeline a spreadsheet or a CRM's opportunity import reads. */
export function dealsCsv({ accounts, deals, playbook, locale }: CsvContext): string {
  const nameOf = accountNames(accounts);
  const stageName = stageNamer(playbook, locale);
  const reasons = new Map(playbook.lostReasons.map((reason) => [reason.id, localized(reason.name, locale)]));
  return toCsv(
    [
      'Deal ID',
      'Account key',
      'Account',
      'Deal',
      'Value',
      'Currency',
      'Close date',
      'Stage',
      'Stage ID',
      'Outcome',
      'Lost reason',
      'Closed',
      'Created',
      'Updated',
    ],
    deals.map((deal) => [
      deal.id,
      deal.accountKey,
      nameOf(deal.accountKey),
      deal.title,
      deal.value,
      deal.currency,
      deal.closeDate,
      stageName(deal.stageId),
      deal.stageId,
      deal.outcome,
      deal.lostReason ? (reasons.get(deal.lostReason) ?? deal.lostReason) : '',
      isoInstant(deal.closedAt),
      isoInstant(deal.createdAt),
      isoInstant(deal.updatedAt),
    ]),
  );
}

export function notesCsv(notes: readonly NoteRecord[], accounts: readonly AccountRecord[]): string {
  const nameOf = accountNames(accounts);
  return toCsv(
    [
      'Note ID',
      'Account key',
      'Account name',
      'Contact email',
      'Kind',
      'Body',
      'Created',
      'Updated',
      'Revision',
    ],
    [...notes]
      .sort((a, b) => a.accountKey.localeCompare(b.accountKey) || a.createdAt - b.createdAt)
      .map((note) => [
        note.id,
        note.accountKey,
        nameOf(note.accountKey),
        note.contactEmail,
        note.kind,
        note.body,
        isoInstant(note.createdAt),
        isoInstant(note.updatedAt),
        note.revision,
      ]),
  );
}

export function followUpsCsv(
  followUps: readonly FollowUpRecord[],
  accounts: readonly AccountRecord[],
): string {
  const nameOf = accountNames(accounts);
  return toCsv(
    [
      'Follow-up ID',
      'Account key',
      'Account name',
      'Contact email',
      'Title',
      'Due',
      'Status',
      'Done at',
      'Snoozed until',
      'Source',
      'Created',
      'Updated',
    ],
    [...followUps]
      .sort((a, b) => a.due - b.due)
      .map((followUp) => [
        followUp.id,
        followUp.accountKey,
        nameOf(followUp.accountKey),
        followUp.contactEmail,
        followUp.title,
        isoInstant(followUp.due),
        followUp.status,
        isoInstant(followUp.doneAt),
        isoInstant(followUp.snoozedUntil),
        followUp.source,
        isoInstant(followUp.createdAt),
        isoInstant(followUp.updatedAt),
      ]),
  );
}
