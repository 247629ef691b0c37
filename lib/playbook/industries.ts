/**
 * Which part of the playbook an account follows, by its industry. A stage's checklist and cadence may
 * have a variant per industry; every reader (the panel's checklist, the cadence proposed on a stage
 * change, the editor) asks these functions, so the rule lives in one place: the industry's own variant
 * when there is one, else the general one.
 */
import {
  GENERAL_INDUSTRY,
  type Cadence,
  type ChecklistItem,
  type IndustryId,
  type Playbook,
  type Stage,
} from './schema';

/**
 * The industry an account follows: the one it stores when the playbook lists it, else `general` (no
 * industry yet, or one the playbook has dropped since; the account keeps its stored value).
 */
export function followedIndustry(playbook: Playbook, stored: string | undefined): IndustryId {
  return stored !== undefined && playbook.industries.some((industry) => industry.id === stored)
    ? stored
    : GENERAL_INDUSTRY;
}

/** The stage's variant for the industry, when it has its own. */
export function ownChecklist(stage: Stage, industry: IndustryId): ChecklistItem[] | undefined {
  const variants = stage.industryChecklists;
  // `hasOwn`: an industry id such as "constructor" must not find Object.prototype's.
  return variants && Object.hasOwn(variants, industry) ? variants[industry] : undefined;
}

/** The checklist of `stage` for accounts of `industry`. */
export function checklistFor(stage: Stage, industry: IndustryId): ChecklistItem[] {
  return ownChecklist(stage, industry) ?? stage.checklist;
}

/** Where in `cadences` the one for exactly this stage and industry is (`general`: the one without); -1 if none. */
export function ownCadenceIndex(playbook: Playbook, stageId: string, industry: IndustryId): number {
  return playbook.cadences.findIndex(
    (cadence) => cadence.stageId === stageId && (cadence.industry ?? GENERAL_INDUSTRY) === industry,
  );
}

/** The cadence written for exactly this stage and industry (`general`: the one without an industry). */
export function ownCadence(playbook: Playbook, stageId: string, industry: IndustryId): Cadence | undefined {
  return playbook.cadences[ownCadenceIndex(playbook, stageId, industry)];
}

/** The cadence entering `stageId` proposes for accounts of `industry`; undefined when there is none. */
export function cadenceFor(playbook: Playbook, stageId: string, industry: IndustryId): Cadence | undefined {
  return ownCadence(playbook, stageId, industry) ?? ownCadence(playbook, stageId, GENERAL_INDUSTRY);
}
