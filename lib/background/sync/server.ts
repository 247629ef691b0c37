/**
 * Talking to the rep's server: the connection test (one GET of the database's info) and what a failed
 * replication's error means, in the outcomes the options page words for the rep. Requests go to the
 * configured origin only, with the rep's user name and password as HTTP Basic credentials and never
 * with the browser's cookies.
 */
import { connectionOutcome, type ConnectionOutcome } from '../../sync/connection-problem';
import type { SyncServer } from '../../sync/server-address';
import type { SyncProblem } from '../../sync/types';

const CONNECTION_TEST_TIMEOUT_MS = 15_000;

export interface Credentials {
  username: string;
  password: string;
}

/** `Basic …` of `user:password` in UTF-8 (btoa alone takes only Latin-1). */
export function basicAuthorization({ username, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

export async function testDatabase(
  server: SyncServer,
  credentials: Credentials,
  fetchImpl: typeof fetch = fetch,
): Promise<ConnectionOutcome> {
  const gaveCredentials = credentials.username !== '';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (gaveCredentials) headers.Authorization = basicAuthorization(credentials);
  try {
    const response = await fetchImpl(server.databaseUrl, {
      headers,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      signal: AbortSignal.timeout(CONNECTION_TEST_TIMEOUT_MS),
    });
    return connectionOutcome({ status: response.status, body: await response.text() }, gaveCredentials);
  } catch {
    return connectionOutcome(undefined, gaveCredentials);
  }
}

interface PouchError {
  status?: number;
  name?: string;
  error?: string | boolean;
  reason?: string;
  message?: string;
}

/** The problem a replication or server request failed with. */
export function problemOfError(error: unknown, gaveCredentials: boolean): SyncProblem {
  const failure = (error ?? {}) as PouchError;
  const status = typeof failure.status === 'number' ? failure.status : 0;
  // No answer at all (offline, refused, a certificate the browser rejects): fetch failed.
  if (status === 0) return 'cannot-reach';
  const body = JSON.stringify({
    error: typeof failure.error === 'string' ? failure.error : (failure.name ?? 'error'),
    reason: failure.reason ?? failure.message ?? '',
  });
  const outcome = connectionOutcome({ status, body }, gaveCredentials);
  return outcome === 'connected' ? 'server-error' : outcome;
}
