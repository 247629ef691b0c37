/**
 * Win probability per stage: the chance that a deal in the stage is won, which the forecast weighs open
 * deals by. A stage states its own (`probability`, whole percent); a stage without one — every stage of a
 * playbook file written before forecasts, or a stage added in the editor and left blank — takes the
 * common-practice figure for its position: 10, 20, 40, 60, 80 % for the first five stages, and 80 % for
 * any stage after the fifth (a probability only a won deal has, 100 %, is never guessed).
 */
import type { Playbook, Stage } from './schema';

/** The usual B2B stage weights, by position in the pipeline. */
export const COMMON_STAGE_PROBABILITIES: readonly number[] = [10, 20, 40, 60, 80];

/** The probability, in percent, a stage at `index` gets when it states none. */
export function defaultStageProbability(index: number): number {
  const last = COMMON_STAGE_PROBABILITIES.length - 1;
  return COMMON_STAGE_PROBABILITIES[Math.min(Math.max(0, index), last)]!;
}

/** A stage's own probability, else its position's. */
export function stageProbability(stage: Pick<Stage, 'probability'>, index: number): number {
  return stage.probability ?? defaultStageProbability(index);
}

/** Every stage's probability in percent, by stage id. */
export function stageProbabilities(playbook: Pick<Playbook, 'stages'>): Map<string, number> {
  return new Map(playbook.stages.map((stage, index) => [stage.id, stageProbability(stage, index)]));
}
