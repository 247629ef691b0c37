/**
 * The mirror's one-read `revsDiff` against PouchDB's own on the same database: it may call a revision
 * missing that PouchDB calls present (replication then re-writes it, a no-op), never the other way round.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PouchDatabase, RevsDiffRequest } from '../../../lib/background/sync/pouch-api';
import { nodePouch } from '../../support/node-pouch';
import { answeringRevsDiffInOneRead, revsDiffInOneRead } from '../../../lib/background/sync/revs-diff';

const Pouch = nodePouch();

interface Body {
  text?: string;
}
type Db = PouchDatabase<Body>;

/** Writes a revision with a given history, as replication does (`new_edits: false`). */
async function writeBranch(db: Db, id: string, revs: string[], deleted = false): Promise<void> {
  const hashes = revs.map((rev) => rev.split('-')[1] ?? rev);
  const [newest] = revs.slice(-1);
  await db.bulkDocs(
    [
      {
        _id: id,
        _rev: newest,
        ...(deleted ? { _deleted: true } : { text: newest }),
        _revisions: { start: revs.length, ids: [...hashes].reverse() },
      },
    ],
    { new_edits: false },
  );
}

const rev = (generation: number, tag: string) => `${generation}-${tag.padEnd(32, '0')}`;

/** Every revision the database knows for a document, leaf or not (from its history). */
const KNOWN: Record<string, string[]> = {
  // One line of three edits.
  plain: [rev(1, 'a'), rev(2, 'a'), rev(3, 'a')],
  // Two edits made apart from a common first revision: a conflict.
  conflicted: [rev(1, 'b'), rev(2, 'b'), rev(2, 'c')],
  // Edited, then deleted.
  deleted: [rev(1, 'd'), rev(2, 'd')],
  // A conflict whose losing side was deleted.
  'deleted-loser': [rev(1, 'e'), rev(2, 'e'), rev(2, 'f'), rev(3, 'f')],
};

describe('revsDiffInOneRead', () => {
  let db: Db;
  beforeAll(async () => {
    db = new Pouch<Body>(`revs-diff-${Date.now()}`, { adapter: 'memory' });
    await writeBranch(db, 'plain', KNOWN.plain!);
    await writeBranch(db, 'conflicted', [rev(1, 'b'), rev(2, 'b')]);
    await writeBranch(db, 'conflicted', [rev(1, 'b'), rev(2, 'c')]);
    await writeBranch(db, 'deleted', KNOWN.deleted!, true);
    await writeBranch(db, 'deleted-loser', [rev(1, 'e'), rev(2, 'e')]);
    await writeBranch(db, 'deleted-loser', [rev(1, 'e'), rev(2, 'f'), rev(3, 'f')], true);
  });

  it('calls the live leaves present and an unknown document or revision missing', async () => {
    const answer = await revsDiffInOneRead(db, {
      plain: [rev(3, 'a'), rev(4, 'z')],
      conflicted: [rev(2, 'b'), rev(2, 'c')],
      absent: [rev(1, 'q')],
    });
    expect(answer).toEqual({ plain: { missing: [rev(4, 'z')] }, absent: { missing: [rev(1, 'q')] } });
    expect(await revsDiffInOneRead(db, {})).toEqual({});
  });

  it('never calls a revision present that PouchDB calls missing, and over-reports only revisions the tree holds', async () => {
    const ids = [...Object.keys(KNOWN), 'absent'];
    const unknown = [rev(1, 'x'), rev(5, 'y'), rev(3, 'a9')];
    const requestArbitrary = fc.dictionary(
      fc.constantFrom(...ids),
      fc.uniqueArray(fc.constantFrom(...Object.values(KNOWN).flat(), ...unknown), { minLength: 1 }),
    );
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (request: RevsDiffRequest) => {
        const ours = await revsDiffInOneRead(db, request);
        const pouchs = await (
          db as unknown as { revsDiff(r: RevsDiffRequest): Promise<typeof ours> }
        ).revsDiff(request);
        for (const id of Object.keys(request)) {
          const oursMissing = new Set(ours[id]?.missing ?? []);
          const pouchMissing = pouchs[id]?.missing ?? [];
          for (const missing of pouchMissing) expect(oursMissing.has(missing)).toBe(true);
          for (const extra of oursMissing) {
            if (pouchMissing.includes(extra)) continue;
            expect(KNOWN[id] ?? []).toContain(extra);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('calls everything missing without a read while a pull fills an empty mirror', async () => {
    let pullingIntoEmpty = true;
    const mirror = answeringRevsDiffInOneRead(
      new Pouch<Body>(`revs-diff-fresh-${Date.now()}`, { adapter: 'memory' }),
      () => pullingIntoEmpty,
    );
    await writeBranch(mirror, 'plain', KNOWN.plain!);
    const request = { plain: [rev(3, 'a')], absent: [rev(1, 'q')] };
    expect(await mirror.revsDiff(request)).toEqual({
      plain: { missing: [rev(3, 'a')] },
      absent: { missing: [rev(1, 'q')] },
    });
    pullingIntoEmpty = false;
    expect(await mirror.revsDiff(request)).toEqual({ absent: { missing: [rev(1, 'q')] } });
  });
});
