/**
 * PouchDB as the background uses it: the mirror in IndexedDB, the server over HTTP, and CouchDB's
 * replication protocol between them. Only the background imports this (it is the one context that
 * syncs); no page pays for PouchDB's size.
 */
import PouchDB from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import Replication from 'pouchdb-replication';
import type { RecordDocBody } from '../../sync/documents';
import type { PouchConstructor, PouchDatabase } from './pouch-api';

export const SyncPouch = PouchDB.plugin(IndexedDbAdapter)
  .plugin(HttpAdapter)
  .plugin(Replication) as unknown as PouchConstructor;

export type MirrorDb = PouchDatabase<RecordDocBody>;

/** The local copy of the server's database that replication works with. */
export const MIRROR_NAME = 'dealside-sync-mirror';

export function openMirror(): MirrorDb {
  return new SyncPouch<RecordDocBody>(MIRROR_NAME, { adapter: 'indexeddb' });
}
