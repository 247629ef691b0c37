/**
 * How the stage, checklist and SPIN sections read an account against the playbook: which stage it is
 * in (the playbook may have dropped it since), which industry, and the UI text keys for the playbook's
 * fixed vocabularies.
 */
import type { MessageKey } from '@/lib/i18n';
import type { AccountRecord } from '@/lib/db/records';
import { INDUSTRIES, type Industry, type Playbook, type SpinType, type Stage } from '@/lib/playbook/schema';
import type { DealProgress } from '@/lib/playbook/role-coverage';
import type { AccountPanelState } from './types';

export type StagePlace =
  /** The rep has not set a stage for this account. */
  | { kind: 'none' }
  /** The account names a stage the playbook no longer has. */
  | { kind: 'removed'; stageId: string }
  | { kind: 'known'; stage: Stage; index: number; next: Stage | undefined };

export function stagePlace(playbook: Playbook, record: AccountRecord | null): StagePlace {
  const stageId = record?.stageId;
  if (!stageId) return { kind: 'none' };
  const index = playbook.stages.findIndex((stage) => stage.id === stageId);
  const stage = playbook.stages[index];
  if (!stage) return { kind: 'removed', stageId };
  return { kind: 'known', stage, index, next: playbook.stages[index + 1] };
}

/**
 * The stage and ticked checklist the buying group is read against (which roles are still unknown).
 * Today the account holds them; this is the one place that reads them for that purpose.
 */
export function shownDealProgress(state: AccountPanelState): DealProgress {
  const record = state.account.record;
  return {
    ...(record?.stageId ? { stageId: record.stageId } : {}),
    checklist: record?.checklist ?? {},
  };
}

/** The account's industry; accounts without one (or with one this version does not know) are general. */
export function accountIndustry(record: AccountRecord | null): Industry {
  const industry = record?.industry;
  return (INDUSTRIES as readonly string[]).includes(industry ?? '') ? (industry as Industry) : 'general';
}

export const INDUSTRY_LABELS: Record<Industry, MessageKey> = {
  general: 'industryGeneral',
  manufacturing: 'industryManufacturing',
  services: 'industryServices',
  software: 'industrySoftware',
};

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
