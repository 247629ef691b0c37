/** Valid rows of every store, for the data-transfer tests. */
import type {
  AccountRecord,
  ContactRecord,
  DealRecord,
  FollowUpRecord,
  NoteRecord,
  QuestionLogRecord,
  StageEventRecord,
  TouchRecord,
} from '../../../lib/db/records';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { exportDocument, type DealsideExport, type StoreRows } from '../../../lib/data-transfer/format';

export const T0 = Date.UTC(2025, 5, 12, 9, 30);

export function account(key: string, change: Partial<AccountRecord> = {}): AccountRecord {
  return { key, createdAt: T0, updatedAt: T0, ...change };
}

export function deal(id: string, accountKey: string, change: Partial<DealRecord> = {}): DealRecord {
  return {
    id,
    accountKey,
    title: `Deal ${id}`,
    checklist: {},
    outcome: 'open',
    createdAt: T0,
    updatedAt: T0,
    ...change,
  };
}

export function contact(
  email: string,
  accountKey: string,
  change: Partial<ContactRecord> = {},
): ContactRecord {
  return { email, accountKey, createdAt: T0, updatedAt: T0, ...change };
}

export function note(id: string, accountKey: string, change: Partial<NoteRecord> = {}): NoteRecord {
  return {
    id,
    accountKey,
    kind: 'note',
    body: `Note ${id}`,
    createdAt: T0,
    updatedAt: T0,
    revision: 1,
    ...change,
  };
}

export function followUp(
  id: string,
  accountKey: string,
  change: Partial<FollowUpRecord> = {},
): FollowUpRecord {
  return {
    id,
    accountKey,
    title: `Follow up ${id}`,
    due: T0 + 86_400_000,
    status: 'open',
    source: 'manual',
    createdAt: T0,
    updatedAt: T0,
    ...change,
  };
}

export function stageEvent(
  id: string,
  accountKey: string,
  change: Partial<StageEventRecord> = {},
): StageEventRecord {
  return { id, accountKey, to: 'discovery', at: T0, ...change };
}

export function questionAsked(accountKey: string, questionId: string): QuestionLogRecord {
  return { id: `${accountKey}\u0000${questionId}`, accountKey, questionId, spinType: 'S', askedAt: T0 };
}

export function touch(id: string, accountKey: string, change: Partial<TouchRecord> = {}): TouchRecord {
  return {
    id,
    accountKey,
    at: T0,
    site: 'gmail',
    title: `Re: Pilot ${id}`,
    url: `https://mail.google.com/mail/u/0/#inbox/${id}`,
    visitKey: `gmail https://mail.google.com/mail/u/0/ ${id} 2025-06-12`,
    ...change,
  };
}

export function emptyRows(): StoreRows {
  return {
    accounts: [],
    deals: [],
    contacts: [],
    notes: [],
    followUps: [],
    stageEvents: [],
    questionLog: [],
    touches: [],
  };
}

/** One account with a row in every store. */
export function sampleRows(): StoreRows {
  const key = 'northwind-trading.com';
  return {
    accounts: [account(key, { displayName: 'Northwind 贸易' })],
    deals: [
      deal('d1', key, {
        title: 'Cold-chain pilot, 3 warehouses',
        value: 48_000,
        currency: 'EUR',
        closeDate: '2025-09-30',
        stageId: 'discovery',
        stageEnteredAt: T0,
        checklist: { lead: ['fit'] },
      }),
    ],
    contacts: [contact('jane.cooper@northwind-trading.com', key, { name: 'Jane Cooper' })],
    notes: [
      note('n1', key, {
        body: 'Budget "approved", next: pilot 🚚',
        contactEmail: 'jane.cooper@northwind-trading.com',
      }),
    ],
    followUps: [followUp('f1', key, { dealId: 'd1' })],
    stageEvents: [stageEvent('s1', key, { dealId: 'd1', from: 'lead' })],
    questionLog: [questionAsked(key, 'q-situation-1')],
    touches: [touch('t1', key, { contactEmail: 'jane.cooper@northwind-trading.com', title: '试点范围 🚚' })],
  };
}

export function sampleFile(rows: StoreRows = sampleRows()): DealsideExport {
  return exportDocument(rows, { playbook: null, settings: DEFAULT_SETTINGS, now: T0 });
}
