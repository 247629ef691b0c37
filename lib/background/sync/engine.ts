/**
 * The sync engine (being built): status, connection test, start and stop. Until it lands sync stays
 * off and says so.
 */
import type { StartSyncResult, SyncStatus, SyncTestResult } from '../../sync/types';
import { checkSyncServer } from '../../sync/server-address';

interface ServerRequest {
  url: string;
  database: string;
  username: string;
  password: string;
}

function addressProblem(request: ServerRequest): SyncTestResult | undefined {
  const check = checkSyncServer(request.url, request.database);
  return check.ok ? undefined : { kind: 'address', problem: check.problem };
}

export const syncEngine = {
  status(): Promise<SyncStatus> {
    return Promise.resolve({ state: 'off', pending: 0 });
  },
  testConnection(request: ServerRequest): Promise<SyncTestResult> {
    return Promise.resolve(addressProblem(request) ?? { kind: 'answer', outcome: 'cannot-reach' });
  },
  start(request: ServerRequest): Promise<StartSyncResult> {
    return Promise.resolve(addressProblem(request) ?? { kind: 'answer', outcome: 'cannot-reach' });
  },
  stop(): Promise<SyncStatus> {
    return this.status();
  },
};
