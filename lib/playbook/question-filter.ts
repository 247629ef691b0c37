/**
 * Narrowing a large question bank (the default has 90+) to what the rep is working on: by stage, SPIN
 * type, industry and words in either language. Positions in the full bank are kept, since validation
 * errors are reported by them.
 */
import type { IndustryId, SpinQuestion, SpinType } from './schema';

export interface QuestionFilter {
  stageId?: string;
  type?: SpinType;
  industry?: IndustryId;
  /** Words to find in the question's text (English or Chinese) or id; case does not matter. */
  text?: string;
}

export interface FilteredQuestion {
  question: SpinQuestion;
  /** Position in the playbook's `questions`. */
  index: number;
}

export function filterQuestions(
  questions: readonly SpinQuestion[],
  filter: QuestionFilter,
): FilteredQuestion[] {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const result: FilteredQuestion[] = [];
  questions.forEach((question, index) => {
    if (filter.stageId && !question.stages.includes(filter.stageId)) return;
    if (filter.type && question.type !== filter.type) return;
    if (filter.industry && question.industry !== filter.industry) return;
    if (words.length > 0) {
      const haystack = `${question.text.en}\n${question.text['zh-CN']}\n${question.id}`.toLowerCase();
      if (!words.every((word) => haystack.includes(word))) return;
    }
    result.push({ question, index });
  });
  return result;
}
