/**
 * Schema version 1: the six stores of the data model with the indexes the surfaces read by.
 * Indexes are chosen for range reads (an account's notes in time order, open follow-ups by due time),
 * so no surface ever has to scan a whole store.
 */
import type { Migration } from './types';

export const initialStores: Migration = {
  version: 1,
  description: 'accounts, contacts, notes, follow-ups, stage events and the SPIN question log',
  apply(db) {
    const accounts = db.createObjectStore('accounts', { keyPath: 'key' });
    // Account rows held their stage until deals (migration 004 moves it and drops this index).
    (accounts as unknown as IDBObjectStore).createIndex('by-stage', 'stageId');
    accounts.createIndex('by-updated', 'updatedAt');

    const contacts = db.createObjectStore('contacts', { keyPath: 'email' });
    contacts.createIndex('by-account', 'accountKey');

    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('by-account-created', ['accountKey', 'createdAt']);
    notes.createIndex('by-updated', 'updatedAt');

    const followUps = db.createObjectStore('followUps', { keyPath: 'id' });
    followUps.createIndex('by-account', 'accountKey');
    followUps.createIndex('by-status-due', ['status', 'due']);

    const stageEvents = db.createObjectStore('stageEvents', { keyPath: 'id' });
    stageEvents.createIndex('by-account', 'accountKey');
    stageEvents.createIndex('by-at', 'at');

    const questionLog = db.createObjectStore('questionLog', { keyPath: 'id' });
    questionLog.createIndex('by-account', 'accountKey');
  },
};
