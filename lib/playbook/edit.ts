/**
 * Editing operations on a playbook draft. Each takes a draft and returns a new one (nothing is mutated),
 * so the options page can keep earlier drafts for undo and compare a draft with the saved playbook by
 * reference. A draft may be invalid while the rep types (an empty name, a blank number of days):
 * `parsePlaybook` reports that, per field; these functions only keep the structure consistent (ids
 * unique, references to stages pointing at stages that exist).
 */
import type { BuyingRole } from '../contact/buying-roles';
import { ownCadence, ownChecklist } from './industries';
import {
  GENERAL_INDUSTRY,
  type Cadence,
  type CadenceStep,
  type EmailTemplate,
  type ChecklistItem,
  type IndustryId,
  type LocalizedText,
  type Playbook,
  type SpinQuestion,
  type Stage,
} from './schema';
import { stageTemplates } from './schema';
import type { PlaybookLocale } from './text';

/** Accounts in a removed stage go to another stage when the draft is saved. */
export interface StageMove {
  from: string;
  to: string;
}

export interface PlaybookDraft {
  playbook: Playbook;
  /** Removed stage id → the stage its accounts move to, applied by the background on save. */
  stageMoves: StageMove[];
}

export type TextLanguage = PlaybookLocale;

const SLUG_MAX = 40;

/** What a stage added in the editor is called until the rep names it (playbook data, in both languages). */
export const NEW_STAGE_NAME: LocalizedText = { en: 'New stage', 'zh-CN': '新阶段' };

/** Lower-case letters, digits and hyphens from any text; `fallback` when nothing usable is left. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    // Accents come apart from their letters under NFKD; dropping them keeps "déjà" as "deja".
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** `base`, or `base-2`, `base-3`… — the first one not in `taken`. */
export function uniqueId(base: string, taken: Iterable<string>, max = SLUG_MAX): string {
  const used = new Set(taken);
  const stem = base.slice(0, max - 4);
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

function withText(text: LocalizedText, language: TextLanguage, value: string): LocalizedText {
  return { ...text, [language]: value };
}

/** Moves the element at `index` by `offset` places; out-of-range moves change nothing. */
function moved<T>(items: readonly T[], index: number, offset: number): T[] {
  const target = index + offset;
  if (index < 0 || target < 0 || target >= items.length || offset === 0) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

function mapStage(playbook: Playbook, stageId: string, change: (stage: Stage) => Stage): Playbook {
  return {
    ...playbook,
    stages: playbook.stages.map((stage) => (stage.id === stageId ? change(stage) : stage)),
  };
}

function mapQuestion(
  playbook: Playbook,
  questionId: string,
  change: (question: SpinQuestion) => SpinQuestion,
): Playbook {
  return {
    ...playbook,
    questions: playbook.questions.map((question) =>
      question.id === questionId ? change(question) : question,
    ),
  };
}

// Playbook ------------------------------------------------------------------------------------------

export function setPlaybookName(playbook: Playbook, language: TextLanguage, value: string): Playbook {
  return { ...playbook, name: withText(playbook.name, language, value) };
}

// Stages --------------------------------------------------------------------------------------------

/**
 * Adds a stage at the end of the pipeline. Its id comes from the English name and avoids every id in use
 * or `reserved` (ids of stages removed in this draft: accounts still point at them until the save).
 */
export function addStage(
  draft: PlaybookDraft,
  name: LocalizedText,
  goal: LocalizedText,
): { draft: PlaybookDraft; stageId: string } {
  const taken = [
    ...draft.playbook.stages.map((stage) => stage.id),
    ...draft.stageMoves.map((move) => move.from),
  ];
  const stageId = uniqueId(slugify(name.en, 'stage'), taken);
  const stage: Stage = { id: stageId, name: { ...name }, goal: { ...goal }, checklist: [] };
  return {
    draft: { ...draft, playbook: { ...draft.playbook, stages: [...draft.playbook.stages, stage] } },
    stageId,
  };
}

export function setStageText(
  playbook: Playbook,
  stageId: string,
  field: 'name' | 'goal',
  language: TextLanguage,
  value: string,
): Playbook {
  return mapStage(playbook, stageId, (stage) => ({
    ...stage,
    [field]: withText(stage[field], language, value),
  }));
}

/**
 * Sets a stage's win probability in percent; `null` clears it, and the stage then takes the one of its
 * position (lib/playbook/probability.ts). Out-of-range values are kept for validation to point at.
 */
export function setStageProbability(
  playbook: Playbook,
  stageId: string,
  probability: number | null,
): Playbook {
  return mapStage(playbook, stageId, (stage) => {
    const { probability: _previous, ...rest } = stage;
    void _previous;
    return probability === null ? rest : { ...rest, probability };
  });
}

/** Moves a stage earlier (`-1`) or later (`1`) in the pipeline. */
export function moveStage(playbook: Playbook, stageId: string, offset: number): Playbook {
  const index = playbook.stages.findIndex((stage) => stage.id === stageId);
  return { ...playbook, stages: moved(playbook.stages, index, offset) };
}

/**
 * Removes a stage. Nothing that pointed at it is left dangling: questions asked in it are asked in
 * `targetStageId` instead, its cadence goes (the target keeps its own), and the accounts in it are
 * recorded to move to the target when the draft is saved. A stage that was itself the target of an
 * earlier removal passes those accounts on to the new target.
 */
export function removeStage(draft: PlaybookDraft, stageId: string, targetStageId: string): PlaybookDraft {
  const { playbook } = draft;
  if (stageId === targetStageId) throw new Error('A stage cannot hand its accounts to itself.');
  if (!playbook.stages.some((stage) => stage.id === stageId)) throw new Error(`No stage "${stageId}".`);
  if (!playbook.stages.some((stage) => stage.id === targetStageId)) {
    throw new Error(`No stage "${targetStageId}" to move the accounts to.`);
  }
  const questions = playbook.questions.map((question) => {
    if (!question.stages.includes(stageId)) return question;
    const stages = question.stages.map((id) => (id === stageId ? targetStageId : id));
    return { ...question, stages: [...new Set(stages)] };
  });
  const stageMoves = [
    ...draft.stageMoves
      .filter((move) => move.from !== stageId)
      .map((move) => (move.to === stageId ? { ...move, to: targetStageId } : move)),
    { from: stageId, to: targetStageId },
  ];
  return {
    playbook: {
      ...playbook,
      stages: playbook.stages.filter((stage) => stage.id !== stageId),
      questions,
      cadences: playbook.cadences.filter((cadence) => cadence.stageId !== stageId),
    },
    stageMoves,
  };
}

/**
 * Stages the saved playbook has and the draft does not, with no move recorded for their accounts: an
 * imported or reset playbook may lack stages the rep's accounts are in. The rep picks where they go.
 */
export function stagesNeedingAHome(saved: Playbook, draft: PlaybookDraft): Stage[] {
  const kept = new Set(draft.playbook.stages.map((stage) => stage.id));
  const moving = new Set(draft.stageMoves.map((move) => move.from));
  return saved.stages.filter((stage) => !kept.has(stage.id) && !moving.has(stage.id));
}

/**
 * The moves to send with a save: only stages the new playbook lacks, each to a stage it has, chains
 * followed to their end (a stage re-added by an import keeps its accounts).
 */
export function movesToSave(draft: PlaybookDraft, extra: readonly StageMove[] = []): StageMove[] {
  const kept = new Set(draft.playbook.stages.map((stage) => stage.id));
  const next = new Map<string, string>();
  for (const move of [...draft.stageMoves, ...extra]) if (!kept.has(move.from)) next.set(move.from, move.to);
  const moves: StageMove[] = [];
  for (const from of next.keys()) {
    let to = next.get(from);
    const seen = new Set([from]);
    while (to !== undefined && !kept.has(to) && !seen.has(to)) {
      seen.add(to);
      to = next.get(to);
    }
    if (to !== undefined && kept.has(to)) moves.push({ from, to });
  }
  return moves;
}

// Checklist items -----------------------------------------------------------------------------------
// A stage's general checklist and its industry variants share one id space, so an item is found by its
// id alone; only adding one needs to say which list it goes to.

/** Every checklist item id of a stage, across its general list and all its variants. */
export function stageItemIds(stage: Stage): string[] {
  return [stage.checklist, ...Object.values(stage.industryChecklists ?? {})].flatMap((items) =>
    items.map((item) => item.id),
  );
}

/** Applies `change` to each of the stage's lists (the general one and every variant). */
function mapChecklists(
  playbook: Playbook,
  stageId: string,
  change: (items: ChecklistItem[]) => ChecklistItem[],
): Playbook {
  return mapStage(playbook, stageId, (stage) => ({
    ...stage,
    checklist: change(stage.checklist),
    ...(stage.industryChecklists
      ? {
          industryChecklists: Object.fromEntries(
            Object.entries(stage.industryChecklists).map(([industry, items]) => [industry, change(items)]),
          ),
        }
      : {}),
  }));
}

/** Adds an item to the stage's general checklist, or to its variant for `industry` (which must exist). */
export function addChecklistItem(
  playbook: Playbook,
  stageId: string,
  text: LocalizedText,
  industry: IndustryId = GENERAL_INDUSTRY,
): { playbook: Playbook; itemId: string } {
  const stage = playbook.stages.find((candidate) => candidate.id === stageId);
  if (!stage) throw new Error(`No stage "${stageId}".`);
  const general = industry === GENERAL_INDUSTRY;
  const variant = general ? undefined : ownChecklist(stage, industry);
  if (!general && !variant) {
    throw new Error(`Stage "${stageId}" has no checklist of its own for "${industry}".`);
  }
  const itemId = uniqueId(slugify(text.en, 'item'), stageItemIds(stage));
  const added: ChecklistItem = { id: itemId, text: { ...text } };
  return {
    playbook: mapStage(playbook, stageId, (current) =>
      general
        ? { ...current, checklist: [...current.checklist, added] }
        : {
            ...current,
            industryChecklists: {
              ...current.industryChecklists,
              [industry]: [...(variant ?? []), added],
            },
          },
    ),
    itemId,
  };
}

export function setChecklistItemText(
  playbook: Playbook,
  stageId: string,
  itemId: string,
  language: TextLanguage,
  value: string,
): Playbook {
  return mapChecklists(playbook, stageId, (items) =>
    items.map((item) =>
      item.id === itemId ? { ...item, text: withText(item.text, language, value) } : item,
    ),
  );
}

/** Names the buying-group role an item is about; `undefined` makes it about no role in particular. */
export function setChecklistItemRole(
  playbook: Playbook,
  stageId: string,
  itemId: string,
  role: BuyingRole | undefined,
): Playbook {
  return mapChecklists(playbook, stageId, (items) =>
    items.map((item) => {
      if (item.id !== itemId) return item;
      const { role: _previous, ...rest } = item;
      return role ? { ...rest, role } : rest;
    }),
  );
}

export function moveChecklistItem(
  playbook: Playbook,
  stageId: string,
  itemId: string,
  offset: number,
): Playbook {
  return mapChecklists(playbook, stageId, (items) => {
    const index = items.findIndex((item) => item.id === itemId);
    return index < 0 ? items : moved(items, index, offset);
  });
}

export function removeChecklistItem(playbook: Playbook, stageId: string, itemId: string): Playbook {
  return mapChecklists(playbook, stageId, (items) => items.filter((item) => item.id !== itemId));
}

// Email templates -----------------------------------------------------------------------------------

export type TemplateField = 'name' | 'subject' | 'body';

function mapTemplates(
  playbook: Playbook,
  stageId: string,
  change: (templates: EmailTemplate[]) => EmailTemplate[],
): Playbook {
  return mapStage(playbook, stageId, (stage) => ({ ...stage, templates: change(stageTemplates(stage)) }));
}

/** Adds an empty template at the end of the stage's; its id comes from the English name. */
export function addTemplate(
  playbook: Playbook,
  stageId: string,
  name: LocalizedText,
): { playbook: Playbook; templateId: string } {
  const stage = playbook.stages.find((candidate) => candidate.id === stageId);
  if (!stage) throw new Error(`No stage "${stageId}".`);
  const templateId = uniqueId(
    slugify(name.en, 'template'),
    stageTemplates(stage).map((template) => template.id),
  );
  const added: EmailTemplate = { id: templateId, name: { ...name }, body: { en: '', 'zh-CN': '' } };
  return { playbook: mapTemplates(playbook, stageId, (templates) => [...templates, added]), templateId };
}

/**
 * Changes one text of a template. The subject is optional: emptied in both languages, it goes; a
 * subject written in one language only stays, and validation asks for the other.
 */
export function setTemplateText(
  playbook: Playbook,
  stageId: string,
  templateId: string,
  field: TemplateField,
  language: TextLanguage,
  value: string,
): Playbook {
  return mapTemplates(playbook, stageId, (templates) =>
    templates.map((template) => {
      if (template.id !== templateId) return template;
      const text = withText(template[field] ?? { en: '', 'zh-CN': '' }, language, value);
      if (field !== 'subject' || text.en.trim() || text['zh-CN'].trim())
        return { ...template, [field]: text };
      const { subject: _dropped, ...withoutSubject } = template;
      return withoutSubject;
    }),
  );
}

export function removeTemplate(playbook: Playbook, stageId: string, templateId: string): Playbook {
  return mapTemplates(playbook, stageId, (templates) =>
    templates.filter((template) => template.id !== templateId),
  );
}

// SPIN questions ------------------------------------------------------------------------------------

/** Adds a question at the end of the bank; its id carries its industry and type, as the default ones do. */
export function addQuestion(
  playbook: Playbook,
  question: Omit<SpinQuestion, 'id'>,
): { playbook: Playbook; questionId: string } {
  const questionId = uniqueId(
    `${question.industry}-${question.type.toLowerCase()}-custom`,
    playbook.questions.map((candidate) => candidate.id),
    60,
  );
  return {
    playbook: {
      ...playbook,
      questions: [
        ...playbook.questions,
        { ...question, id: questionId, stages: [...question.stages], text: { ...question.text } },
      ],
    },
    questionId,
  };
}

export function setQuestionFields(
  playbook: Playbook,
  questionId: string,
  fields: Partial<Pick<SpinQuestion, 'type' | 'industry'>>,
): Playbook {
  return mapQuestion(playbook, questionId, (question) => ({ ...question, ...fields }));
}

/** Adds or removes one stage of a question, keeping the playbook's stage order. */
export function setQuestionStage(
  playbook: Playbook,
  questionId: string,
  stageId: string,
  included: boolean,
): Playbook {
  const order = playbook.stages.map((stage) => stage.id);
  return mapQuestion(playbook, questionId, (question) => {
    const stages = new Set(question.stages);
    if (included) stages.add(stageId);
    else stages.delete(stageId);
    const known = order.filter((id) => stages.has(id));
    const unknown = question.stages.filter((id) => stages.has(id) && !order.includes(id));
    return { ...question, stages: [...known, ...unknown] };
  });
}

export function setQuestionText(
  playbook: Playbook,
  questionId: string,
  language: TextLanguage,
  value: string,
): Playbook {
  return mapQuestion(playbook, questionId, (question) => ({
    ...question,
    text: withText(question.text, language, value),
  }));
}

export function removeQuestion(playbook: Playbook, questionId: string): Playbook {
  return { ...playbook, questions: playbook.questions.filter((question) => question.id !== questionId) };
}

// Cadences ------------------------------------------------------------------------------------------
// A cadence is one stage's for one industry (`general`: the cadence without an industry); step ids are
// unique within a cadence, so every step operation names the cadence by stage and industry.

function sameCadence(cadence: Cadence, stageId: string, industry: IndustryId): boolean {
  return cadence.stageId === stageId && (cadence.industry ?? GENERAL_INDUSTRY) === industry;
}

function mapCadence(
  playbook: Playbook,
  stageId: string,
  industry: IndustryId,
  change: (cadence: Cadence) => Cadence,
): Playbook {
  return {
    ...playbook,
    cadences: playbook.cadences.map((cadence) =>
      sameCadence(cadence, stageId, industry) ? change(cadence) : cadence,
    ),
  };
}

function mapStep(
  playbook: Playbook,
  stageId: string,
  industry: IndustryId,
  stepId: string,
  change: (step: CadenceStep) => CadenceStep,
): Playbook {
  return mapCadence(playbook, stageId, industry, (cadence) => ({
    ...cadence,
    steps: cadence.steps.map((step) => (step.id === stepId ? change(step) : step)),
  }));
}

/** Adds a step to the stage's cadence for `industry`, creating the cadence when there is none yet. */
export function addCadenceStep(
  playbook: Playbook,
  stageId: string,
  step: Omit<CadenceStep, 'id'>,
  industry: IndustryId = GENERAL_INDUSTRY,
): { playbook: Playbook; stepId: string } {
  const existing = ownCadence(playbook, stageId, industry);
  const stepId = uniqueId(
    slugify(step.title.en, 'step'),
    (existing?.steps ?? []).map((candidate) => candidate.id),
  );
  const added: CadenceStep = { id: stepId, offsetDays: step.offsetDays, title: { ...step.title } };
  if (!existing) {
    const cadence: Cadence = {
      stageId,
      ...(industry === GENERAL_INDUSTRY ? {} : { industry }),
      steps: [added],
    };
    return { playbook: { ...playbook, cadences: [...playbook.cadences, cadence] }, stepId };
  }
  return {
    playbook: mapCadence(playbook, stageId, industry, (cadence) => ({
      ...cadence,
      steps: [...cadence.steps, added],
    })),
    stepId,
  };
}

/** A number of days as typed; anything that is not a number stays NaN, which validation reports. */
export function setCadenceStepDays(
  playbook: Playbook,
  stageId: string,
  stepId: string,
  days: number,
  industry: IndustryId = GENERAL_INDUSTRY,
): Playbook {
  return mapStep(playbook, stageId, industry, stepId, (step) => ({ ...step, offsetDays: days }));
}

export function setCadenceStepTitle(
  playbook: Playbook,
  stageId: string,
  stepId: string,
  language: TextLanguage,
  value: string,
  industry: IndustryId = GENERAL_INDUSTRY,
): Playbook {
  return mapStep(playbook, stageId, industry, stepId, (step) => ({
    ...step,
    title: withText(step.title, language, value),
  }));
}

export function moveCadenceStep(
  playbook: Playbook,
  stageId: string,
  stepId: string,
  offset: number,
  industry: IndustryId = GENERAL_INDUSTRY,
): Playbook {
  return mapCadence(playbook, stageId, industry, (cadence) => ({
    ...cadence,
    steps: moved(
      cadence.steps,
      cadence.steps.findIndex((step) => step.id === stepId),
      offset,
    ),
  }));
}

/**
 * Removes a step. A general cadence left without steps goes too (no cadence and an empty one both
 * propose nothing); an industry's stays, empty, because it means "no follow-ups for this industry"
 * rather than "as general".
 */
export function removeCadenceStep(
  playbook: Playbook,
  stageId: string,
  stepId: string,
  industry: IndustryId = GENERAL_INDUSTRY,
): Playbook {
  const next = mapCadence(playbook, stageId, industry, (cadence) => ({
    ...cadence,
    steps: cadence.steps.filter((step) => step.id !== stepId),
  }));
  return {
    ...next,
    cadences: next.cadences.filter((cadence) => cadence.steps.length > 0 || cadence.industry !== undefined),
  };
}
