/**
 * Saving the playbook edited in options. The background validates it (the editor's checks are a
 * courtesy, this one is the rule), moves the accounts of removed stages to the stages the rep named —
 * in one transaction, recording a stage event per account — then stores the playbook and tells every
 * open panel, which reload it.
 */
import { countAccountsInStages, moveAccountsBetweenStages } from '../../db/stage-moves';
import { sendMessage } from '../../messaging/messenger';
import type { SavePlaybookResult, StageMove } from '../../messaging/protocol';
import { parsePlaybook } from '../../playbook/schema';
import { broadcastDataChanged } from '../broadcast';
import { database } from '../database';
import { readPlaybook, writePlaybook } from '../playbook-store';
import { handle } from '../router';

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

  const db = await database();
  const previous = await readPlaybook();
  const moving = new Set(request.stageMoves.map((move) => move.from));
  const unplaced = previous.stages
    .map((stage) => stage.id)
    .filter((id) => !stageIds.has(id) && !moving.has(id));
  if (unplaced.length > 0) {
    const counts = await countAccountsInStages(db, unplaced);
    const holding = unplaced.filter((id) => (counts.get(id) ?? 0) > 0);
    if (holding.length > 0) return { ok: false, reason: 'stages-need-a-home', stageIds: holding };
  }

  const moved =
    request.stageMoves.length > 0
      ? await moveAccountsBetweenStages(db, request.stageMoves, now, () => crypto.randomUUID())
      : [];
  await writePlaybook(playbook);

  sendMessage('playbookChanged', {}).catch(() => undefined);
  const movedKeys = moved.flatMap((move) => move.accountKeys);
  if (movedKeys.length > 0) broadcastDataChanged({ accountKeys: movedKeys });
  return { ok: true, movedAccounts: movedKeys.length };
}

export function registerPlaybook(): void {
  handle('savePlaybook', 'extension-page', (request) => savePlaybook(request));
}
