/** Sync with the rep's CouchDB server: status, the connection test, start and stop. */
import type { Handlers } from '../router';
import { syncEngine } from '../sync/browser-sync';

export const syncHandlers = {
  getSyncStatus: () => syncEngine.status(),
  testSyncConnection: (request) => syncEngine.testConnection(request),
  startSync: (request) => syncEngine.start(request),
  stopSync: () => syncEngine.stop(),
  syncNow: () => syncEngine.syncNow(),
  resolveNoteConflict: (request) =>
    syncEngine.resolveNoteConflict(request.noteId, request.rev, request.action, request.baseRevision),
} satisfies Partial<Handlers>;
