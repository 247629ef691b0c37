/**
 * `npm run sync-server`: a CouchDB-protocol server on this computer for trying sync by hand, with the
 * database `dealside` and its one member `rep`. Its data lives in memory until Ctrl-C.
 *
 *   --port=N          listen on 127.0.0.1:N (default 5984, CouchDB's own)
 *   --password=TEXT   rep's password (default: a new random one each run)
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startCouchServer } from '../tests/support/couch-server';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '5984' }, password: { type: 'string' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${values.port}`);
const rep = { name: 'rep', password: values.password ?? randomBytes(9).toString('base64url') };

const server = await startCouchServer({
  port,
  users: [rep],
  databases: [{ name: 'dealside', members: [rep.name] }],
});

console.log(`Sync server: ${server.url}
  database:  dealside
  user name: ${rep.name}
  password:  ${rep.password}
  (server admin: ${server.admin.name} / ${server.admin.password})
Enter these in Dealside's options under Sync. The data is kept in memory until Ctrl-C.`);

process.once('SIGINT', () => {
  void server.close().then(() => process.exit(0));
});
