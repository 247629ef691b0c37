// @vitest-environment node
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionOutcome, type ServerAnswer } from '../../../lib/sync/connection-problem';
import { startCouchServer, type CouchDoc, type CouchServer } from '../../support/couch-server';

const require = createRequire(import.meta.url);

/** The part of PouchDB these tests use (its packages ship no types). */
interface Pouch {
  put(doc: CouchDoc): Promise<{ rev: string }>;
  get(id: string): Promise<CouchDoc>;
  replicate: {
    to(target: Pouch): Promise<{ ok: boolean; docs_written: number }>;
    from(source: Pouch): Promise<{ ok: boolean; docs_written: number }>;
  };
  destroy(): Promise<unknown>;
}
interface PouchStatic {
  new (name: string, options?: Record<string, unknown>): Pouch;
  plugin(plugin: unknown): PouchStatic;
  prototype: object;
}

function clientPouch(): PouchStatic {
  let PouchDB = require('pouchdb-core') as PouchStatic;
  PouchDB = PouchDB.plugin(require('pouchdb-adapter-memory')).plugin(require('pouchdb-adapter-http'));
  // The replication plugin can be installed once per process.
  if (!('replicate' in PouchDB.prototype)) PouchDB = PouchDB.plugin(require('pouchdb-replication'));
  return PouchDB;
}

const rep = { name: 'rep', password: 'rep-secret' };
const outsider = { name: 'outsider', password: 'outsider-secret' };

function basic(user: { name: string; password: string }) {
  return { authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}` };
}

/** One GET of a database's address, as "Test connection" asks it. */
async function ask(server: CouchServer, database: string, user?: { name: string; password: string }) {
  const response = await fetch(`${server.url}/${database}`, { headers: user ? basic(user) : {} });
  const answer: ServerAnswer = { status: response.status, body: await response.text() };
  return connectionOutcome(answer, user !== undefined);
}

describe('the CouchDB test server', () => {
  let server: CouchServer;

  beforeAll(async () => {
    server = await startCouchServer({
      users: [rep, outsider],
      databases: [{ name: 'dealside', members: ['rep'] }],
    });
  }, 30_000);

  afterAll(async () => {
    await server?.close();
  });

  it('listens on this computer only, on the port it names', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('answers "Test connection" as the connection outcomes expect', async () => {
    expect(await ask(server, 'dealside')).toBe('sign-in-needed');
    expect(await ask(server, 'dealside', { name: 'rep', password: 'wrong' })).toBe('wrong-password');
    expect(await ask(server, 'dealside', outsider)).toBe('no-permission');
    expect(await ask(server, 'nothing-here', rep)).toBe('no-such-database');
    expect(await ask(server, 'dealside', rep)).toBe('connected');
  });

  it('keeps a database created without members to the admin', async () => {
    await server.createDatabase('admins-only', []);
    expect(await ask(server, 'admins-only', rep)).toBe('no-permission');
    expect(await ask(server, 'admins-only', server.admin)).toBe('connected');
  });

  it('replicates both ways with a PouchDB client signing in with Basic auth', async () => {
    const PouchDB = clientPouch();
    const local = new PouchDB(`couch-server-test-${Date.now()}`, { adapter: 'memory' });
    const remote = new PouchDB(`${server.url}/dealside`, {
      adapter: 'http',
      auth: { username: rep.name, password: rep.password },
    });
    try {
      await local.put({ _id: 'notes:1', body: 'Asked about the budget' });
      const pushed = await local.replicate.to(remote);
      expect(pushed).toMatchObject({ ok: true, docs_written: 1 });
      expect(await server.getDoc('dealside', 'notes:1')).toMatchObject({ body: 'Asked about the budget' });

      await server.put('dealside', { _id: 'notes:2', body: 'Written by a teammate' });
      const pulled = await local.replicate.from(remote);
      expect(pulled).toMatchObject({ ok: true, docs_written: 1 });
      expect(await local.get('notes:2')).toMatchObject({ body: 'Written by a teammate' });
    } finally {
      await local.destroy();
    }
  });

  it('seeds conflicts and shows them', async () => {
    await server.bulkDocs(
      'dealside',
      [
        { _id: 'deals:1', _rev: '1-aaa', stage: 'qualify' },
        { _id: 'deals:1', _rev: '1-bbb', stage: 'propose' },
      ],
      { newEdits: false },
    );
    const deal = await server.getDoc('dealside', 'deals:1', { conflicts: true });
    expect(deal?._rev).toBe('1-bbb');
    expect(deal?._conflicts).toEqual(['1-aaa']);
    const listed = (await server.allDocs('dealside')).find((doc) => doc._id === 'deals:1');
    expect(listed?._conflicts).toEqual(['1-aaa']);
    expect(await server.getDoc('dealside', 'deals:404')).toBeUndefined();
  });

  it('goes away on stop(), cutting a long poll, and comes back with its data on start()', async () => {
    await server.put('dealside', { _id: 'accounts:1', name: 'Acme' });
    // A replication waiting for the next change holds its request open.
    const longPoll = fetch(`${server.url}/dealside/_changes?feed=longpoll&since=now`, {
      headers: basic(rep),
    }).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 100));

    await server.stop();
    expect(server.running).toBe(false);
    await expect(longPoll).rejects.toThrow();
    const refused = await fetch(`${server.url}/dealside`, { headers: basic(rep) }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((refused as { cause?: { code?: string } } | undefined)?.cause?.code).toBe('ECONNREFUSED');
    expect(connectionOutcome(undefined, true)).toBe('cannot-reach');
    // The helpers still reach the data while the server is off the network.
    expect(await server.getDoc('dealside', 'accounts:1')).toMatchObject({ name: 'Acme' });

    const port = server.port;
    await server.start();
    expect(server.port).toBe(port);
    expect(await ask(server, 'dealside', rep)).toBe('connected');
    const response = await fetch(`${server.url}/dealside/accounts:1`, { headers: basic(rep) });
    expect(await response.json()).toMatchObject({ name: 'Acme' });
  });
});
