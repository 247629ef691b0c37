import { describe, expect, it } from 'vitest';
import { checkSyncServer, hostPermissionFor } from '../../../lib/sync/server-address';

describe('the sync server address', () => {
  it('accepts an HTTPS server, also under a path, and names its origin and database address', () => {
    expect(checkSyncServer(' https://couch.example.com ', 'dealside-team')).toEqual({
      ok: true,
      server: {
        origin: 'https://couch.example.com',
        baseUrl: 'https://couch.example.com/',
        database: 'dealside-team',
        databaseUrl: 'https://couch.example.com/dealside-team',
      },
    });
    const proxied = checkSyncServer('https://example.com:6984/couch', 'team/sales');
    expect(proxied).toMatchObject({
      ok: true,
      server: {
        origin: 'https://example.com:6984',
        databaseUrl: 'https://example.com:6984/couch/team%2Fsales',
      },
    });
  });

  it('allows plain HTTP only on this computer', () => {
    for (const address of ['http://localhost:5984', 'http://127.0.0.1:5984/'])
      expect(checkSyncServer(address, 'dealside').ok).toBe(true);
    for (const address of [
      'http://couch.example.com',
      'http://192.168.1.20:5984',
      'http://localhost.example.com',
    ])
      expect(checkSyncServer(address, 'dealside')).toEqual({ ok: false, problem: 'not-https' });
  });

  it('says what is wrong with an address it cannot use', () => {
    expect(checkSyncServer('couch.example.com', 'd')).toEqual({ ok: false, problem: 'not-an-address' });
    expect(checkSyncServer('ftp://couch.example.com', 'd')).toEqual({ ok: false, problem: 'not-an-address' });
    expect(checkSyncServer('https://rep:secret@couch.example.com', 'd')).toEqual({
      ok: false,
      problem: 'credentials-in-address',
    });
    expect(checkSyncServer('https://couch.example.com/?a=1', 'd')).toEqual({
      ok: false,
      problem: 'query-in-address',
    });
  });

  it('takes database names as CouchDB does', () => {
    for (const name of ['dealside', 'team_2027', 'a$()+-/b'])
      expect(checkSyncServer('https://couch.example.com', name).ok).toBe(true);
    for (const name of ['', 'Dealside', '_users', '2027-team', 'team name', 'x'.repeat(239)])
      expect(checkSyncServer('https://couch.example.com', name)).toEqual({
        ok: false,
        problem: 'bad-database-name',
      });
  });

  it('asks for the one host, on any port', () => {
    const check = checkSyncServer('http://localhost:5984', 'dealside');
    if (!check.ok) throw new Error('expected a usable address');
    expect(hostPermissionFor(check.server)).toBe('http://localhost/*');
  });
});
