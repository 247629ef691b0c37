/**
 * Editing the playbook's industries and the per-industry variants of its stages. Like lib/playbook/edit.ts,
 * every function returns a new playbook and leaves the one it was given alone.
 *
 * Nothing the rep wrote is dropped as a side effect: an industry still used by a checklist or cadence
 * variant cannot be removed until those variants are (each one is the rep's own work, and only makes
 * sense for that industry); its questions become questions for every industry.
 */
import { slugify, stageItemIds, uniqueId, type TextLanguage } from './edit';
import { ownCadence, ownChecklist } from './industries';
import {
  GENERAL_INDUSTRY,
  industryIdSchema,
  type Cadence,
  type IndustryId,
  type LocalizedText,
  type Playbook,
  type Stage,
} from './schema';

export type AddIndustryResult =
  | { ok: true; playbook: Playbook; industryId: string }
  | { ok: false; problem: 'name-missing' | 'id-invalid' | 'id-taken' };

/**
 * Adds an industry at the end of the list. Its id is the one typed, or else one made from the English
 * name (or, failing that, "industry"), made unique. A typed id already in use is refused rather than
 * changed: the rep chose it, perhaps to match accounts that already carry it.
 */
export function addIndustry(playbook: Playbook, name: LocalizedText, typedId = ''): AddIndustryResult {
  if (name.en.trim() === '' || name['zh-CN'].trim() === '') return { ok: false, problem: 'name-missing' };
  const taken = [GENERAL_INDUSTRY, ...playbook.industries.map((industry) => industry.id)];
  let industryId = typedId.trim();
  if (industryId !== '') {
    if (!industryIdSchema.safeParse(industryId).success) return { ok: false, problem: 'id-invalid' };
    if (taken.includes(industryId)) return { ok: false, problem: 'id-taken' };
  } else {
    industryId = uniqueId(slugify(name.en, 'industry'), taken);
  }
  const industry = { id: industryId, name: { en: name.en.trim(), 'zh-CN': name['zh-CN'].trim() } };
  return { ok: true, playbook: { ...playbook, industries: [...playbook.industries, industry] }, industryId };
}

export function setIndustryName(
  playbook: Playbook,
  industryId: string,
  language: TextLanguage,
  value: string,
): Playbook {
  return {
    ...playbook,
    industries: playbook.industries.map((industry) =>
      industry.id === industryId ? { ...industry, name: { ...industry.name, [language]: value } } : industry,
    ),
  };
}

/** What in the playbook names an industry. */
export interface IndustryUses {
  questions: number;
  /** Stages with a checklist of the industry's own. */
  checklistStages: Stage[];
  /** Stages with a cadence of the industry's own. */
  cadenceStages: Stage[];
}

export function industryUses(playbook: Playbook, industryId: string): IndustryUses {
  return {
    questions: playbook.questions.filter((question) => question.industry === industryId).length,
    checklistStages: playbook.stages.filter((stage) => ownChecklist(stage, industryId) !== undefined),
    cadenceStages: playbook.stages.filter(
      (stage) => ownCadence(playbook, stage.id, industryId) !== undefined,
    ),
  };
}

/**
 * Removes an industry; its questions become questions for every industry. Refused while a stage still
 * has a checklist or cadence of the industry's own (see `industryUses`).
 */
export function removeIndustry(playbook: Playbook, industryId: string): Playbook {
  const uses = industryUses(playbook, industryId);
  if (uses.checklistStages.length > 0 || uses.cadenceStages.length > 0) {
    throw new Error(`Industry "${industryId}" still has its own checklists or cadences.`);
  }
  return {
    ...playbook,
    industries: playbook.industries.filter((industry) => industry.id !== industryId),
    questions: playbook.questions.map((question) =>
      question.industry === industryId ? { ...question, industry: GENERAL_INDUSTRY } : question,
    ),
  };
}

// Variants ------------------------------------------------------------------------------------------

function mapStage(playbook: Playbook, stageId: string, change: (stage: Stage) => Stage): Playbook {
  return {
    ...playbook,
    stages: playbook.stages.map((stage) => (stage.id === stageId ? change(stage) : stage)),
  };
}

/**
 * Gives the industry a checklist of its own in this stage, starting as a copy of the general one (the rep
 * usually adapts a few items rather than writing all anew). The copies get new ids: a tick on a general
 * item must not count for the variant.
 */
export function addChecklistVariant(playbook: Playbook, stageId: string, industryId: IndustryId): Playbook {
  return mapStage(playbook, stageId, (stage) => {
    if (industryId === GENERAL_INDUSTRY || ownChecklist(stage, industryId)) return stage;
    const taken = stageItemIds(stage);
    const copies = stage.checklist.map((item) => {
      const id = uniqueId(`${industryId}-${item.id}`, taken);
      taken.push(id);
      return { id, text: { ...item.text } };
    });
    return { ...stage, industryChecklists: { ...stage.industryChecklists, [industryId]: copies } };
  });
}

/** The industry follows the general checklist of this stage again. */
export function removeChecklistVariant(
  playbook: Playbook,
  stageId: string,
  industryId: IndustryId,
): Playbook {
  return mapStage(playbook, stageId, (stage) => {
    if (!ownChecklist(stage, industryId)) return stage;
    const rest = Object.entries(stage.industryChecklists ?? {}).filter(([id]) => id !== industryId);
    const { industryChecklists: _dropped, ...withoutVariants } = stage;
    return rest.length > 0 ? { ...stage, industryChecklists: Object.fromEntries(rest) } : withoutVariants;
  });
}

/** Gives the industry a cadence of its own for this stage, starting as a copy of the general one. */
export function addCadenceVariant(playbook: Playbook, stageId: string, industryId: IndustryId): Playbook {
  if (industryId === GENERAL_INDUSTRY || ownCadence(playbook, stageId, industryId)) return playbook;
  const general = ownCadence(playbook, stageId, GENERAL_INDUSTRY);
  const cadence: Cadence = {
    stageId,
    industry: industryId,
    steps: (general?.steps ?? []).map((step) => ({ ...step, title: { ...step.title } })),
  };
  return { ...playbook, cadences: [...playbook.cadences, cadence] };
}

/** The industry follows the general cadence of this stage again. */
export function removeCadenceVariant(playbook: Playbook, stageId: string, industryId: IndustryId): Playbook {
  if (industryId === GENERAL_INDUSTRY) return playbook;
  return {
    ...playbook,
    cadences: playbook.cadences.filter(
      (cadence) => !(cadence.stageId === stageId && cadence.industry === industryId),
    ),
  };
}
