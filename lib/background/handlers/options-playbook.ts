/**
 * Saving the playbook edited in options. The background validates it (the editor's checks are a
 * courtesy, this one is the rule), then in one transaction moves the accounts of removed stages to the
 * stages the rep named (recording a stage event per account), checks that no account is left in a stage
 * the playbook lacks, and stores the playbook; then it tells every open panel, which reload it. The
 * editor also asks how many accounts carry each industry, before the rep removes one.
 */
import { countAccountsByIndustry } from '../../db/accounts';
import { moveDealsBetweenStages, StagesNeedAHome } from '../../db/stage-moves';
import { sendMessage } from '../../messaging/messenger';
import type { SavePlaybookResult, StageMove } from '../../messaging/protocol';
import type { Handlers } from '../router';
import { parsePlaybook } from '../../playbook/schema';
import { broadcastDataChanged } from '../broadcast';
import { database } from '../db-connection';
import { privateItemsDb } from '../private-items-db';

/** Enough to say what is wrong in any file; a file with thousands of problems is not worth listing. */
const MAX_ERRORS_RETURNED = 200;

export async function savePlaybook(
  request: { playbook: unknown; stageMoves: StageMove[] },
  now = Date.now(),
): Promise<SavePlaybookResult> {
  const parsed = parsePlaybook(request.playbook);
  if (!parsed.ok)
    return { ok: false, reason: 'invalid', errors: parsed.errors.slice(0, MAX_ERRORS_RETURNED) };
  const { playbook } = parsed;

  const stageIds = new Set(playbook.stages.map((stage) => stage.id));
  const badMoves = request.stageMoves.filter((move) => stageIds.has(move.from) || !stageIds.has(move.to));
  if (badMoves.length > 0) {
    return { ok: false, reason: 'invalid-moves', stageIds: badMoves.map((move) => move.from) };
  }

  let moved;
  try {
    moved = await moveDealsBetweenStages(
      await privateItemsDb(),
      request.stageMoves,
      now,
      () => crypto.randomUUID(),
      playbook,
    );
  } catch (error) {
    if (error instanceof StagesNeedAHome) {
      return { ok: false, reason: 'stages-need-a-home', stageIds: error.stageIds };
    }
    throw error;
  }

  sendMessage('playbookChanged', {}).catch(() => undefined);
  const movedKeys = moved.flatMap((move) => move.accountKeys);
  if (movedKeys.length > 0) broadcastDataChanged({ accountKeys: movedKeys });
  return { ok: true, movedDeals: moved.reduce((sum, move) => sum + move.dealIds.length, 0) };
}

export const optionsPlaybookHandlers = {
  savePlaybook: (request) => savePlaybook(request),
  countAccountsByIndustry: async () => countAccountsByIndustry(await database()),
} satisfies Partial<Handlers>;
