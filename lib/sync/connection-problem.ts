/**
 * What "Test connection" found, in the words the rep needs: the answer to one GET of the database's
 * address (CouchDB answers its info: `db_name`, `update_seq`…), or the failure to get one. Servers that
 * speak CouchDB's protocol answer alike; where they differ (a member check failing is 403 on Apache
 * CouchDB, 401 on some others), the reason text decides.
 */

export type ConnectionOutcome =
  | 'connected'
  /** No answer at all: offline, a wrong host or port, a certificate the browser refuses, a time-out. */
  | 'cannot-reach'
  | 'wrong-password'
  /** The server wants a user name and password and none was given. */
  | 'sign-in-needed'
  /** Signed in, but not a member (or admin) of this database. */
  | 'no-permission'
  | 'no-such-database'
  /** Something answered, but not as CouchDB does (a web page, a proxy's error). */
  | 'not-couchdb'
  | 'server-error';

/** One answer from the server: its status and its body as text (CouchDB's bodies are JSON). */
export interface ServerAnswer {
  status: number;
  body: string;
}

function parsed(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The outcome of asking for the database's info. `answer` is undefined when no answer came back;
 * `gaveCredentials` tells a refused password from a missing one.
 */
export function connectionOutcome(
  answer: ServerAnswer | undefined,
  gaveCredentials: boolean,
): ConnectionOutcome {
  if (!answer) return 'cannot-reach';
  const json = parsed(answer.body);
  const reason = typeof json?.reason === 'string' ? json.reason : '';
  switch (answer.status) {
    case 200:
      return typeof json?.db_name === 'string' ? 'connected' : 'not-couchdb';
    case 401:
      if (!json) return 'not-couchdb';
      if (/name or password is incorrect/i.test(reason)) return 'wrong-password';
      return gaveCredentials ? 'no-permission' : 'sign-in-needed';
    case 403:
      return json ? 'no-permission' : 'not-couchdb';
    case 404:
      return json?.error === 'not_found' ? 'no-such-database' : 'not-couchdb';
    default:
      return answer.status >= 500 ? 'server-error' : 'not-couchdb';
  }
}
