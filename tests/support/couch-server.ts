/**
 * A CouchDB-protocol server on this computer, for the sync tests and `npm run sync-server`: express-pouchdb
 * over in-memory PouchDB databases, in a thread of its own (couch-server-worker.mjs says why), with a
 * server admin, users who sign in with HTTP Basic auth, and databases open only to their members. It
 * listens on 127.0.0.1 only and writes nothing to disk.
 *
 * `stop()` takes the server off the network (open connections, long-polling `_changes` included, are cut)
 * and keeps its data; `start()` brings it back on the same port. The admin helpers (`allDocs`, `getDoc`,
 * `put`…) talk to the same data through a second listener that stays up while the server is stopped, so a
 * test can look at the server's data at any moment.
 *
 * Where it answers differently from Apache CouchDB 3:
 * - a signed-in user who is not a member of the database gets 401 (CouchDB: 403), with the reason
 *   "You are not authorized to access this db.";
 * - a missing database is 404 `{"error":"not_found","reason":"no_db_file"}` (CouchDB: "Database does not
 *   exist.");
 * - sequences (`update_seq`, `last_seq`, a change's `seq`) are numbers (CouchDB: opaque strings);
 * - `/_all_dbs` answers anyone (CouchDB: the admin only);
 * - design documents' views need a map-reduce plugin this server does not load.
 *
 * Like CouchDB out of the box, it sends no CORS headers. An extension's background with host permission
 * needs none, but happy-dom's `fetch` applies a web page's same-origin policy and is refused: code under
 * test that fetches from this server runs in vitest's node environment (or with happy-dom's
 * `settings.fetch.disableSameOriginPolicy`). The helpers below use node:http, so they work in either.
 */
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface Credentials {
  name: string;
  password: string;
}

export interface CouchServerOptions {
  /** Default 0: a free port picked by the system. */
  port?: number;
  /** The server admin; default `admin` with a random password. */
  admin?: Credentials;
  users?: Credentials[];
  /** Each database is open to its members (user names) and the admin only. */
  databases?: { name: string; members: string[] }[];
}

/** A document as the server returns it. */
export interface CouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  /** The losing revisions of a conflict, when asked for with `conflicts=true`. */
  _conflicts?: string[];
  [field: string]: unknown;
}

/** One row of `_bulk_docs`' answer (none per document with `newEdits: false`). */
export interface BulkDocsResult {
  ok?: boolean;
  id: string;
  rev?: string;
  error?: string;
  reason?: string;
}

export interface CouchServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly admin: Credentials;
  /** Whether the server is listening now. */
  readonly running: boolean;
  /** Stops listening and cuts every open connection; the data stays for `start()`. */
  stop(): Promise<void>;
  /** Listens again on the same port, with the same data. */
  start(): Promise<void>;
  /** Stops for good and frees the data. */
  close(): Promise<void>;
  /** Every document of the database with its body and `_conflicts` (design documents too). */
  allDocs(db: string): Promise<CouchDoc[]>;
  /** One document (`query` as CouchDB takes it: `{ conflicts: true }`, `{ rev }`…), undefined when missing. */
  getDoc(
    db: string,
    id: string,
    query?: Record<string, string | number | boolean>,
  ): Promise<CouchDoc | undefined>;
  /** Writes one document as the admin (to seed the server directly, a malformed record say): its revision. */
  put(db: string, doc: CouchDoc): Promise<{ id: string; rev: string }>;
  /**
   * Writes documents as the admin. With `newEdits: false` the revisions given are stored as they are,
   * which makes conflicts on purpose.
   */
  bulkDocs(db: string, docs: CouchDoc[], options?: { newEdits?: boolean }): Promise<BulkDocsResult[]>;
  createUser(name: string, password: string): Promise<void>;
  /** Creates the database, open to these users and the admin only (none: the admin only). */
  createDatabase(name: string, members: string[]): Promise<void>;
}

const HOST = '127.0.0.1';

/** A document id as a path: `_design/` and `_local/` keep their slash, as CouchDB expects. */
function docPath(id: string) {
  const special = /^(_design|_local)\/(.*)$/s.exec(id);
  return special ? `${special[1]}/${encodeURIComponent(special[2] ?? '')}` : encodeURIComponent(id);
}

type WorkerAnswer =
  { type: 'ready'; port: number; adminPort: number } | { id: number; port: number; error?: string };

/** The server's thread (couch-server-worker.mjs), driven by messages. */
async function startWorker(port: number, admin: Credentials) {
  // A path, not a URL: a test environment such as happy-dom replaces the global URL with its own.
  const script = join(dirname(fileURLToPath(import.meta.url)), 'couch-server-worker.mjs');
  const worker = new Worker(script, {
    workerData: { port, admin },
  });
  const waiting = new Map<number, { resolve: (port: number) => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  let nextId = 0;
  const ready = new Promise<{ port: number; adminPort: number }>((resolve, reject) => {
    const fail = (error: Error) => {
      failure ??= error;
      reject(failure);
      for (const { reject: rejectRequest } of waiting.values()) rejectRequest(failure);
      waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The CouchDB test server's thread ended (${code})`)));
    worker.on('message', (answer: WorkerAnswer) => {
      if ('type' in answer) return resolve(answer);
      const request = waiting.get(answer.id);
      waiting.delete(answer.id);
      if (answer.error) request?.reject(new Error(answer.error));
      else request?.resolve(answer.port);
    });
  });
  const send = (type: 'start' | 'stop') =>
    new Promise<number>((resolve, reject) => {
      if (failure) return reject(failure);
      nextId += 1;
      waiting.set(nextId, { resolve, reject });
      worker.postMessage({ id: nextId, type });
    });
  return { ...(await ready), send, terminate: () => worker.terminate() };
}

export async function startCouchServer(options: CouchServerOptions = {}): Promise<CouchServer> {
  const admin = options.admin ?? { name: 'admin', password: randomBytes(12).toString('hex') };
  const worker = await startWorker(options.port ?? 0, admin);
  const adminUrl = `http://${HOST}:${worker.adminPort}`;
  const authorization = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;

  /**
   * One request as the admin. Through node:http rather than the global fetch, which a test environment
   * may replace (happy-dom's applies a web page's cross-origin rules).
   */
  function request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        `${adminUrl}/${path}`,
        {
          method,
          headers: {
            authorization,
            accept: 'application/json',
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('error', reject);
          response.on('end', () => {
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              json = text;
            }
            resolve({ status: response.statusCode ?? 0, json });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  async function expectOk(method: string, path: string, body?: unknown) {
    const answer = await request(method, path, body);
    if (answer.status < 200 || answer.status > 299)
      throw new Error(`${method} /${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
    return answer.json;
  }

  let port = worker.port;
  let running = true;
  let closed = false;

  const server: CouchServer = {
    get url() {
      return `http://${HOST}:${port}`;
    },
    get port() {
      return port;
    },
    admin,
    get running() {
      return running;
    },
    async start() {
      if (closed) throw new Error('The server was closed');
      port = await worker.send('start');
      running = true;
    },
    async stop() {
      if (closed) return;
      await worker.send('stop');
      running = false;
    },
    async close() {
      if (closed) return;
      closed = true;
      running = false;
      await worker.terminate();
    },
    async allDocs(db) {
      const json = (await expectOk(
        'GET',
        `${encodeURIComponent(db)}/_all_docs?include_docs=true&conflicts=true`,
      )) as {
        rows: { doc: CouchDoc }[];
      };
      return json.rows.map((row) => row.doc);
    },
    async getDoc(db, id, query = {}) {
      const search = new URLSearchParams(
        Object.entries(query).map(([key, value]) => [
          key,
          typeof value === 'string' ? value : JSON.stringify(value),
        ]),
      ).toString();
      const path = `${encodeURIComponent(db)}/${docPath(id)}${search ? `?${search}` : ''}`;
      const answer = await request('GET', path);
      if (answer.status === 404) return undefined;
      if (answer.status !== 200)
        throw new Error(`GET /${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
      return answer.json as CouchDoc;
    },
    async put(db, doc) {
      const json = (await expectOk('PUT', `${encodeURIComponent(db)}/${docPath(doc._id)}`, doc)) as {
        id: string;
        rev: string;
      };
      return { id: json.id, rev: json.rev };
    },
    async bulkDocs(db, docs, { newEdits = true } = {}) {
      return (await expectOk('POST', `${encodeURIComponent(db)}/_bulk_docs`, {
        docs,
        ...(newEdits ? {} : { new_edits: false }),
      })) as BulkDocsResult[];
    },
    async createUser(name, password) {
      await expectOk('PUT', `_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`, {
        name,
        password,
        roles: [],
        type: 'user',
      });
    },
    async createDatabase(name, members) {
      await expectOk('PUT', encodeURIComponent(name));
      // With no member names, only the admin role: CouchDB 3's default for a new database. (express-pouchdb
      // would leave a database without members open to everyone.)
      await expectOk('PUT', `${encodeURIComponent(name)}/_security`, {
        admins: { names: [], roles: [] },
        members: { names: members, roles: members.length ? [] : ['_admin'] },
      });
    },
  };

  try {
    for (const user of options.users ?? []) await server.createUser(user.name, user.password);
    for (const database of options.databases ?? [])
      await server.createDatabase(database.name, database.members);
  } catch (error) {
    await server.close();
    throw error;
  }
  return server;
}
