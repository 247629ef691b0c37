/**
 * What this browser knows of the team's playbook (lib/sync/team-playbook.ts), kept in the background's
 * private items as `syncTeamPlaybook`: the last one received or published, and what the rep did with it.
 */
import { z } from 'zod';
import { changePrivateItems, readPrivateItem } from '../../db/private-items';
import type { Db } from '../../db/open';
import { authorSchema } from '../../db/records';
import { DEFAULT_PLAYBOOK } from '../../playbook/default-playbook';
import { parsePlaybook, type Playbook } from '../../playbook/schema';
import { sameJson } from '../../sync/documents';
import type { TeamPlaybookDocBody, TeamPlaybookState, TeamPlaybookView } from '../../sync/team-playbook';
import type { Doc } from './pouch-api';

export const TEAM_PLAYBOOK_ITEM = 'syncTeamPlaybook';

const storedSchema = z.object({
  rev: z.string(),
  publishedAt: z.number(),
  publishedBy: authorSchema.optional(),
  state: z.enum(['adopted', 'waiting', 'kept-own']),
  playbook: z.unknown(),
});
type Stored = z.infer<typeof storedSchema>;

async function readStored(db: Db): Promise<Stored | undefined> {
  const parsed = storedSchema.safeParse(await readPrivateItem(db, (store) => store.get(TEAM_PLAYBOOK_ITEM)));
  return parsed.success ? parsed.data : undefined;
}

function writeStored(db: Db, stored: Stored): Promise<void> {
  return changePrivateItems(db, async (store) => {
    await store.put(stored, TEAM_PLAYBOOK_ITEM);
  });
}

export async function readTeamPlaybook(db: Db): Promise<TeamPlaybookView | null> {
  const stored = await readStored(db);
  const parsed = stored && parsePlaybook(stored.playbook);
  if (!stored || !parsed?.ok) return null;
  return {
    publishedAt: stored.publishedAt,
    ...(stored.publishedBy ? { publishedBy: stored.publishedBy } : {}),
    state: stored.state,
    playbook: parsed.playbook,
  };
}

/** The rep's answer to a waiting team playbook (after options saved it, for `adopted`). */
export async function settleTeamPlaybook(
  db: Db,
  publishedAt: number,
  state: Exclude<TeamPlaybookState, 'waiting'>,
): Promise<TeamPlaybookView | null> {
  const stored = await readStored(db);
  if (stored && stored.publishedAt === publishedAt) await writeStored(db, { ...stored, state });
  return readTeamPlaybook(db);
}

/** A playbook this browser published: it is the one it uses, nothing to ask. */
export function rememberPublished(db: Db, rev: string, body: TeamPlaybookDocBody): Promise<void> {
  return writeStored(db, {
    rev,
    publishedAt: body.publishedAt,
    ...(body.publishedBy ? { publishedBy: body.publishedBy } : {}),
    state: 'adopted',
    playbook: body.playbook,
  });
}

export interface PlaybookAccess {
  current(): Promise<Playbook>;
  /** Saves it as the rep's playbook; false when it cannot be saved as is (deals in stages it lacks). */
  adopt(playbook: Playbook): Promise<boolean>;
}

/**
 * A team playbook from the server. Taken at once by a rep whose playbook is the default or the team's
 * last one; otherwise left waiting for the rep's answer in options. Returns what happened.
 */
export async function receiveTeamPlaybook(
  db: Db,
  doc: Doc<TeamPlaybookDocBody>,
  playbooks: PlaybookAccess,
): Promise<'same' | 'invalid' | TeamPlaybookState> {
  const stored = await readStored(db);
  if (stored?.rev === doc._rev) return 'same';
  const parsed = parsePlaybook(doc.playbook);
  if (!parsed.ok || typeof doc.publishedAt !== 'number') {
    console.warn(
      '[dealside] sync: the team playbook on the server is not valid',
      parsed.ok ? '' : parsed.errors[0],
    );
    return 'invalid';
  }
  const current = await playbooks.current();
  const untouched =
    current === DEFAULT_PLAYBOOK || (stored?.state === 'adopted' && sameJson(current, stored.playbook));
  const state: TeamPlaybookState =
    untouched && (await playbooks.adopt(parsed.playbook)) ? 'adopted' : 'waiting';
  const publishedBy = authorSchema.safeParse(doc.publishedBy);
  await writeStored(db, {
    rev: doc._rev ?? '',
    publishedAt: doc.publishedAt,
    ...(publishedBy.success && doc.publishedBy ? { publishedBy: publishedBy.data } : {}),
    state,
    playbook: parsed.playbook,
  });
  return state;
}
