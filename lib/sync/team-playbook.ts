/**
 * The team's playbook on the sync server: one document, `playbook:team`, that any rep on the database
 * can publish (a team lead, usually) and every rep receives. A rep who never changed their playbook
 * (or still has the team's last one) gets the new one at once; one who edited their own is asked first.
 */
import type { Author } from '../db/records';
import type { Playbook } from '../playbook/schema';

export const TEAM_PLAYBOOK_DOC_ID = 'playbook:team';

export interface TeamPlaybookDocBody {
  type: 'playbook';
  playbook: unknown;
  publishedAt: number;
  publishedBy?: Author;
}

/**
 * - `adopted`: this browser uses it (received untouched, chosen by the rep, or published here).
 * - `waiting`: the rep has edited their own playbook; options asks whether to use the team's.
 * - `kept-own`: the rep chose to keep their own.
 */
export type TeamPlaybookState = 'adopted' | 'waiting' | 'kept-own';

export interface TeamPlaybookView {
  publishedAt: number;
  publishedBy?: Author;
  state: TeamPlaybookState;
  playbook: Playbook;
}

export type PublishPlaybookResult = { ok: true; publishedAt: number } | { ok: false; reason: 'sync-off' };
