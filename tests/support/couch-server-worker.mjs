/**
 * The thread behind tests/support/couch-server.ts: express-pouchdb over in-memory PouchDB databases. It
 * runs apart from the code under test because express-pouchdb installs its plugins (authentication,
 * security, an older pouchdb-find) on the PouchDB class it is given, and PouchDB plugins are process-wide:
 * here they cannot meet the PouchDB the sync code sets up, and ending the thread frees everything.
 *
 * workerData: { port, admin: { name, password } }. Posts { type: 'ready', port, adminPort } once both
 * listeners are up, then answers { id, port } or { id, error } to { id, type: 'start' | 'stop' }.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const HOST = '127.0.0.1';

const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  // express-pouchdb's security wraps `db.replicate`, which this plugin provides.
  .plugin(require('pouchdb-replication'))
  .defaults({ adapter: 'memory' });

const app = require('express-pouchdb')({
  mode: 'fullCouchDB',
  // Without these two, express-pouchdb writes ./config.json and appends to ./log.txt in the working
  // directory.
  inMemoryConfig: true,
  logPath: os.devNull,
  overrideMode: {
    // Fauxton's web pages, the log's routes, and replication run by the server: none is part of syncing.
    exclude: ['routes/fauxton', 'routes/log', 'routes/http-log', 'replicator', 'routes/replicate'],
  },
});

/** @param {string} section @param {string} key @param {string} value */
function setConfig(section, key, value) {
  return new Promise((resolve, reject) => {
    app.couchConfig.set(section, key, value, (/** @type {unknown} */ error) =>
      error ? reject(error) : resolve(undefined),
    );
  });
}

/** @param {import('node:http').Server} server @param {number} port @returns {Promise<number>} */
function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Stops listening and cuts open connections, long-polling `_changes` requests included. */
function shutDown(/** @type {import('node:http').Server} */ server) {
  return new Promise((resolve) => {
    server.close(() => resolve(undefined));
    server.closeAllConnections();
  });
}

await setConfig('log', 'level', 'none');
// Set before the databases open: from here on nobody is an admin without the password ("admin party").
await setConfig('admins', workerData.admin.name, workerData.admin.password);
await app.setPouchDB(PouchDB);

const handler = (/** @type {any} */ req, /** @type {any} */ res) => app(req, res);
const adminListener = createServer(handler);
const adminPort = await listen(adminListener, 0);

/** @type {import('node:http').Server | undefined} */
let publicListener;
let port = workerData.port;

async function start() {
  if (publicListener) return;
  const listener = createServer(handler);
  port = await listen(listener, port);
  publicListener = listener;
}

async function stop() {
  const listener = publicListener;
  publicListener = undefined;
  if (listener) await shutDown(listener);
}

await start();
parentPort?.postMessage({ type: 'ready', port, adminPort });

parentPort?.on('message', (/** @type {{ id: number; type: 'start' | 'stop' }} */ message) => {
  (message.type === 'start' ? start() : stop()).then(
    () => parentPort?.postMessage({ id: message.id, port }),
    (/** @type {unknown} */ error) => parentPort?.postMessage({ id: message.id, error: String(error) }),
  );
});
