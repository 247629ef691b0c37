import { describe, expect, it } from 'vitest';
import { receivedAlias } from '../../../lib/sync/account-alias';

describe('receivedAlias', () => {
  it('reads a merge, and a deletion as the alias removed', () => {
    expect(
      receivedAlias('alias:acme-gmbh.de', {
        type: 'account-alias',
        from: 'acme-gmbh.de',
        into: 'acme.com',
      } as never),
    ).toEqual({ ok: true, alias: { from: 'acme-gmbh.de', into: 'acme.com' } });
    expect(receivedAlias('alias:acme-gmbh.de', { _deleted: true })).toEqual({
      ok: true,
      alias: { from: 'acme-gmbh.de', into: undefined },
    });
  });

  it('refuses a malformed alias, one naming another account than its id, and a loop', () => {
    const refused = (doc: object) => receivedAlias('alias:acme-gmbh.de', doc as never).ok;
    expect(refused({ type: 'account-alias', from: 'acme-gmbh.de' })).toBe(false);
    expect(refused({ type: 'account-alias', from: 'other.com', into: 'acme.com' })).toBe(false);
    expect(refused({ type: 'account-alias', from: 'acme-gmbh.de', into: 'acme-gmbh.de' })).toBe(false);
    expect(refused({ type: 'note', from: 'acme-gmbh.de', into: 'acme.com' })).toBe(false);
    expect(refused({ type: 'account-alias', from: 'acme-gmbh.de', into: 'x'.repeat(400) })).toBe(false);
  });
});
