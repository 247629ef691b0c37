/** Sync with the rep's CouchDB server: status, the connection test, start and stop. */
import type { Handlers } from '../router';
import { database } from '../db-connection';
import { syncEngine } from '../sync/browser-sync';
import { readTeamPlaybook, settleTeamPlaybook } from '../sync/team-playbook';

export const syncHandlers = {
  getSyncStatus: () => syncEngine.status(),
  testSyncConnection: (request) => syncEngine.testConnection(request),
  startSync: (request) => syncEngine.start(request),
  stopSync: () => syncEngine.stop(),
  syncNow: () => syncEngine.syncNow(),
  publishPlaybook: () => syncEngine.publishPlaybook(),
  getTeamPlaybook: async () => readTeamPlaybook(await database()),
  settleTeamPlaybook: async (request) =>
    settleTeamPlaybook(await database(), request.publishedAt, request.state),
  resolveNoteConflict: (request) =>
    syncEngine.resolveNoteConflict(request.noteId, request.rev, request.action, request.baseRevision),
} satisfies Partial<Handlers>;
