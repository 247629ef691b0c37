/**
 * Where the rep's sync server is, checked before anything is asked of the browser or the network: an
 * HTTPS address (plain HTTP only on this computer, where nothing crosses a network), no credentials or
 * query in it, and a database name CouchDB accepts. The origin is what the optional host permission is
 * requested for, and the only place sync ever talks to.
 */

/** Host names that are this computer: a server there may run without TLS. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

/** CouchDB's rule for database names: a lowercase letter, then lowercase letters, digits and `_$()+-/`. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;
const DATABASE_NAME_MAX_LENGTH = 238;

export type ServerAddressProblem =
  'not-an-address' | 'not-https' | 'credentials-in-address' | 'query-in-address' | 'bad-database-name';

export interface SyncServer {
  /** `https://couch.example.com` (or `http://localhost:5984`): what the host permission names. */
  origin: string;
  /** The server's base address, always ending in `/` (CouchDB may sit under a path behind a proxy). */
  baseUrl: string;
  database: string;
  /** The database's address, with its name escaped as a path segment. */
  databaseUrl: string;
}

export type SyncServerCheck = { ok: true; server: SyncServer } | { ok: false; problem: ServerAddressProblem };

/** The server address and database name the rep typed, checked and put together. */
export function checkSyncServer(address: string, database: string): SyncServerCheck {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return { ok: false, problem: 'not-an-address' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'not-an-address' };
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname))
    return { ok: false, problem: 'not-https' };
  // A password in the address would end up wherever addresses go (logs, exports): it has its own field.
  if (url.username || url.password) return { ok: false, problem: 'credentials-in-address' };
  if (url.search || url.hash) return { ok: false, problem: 'query-in-address' };
  const name = database.trim();
  if (name.length > DATABASE_NAME_MAX_LENGTH || !DATABASE_NAME.test(name))
    return { ok: false, problem: 'bad-database-name' };
  const baseUrl = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return {
    ok: true,
    server: {
      origin: url.origin,
      baseUrl,
      database: name,
      databaseUrl: `${baseUrl}${encodeURIComponent(name)}`,
    },
  };
}

/** The match pattern the optional host permission is requested for: this one origin, every path. */
export function hostPermissionFor(server: SyncServer): string {
  const url = new URL(server.origin);
  // Firefox's match patterns take no port (Chrome's may): the pattern names the host on any port, and
  // requests still go to the one origin configured.
  return `${url.protocol}//${url.hostname}/*`;
}
