/**
 * Which SPIN questions to suggest next for an account. SPIN runs Situation → Problem → Implication →
 * Need-payoff: early in a deal the rep is still learning the situation and its problems; later the rep
 * builds the cost of those problems and the value of solving them. Suggestions follow that order but
 * always mix types, so a rep sees the next step of the conversation, not four variants of one question.
 */
import { GENERAL_INDUSTRY, type IndustryId, type Playbook, type SpinQuestion, type SpinType } from './schema';

/** Stages at these positions (playbook order) count as early. */
const EARLY_STAGE_COUNT = 2;

const EARLY_ORDER: readonly SpinType[] = ['S', 'P', 'I', 'N'];
const LATE_ORDER: readonly SpinType[] = ['I', 'N', 'P', 'S'];

export interface SpinSuggestionOptions {
  stageId: string;
  /** The account's industry; `general` questions are always included after the industry's own. */
  industry: IndustryId;
  /** Questions already asked of this account; never suggested again. */
  askedIds: ReadonlySet<string> | readonly string[];
  /** How many to return. Default 4. */
  count?: number;
  /** Skips this many suggestions, for a "more" button. Default 0. */
  offset?: number;
}

/**
 * Preferred SPIN type order for a stage: the first two stages of the playbook favour Situation and
 * Problem questions, later stages Implication and Need-payoff. An unknown stage gets the plain SPIN order.
 */
export function spinTypeOrderForStage(playbook: Playbook, stageId: string): SpinType[] {
  const index = playbook.stages.findIndex((stage) => stage.id === stageId);
  return index >= EARLY_STAGE_COUNT ? [...LATE_ORDER] : [...EARLY_ORDER];
}

/**
 * Every question worth asking in this stage for this industry, best first: round-robin over the stage's
 * preferred type order; within a type, the industry's own questions before general ones, then playbook
 * order. Deterministic.
 */
export function rankSpinQuestions(
  playbook: Playbook,
  options: Pick<SpinSuggestionOptions, 'stageId' | 'industry' | 'askedIds'>,
): SpinQuestion[] {
  const { stageId, industry } = options;
  if (!playbook.stages.some((stage) => stage.id === stageId)) return [];

  const asked: ReadonlySet<string> =
    options.askedIds instanceof Set ? options.askedIds : new Set(options.askedIds);

  const buckets = new Map<SpinType, SpinQuestion[]>();
  const order = spinTypeOrderForStage(playbook, stageId);
  for (const type of order) buckets.set(type, []);

  // Industry-specific first, then general; Array.prototype.filter keeps playbook order within each.
  const eligible = playbook.questions.filter((q) => q.stages.includes(stageId) && !asked.has(q.id));
  const ownIndustry = industry === GENERAL_INDUSTRY ? [] : eligible.filter((q) => q.industry === industry);
  const general = eligible.filter((q) => q.industry === GENERAL_INDUSTRY);
  for (const question of [...ownIndustry, ...general]) buckets.get(question.type)?.push(question);

  const ranked: SpinQuestion[] = [];
  for (let round = 0; ; round++) {
    let added = false;
    for (const type of order) {
      const question = buckets.get(type)?.[round];
      if (question) {
        ranked.push(question);
        added = true;
      }
    }
    if (!added) break;
  }
  return ranked;
}

/** The next `count` questions to suggest, starting at `offset` in the ranking. */
export function suggestSpinQuestions(playbook: Playbook, options: SpinSuggestionOptions): SpinQuestion[] {
  const count = nonNegativeInteger(options.count ?? 4);
  const offset = nonNegativeInteger(options.offset ?? 0);
  if (count === 0) return [];
  return rankSpinQuestions(playbook, options).slice(offset, offset + count);
}

/** NaN and negatives → 0; fractions round down; Infinity stays (meaning "all"). */
function nonNegativeInteger(value: number): number {
  return Number.isNaN(value) || value <= 0 ? 0 : Math.floor(value);
}
