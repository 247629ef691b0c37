/**
 * How the stage, checklist and SPIN sections read a deal and its account against the playbook: which
 * stage the deal is in (the playbook may have dropped it since), which industry the account is, and the
 * UI text keys for the playbook's fixed vocabularies.
 */
import type { MessageKey } from '@/lib/i18n';
import type { AccountRecord, DealRecord } from '@/lib/db/records';
import type { PanelState } from '@/lib/messaging/protocol';
import { followedIndustry } from '@/lib/playbook/industries';
import type { DealProgress } from '@/lib/playbook/role-coverage';
import type { IndustryId, Playbook, SpinType, Stage } from '@/lib/playbook/schema';

export type StagePlace =
  /** The rep has not set a stage (the account has no deal yet). */
  | { kind: 'none' }
  /** The deal names a stage the playbook no longer has. */
  | { kind: 'removed'; stageId: string }
  | { kind: 'known'; stage: Stage; index: number; next: Stage | undefined };

export function stagePlace(playbook: Playbook, deal: Pick<DealRecord, 'stageId'> | null): StagePlace {
  const stageId = deal?.stageId;
  if (!stageId) return { kind: 'none' };
  const index = playbook.stages.findIndex((stage) => stage.id === stageId);
  const stage = playbook.stages[index];
  if (!stage) return { kind: 'removed', stageId };
  return { kind: 'known', stage, index, next: playbook.stages[index + 1] };
}

/**
 * The stage the panel suggests for (SPIN questions, email templates): the shown deal's, or the
 * playbook's first until the rep sets one (or when the playbook dropped it). The one place that says
 * which stage the page's work is in.
 */
export function workingStage(
  playbook: Playbook,
  deal: Pick<DealRecord, 'stageId'> | null,
): Stage | undefined {
  const place = stagePlace(playbook, deal);
  return place.kind === 'known' ? place.stage : playbook.stages[0];
}

/**
 * The account's name as people read it: the one the rep gave it, else, for a company or deal record
 * keyed by its website, the record's own title. Undefined when only the domain is known.
 */
export function accountName(state: Pick<PanelState, 'account' | 'page'>): string | undefined {
  const { account } = state;
  return account?.record?.displayName ?? (account?.source === 'website' ? state.page?.title : undefined);
}

/** The stage and ticked checklist the buying group is read against (which roles are still unknown). */
export function shownDealProgress(deal: DealRecord | null): DealProgress {
  return {
    ...(deal?.stageId ? { stageId: deal.stageId } : {}),
    checklist: deal?.checklist ?? {},
  };
}

/**
 * The industry whose process the account follows; accounts without one, or with one the playbook no
 * longer lists, follow the general process (and keep what they store).
 */
export function accountIndustry(playbook: Playbook, record: AccountRecord | null): IndustryId {
  return followedIndustry(playbook, record?.industry);
}

export const SPIN_TYPE_LABELS: Record<SpinType, MessageKey> = {
  S: 'spinTypeS',
  P: 'spinTypeP',
  I: 'spinTypeI',
  N: 'spinTypeN',
};

export const SPIN_TYPE_HINTS: Record<SpinType, MessageKey> = {
  S: 'spinTypeSHint',
  P: 'spinTypePHint',
  I: 'spinTypeIHint',
  N: 'spinTypeNHint',
};
