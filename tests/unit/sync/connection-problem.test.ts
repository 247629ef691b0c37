import { describe, expect, it } from 'vitest';
import { connectionOutcome } from '../../../lib/sync/connection-problem';

const json = (status: number, body: unknown) => ({ status, body: JSON.stringify(body) });

describe('what "Test connection" found', () => {
  it('is connected when the database answers its info', () => {
    expect(connectionOutcome(json(200, { db_name: 'dealside', update_seq: '0-g1' }), true)).toBe('connected');
  });

  it('tells a refused password from a missing one and from a missing membership', () => {
    const badPassword = json(401, { error: 'unauthorized', reason: 'Name or password is incorrect.' });
    expect(connectionOutcome(badPassword, true)).toBe('wrong-password');
    const required = json(401, { error: 'unauthorized', reason: 'Authentication required.' });
    expect(connectionOutcome(required, false)).toBe('sign-in-needed');
    // Apache CouchDB refuses a signed-in non-member with 403; other servers with 401.
    const forbidden = json(403, { error: 'forbidden', reason: 'You are not allowed to access this db.' });
    expect(connectionOutcome(forbidden, true)).toBe('no-permission');
    const notMember = json(401, {
      error: 'unauthorized',
      reason: 'You are not authorized to access this db.',
    });
    expect(connectionOutcome(notMember, true)).toBe('no-permission');
  });

  it('says when the database does not exist, the server fails, or nothing answered', () => {
    expect(
      connectionOutcome(json(404, { error: 'not_found', reason: 'Database does not exist.' }), true),
    ).toBe('no-such-database');
    expect(connectionOutcome(json(500, { error: 'unknown_error' }), true)).toBe('server-error');
    expect(connectionOutcome({ status: 502, body: '<html>Bad gateway</html>' }, true)).toBe('server-error');
    expect(connectionOutcome(undefined, true)).toBe('cannot-reach');
  });

  it('says when what answered is not CouchDB', () => {
    expect(connectionOutcome({ status: 200, body: '<!doctype html><title>Welcome</title>' }, true)).toBe(
      'not-couchdb',
    );
    expect(connectionOutcome(json(200, { ok: true }), true)).toBe('not-couchdb');
    expect(connectionOutcome({ status: 404, body: 'Not Found' }, true)).toBe('not-couchdb');
    expect(connectionOutcome({ status: 401, body: '' }, true)).toBe('not-couchdb');
    expect(connectionOutcome(json(302, {}), true)).toBe('not-couchdb');
  });
});
