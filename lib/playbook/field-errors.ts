/**
 * Puts `parsePlaybook`'s errors where the editor shows its fields. Errors carry paths such as
 * `stages[2].checklist[0].text.en`; each field of the editor knows its own path, and a collapsed group
 * asks how many problems lie inside it.
 */
import { GENERAL_INDUSTRY, type IndustryId, type PlaybookError } from './schema';

export interface FieldErrors {
  /** Every error, in the order validation found them. */
  all: readonly PlaybookError[];
  /** Messages for exactly this path. */
  at(path: string): string[];
  /** How many errors lie at `path` or anywhere inside it. */
  countWithin(path: string): number;
}

/** True when `path` is `prefix` or lies inside it: `stages[2]` holds `stages[2].id`, not `stages[20]`. */
export function isWithin(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}

export function fieldErrors(errors: readonly PlaybookError[]): FieldErrors {
  const byPath = new Map<string, string[]>();
  for (const error of errors) {
    const messages = byPath.get(error.path);
    if (messages) messages.push(error.message);
    else byPath.set(error.path, [error.message]);
  }
  return {
    all: errors,
    at: (path) => byPath.get(path) ?? [],
    countWithin: (path) => errors.filter((error) => isWithin(error.path, path)).length,
  };
}

/** A stage's general checklist, or its variant for an industry. */
function checklistPath(s: number, industry: IndustryId): string {
  return industry === GENERAL_INDUSTRY
    ? `stages[${s}].checklist`
    : `stages[${s}].industryChecklists.${industry}`;
}

/** Paths of a playbook's parts, spelt as `formatPath` spells them. */
export const playbookPath = {
  name: (language: string) => `name.${language}`,
  industries: 'industries',
  industry: (i: number) => `industries[${i}]`,
  industryName: (i: number, language: string) => `industries[${i}].name.${language}`,
  stages: 'stages',
  stage: (s: number) => `stages[${s}]`,
  stageText: (s: number, field: 'name' | 'goal', language: string) => `stages[${s}].${field}.${language}`,
  stageProbability: (s: number) => `stages[${s}].probability`,
  checklist: (s: number, industry: IndustryId = GENERAL_INDUSTRY) => checklistPath(s, industry),
  checklistItem: (s: number, i: number, industry: IndustryId = GENERAL_INDUSTRY) =>
    `${checklistPath(s, industry)}[${i}]`,
  checklistText: (s: number, i: number, language: string, industry: IndustryId = GENERAL_INDUSTRY) =>
    `${checklistPath(s, industry)}[${i}].text.${language}`,
  templates: (s: number) => `stages[${s}].templates`,
  templateText: (s: number, t: number, field: 'name' | 'subject' | 'body', language: string) =>
    `stages[${s}].templates[${t}].${field}.${language}`,
  questions: 'questions',
  question: (q: number) => `questions[${q}]`,
  questionStages: (q: number) => `questions[${q}].stages`,
  questionIndustry: (q: number) => `questions[${q}].industry`,
  questionText: (q: number, language: string) => `questions[${q}].text.${language}`,
  cadence: (c: number) => `cadences[${c}]`,
  cadenceSteps: (c: number) => `cadences[${c}].steps`,
  cadenceStep: (c: number, i: number) => `cadences[${c}].steps[${i}]`,
  stepDays: (c: number, i: number) => `cadences[${c}].steps[${i}].offsetDays`,
  stepTitle: (c: number, i: number, language: string) => `cadences[${c}].steps[${i}].title.${language}`,
} as const;
