/**
 * Sync with the rep's CouchDB server: status, the connection test, start and stop, note conflicts and the
 * team's playbook.
 */
import type { Handlers } from '../router';
import { sendMessage } from '../../messaging/messenger';
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
  settleTeamPlaybook: async (request) => {
    const view = await settleTeamPlaybook(await database(), request.publishedAt, request.state);
    // Other open options pages update their banner too.
    sendMessage('teamPlaybookChanged', {}).catch(() => undefined);
    return view;
  },
  resolveNoteConflict: (request) =>
    syncEngine.resolveNoteConflict(request.noteId, request.rev, request.action, request.baseRevision),
} satisfies Partial<Handlers>;
