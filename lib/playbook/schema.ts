/**
 * The playbook is data: the industries it knows, stages with exit checklists, a SPIN question bank and
 * follow-up cadences. A stage's checklist and cadence may differ per industry (a variant replaces the
 * general one for accounts of that industry). A team lead exports it as a JSON file and the team imports
 * it, so the format is versioned and every file is validated here before use. Issues carry paths
 * (`stages[2].checklist[0].text.en`) so an editor can say what is wrong and where.
 */
import { z } from 'zod';
import { BUYING_ROLES } from '../contact/buying-roles';
import { EMAIL_TEMPLATE_BODY_MAX_LENGTH, INDUSTRY_MAX_LENGTH } from '../limits';
import { defaultIndustries } from './default-industries';
import { PLACEHOLDERS, unknownPlaceholders } from './placeholders';

export const PLAYBOOK_FORMAT = 'dealside-playbook';
export const PLAYBOOK_VERSION = 1;

export const SPIN_TYPES = ['S', 'P', 'I', 'N'] as const;
/**
 * The implicit "all industries" id: questions for every industry, the general checklist and cadence, and
 * the process of accounts without an industry (or with one the playbook no longer lists).
 */
export const GENERAL_INDUSTRY = 'general';

export const MAX_STAGES = 20;
export const MAX_CHECKLIST_ITEMS = 20;
export const MAX_QUESTIONS = 2000;
export const MAX_CADENCE_STEPS = 20;
export const MAX_OFFSET_DAYS = 365;
export const MAX_TEMPLATES_PER_STAGE = 10;
export const MAX_INDUSTRIES = 20;

function textField(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'Required' : 'Expected text') })
    .max(max, `Must be at most ${max} characters`)
    .refine((value) => value.trim().length > 0, 'Must not be empty');
}

function slug(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'Required' : 'Expected an id') })
    .regex(
      new RegExp(`^[a-z0-9-]{1,${max}}$`),
      `Must be 1–${max} characters: lower-case letters, digits and hyphens`,
    );
}

/** Ids of stages, checklist items and cadence steps. */
export const slugSchema = slug(40);
/** Question ids are a little longer: they usually carry an industry and type prefix. */
export const questionIdSchema = slug(60);

/** A text in both supported languages, each at most `max` characters. */
function localizedText(max: number) {
  return z.object(
    {
      en: textField(max),
      'zh-CN': textField(max),
    },
    { error: 'Expected an object with "en" and "zh-CN" texts' },
  );
}

/** Every user-visible text of a playbook exists in both supported languages. */
export const localizedTextSchema = localizedText(500);
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const spinTypeSchema = z.enum(SPIN_TYPES, {
  error: 'Must be one of S (situation), P (problem), I (implication), N (need-payoff)',
});
export type SpinType = z.infer<typeof spinTypeSchema>;

/**
 * An industry's id: `general` or one of the playbook's industries. Accounts store it as they were given
 * it, so an account may name an industry the playbook has dropped since (it then follows the general
 * process).
 */
export const industryIdSchema = slug(INDUSTRY_MAX_LENGTH);
export type IndustryId = string;

export const industrySchema = z.object({
  id: industryIdSchema.refine(
    (id) => id !== GENERAL_INDUSTRY,
    `"${GENERAL_INDUSTRY}" stands for every industry and cannot be listed`,
  ),
  name: localizedTextSchema,
});
export type Industry = z.infer<typeof industrySchema>;

export const checklistItemSchema = z.object({
  id: slugSchema,
  text: localizedTextSchema,
  /** The buying-group role the item is about ("decision-maker confirmed"): the panel says who holds it. */
  role: z.enum(BUYING_ROLES, { error: `Must be one of ${BUYING_ROLES.join(', ')}` }).optional(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/**
 * An email the rep starts from at this stage, with placeholders (lib/playbook/placeholders.ts) filled
 * from the customer and the rep when it is used. The body is plain text, never HTML.
 */
export const emailTemplateSchema = z.object({
  id: slugSchema,
  /** What the rep picks it by, e.g. "Meeting recap". */
  name: localizedText(100),
  subject: localizedText(300).optional(),
  body: localizedText(EMAIL_TEMPLATE_BODY_MAX_LENGTH),
});
export type EmailTemplate = z.infer<typeof emailTemplateSchema>;

const checklistSchema = z
  .array(checklistItemSchema)
  .max(MAX_CHECKLIST_ITEMS, `At most ${MAX_CHECKLIST_ITEMS} checklist items per stage`);

export const stageSchema = z.object({
  id: slugSchema,
  name: localizedTextSchema,
  goal: localizedTextSchema,
  /** Exit checklist: what must be true before the deal moves on. */
  checklist: checklistSchema,
  /**
   * Industry id → the checklist accounts of that industry follow instead of `checklist`. Item ids are
   * unique across all of a stage's lists, so a stored tick means exactly one item.
   */
  industryChecklists: z.record(industryIdSchema, checklistSchema).optional(),
  /**
   * The chance, in whole percent, that a deal in this stage is won: the forecast weighs open deals by
   * it. Absent in files written before forecasts; lib/playbook/probability.ts then gives one by position.
   */
  probability: z
    .number({ error: 'Expected a percentage' })
    .int('Must be a whole percentage')
    .min(0, 'Must be 0 % or more')
    .max(100, 'Must be at most 100 %')
    .optional(),
  /** Email templates for this stage; playbooks written before templates existed have none. */
  templates: z
    .array(emailTemplateSchema)
    .max(MAX_TEMPLATES_PER_STAGE, `At most ${MAX_TEMPLATES_PER_STAGE} templates per stage`)
    .optional(),
});
export type Stage = z.infer<typeof stageSchema>;

/** A stage's email templates (none when the playbook file has no `templates` for it). */
export function stageTemplates(stage: Stage): EmailTemplate[] {
  return stage.templates ?? [];
}

export const spinQuestionSchema = z.object({
  id: questionIdSchema,
  type: spinTypeSchema,
  /** Stages where the question is worth asking. */
  stages: z
    .array(slugSchema)
    .min(1, 'A question needs at least one stage')
    .max(MAX_STAGES, `At most ${MAX_STAGES} stages`),
  /** `general` questions suit every industry; any other id names one of the playbook's industries. */
  industry: industryIdSchema,
  text: localizedTextSchema,
});
export type SpinQuestion = z.infer<typeof spinQuestionSchema>;

export const cadenceStepSchema = z.object({
  id: slugSchema,
  /** Days after entering the stage. */
  offsetDays: z
    .number({ error: 'Expected a number of days' })
    .int('Must be a whole number of days')
    .min(0, 'Must be 0 or more days')
    .max(MAX_OFFSET_DAYS, `Must be at most ${MAX_OFFSET_DAYS} days`),
  title: localizedTextSchema,
});
export type CadenceStep = z.infer<typeof cadenceStepSchema>;

/**
 * Entering stage `stageId` proposes one follow-up per step, due `offsetDays` later. A cadence with an
 * `industry` is for accounts of that industry (an empty one proposes nothing); the one without applies
 * when the account's industry has none of its own.
 */
export const cadenceSchema = z.object({
  stageId: slugSchema,
  industry: industryIdSchema.optional(),
  steps: z.array(cadenceStepSchema).max(MAX_CADENCE_STEPS, `At most ${MAX_CADENCE_STEPS} steps per cadence`),
});
export type Cadence = z.infer<typeof cadenceSchema>;

export const MAX_LOST_REASONS = 20;

/** Why deals are lost, as the team names it: the insights count lost deals per reason. */
export const lostReasonSchema = z.object({
  id: slugSchema,
  name: localizedTextSchema,
});
export type LostReason = z.infer<typeof lostReasonSchema>;

/**
 * The reasons a playbook starts with, and the list a file written before lost reasons existed gets.
 * The usual B2B loss categories; `other` lets a rep close a deal whatever happened.
 */
export const DEFAULT_LOST_REASONS: readonly LostReason[] = [
  { id: 'price', name: { en: 'Price', 'zh-CN': '价格' } },
  { id: 'competitor', name: { en: 'Chose a competitor', 'zh-CN': '选择了竞争对手' } },
  { id: 'no-budget', name: { en: 'No budget', 'zh-CN': '没有预算' } },
  { id: 'no-decision', name: { en: 'No decision / timing', 'zh-CN': '迟迟不决 / 时机不对' } },
  { id: 'no-fit', name: { en: 'Not a fit', 'zh-CN': '需求不匹配' } },
  { id: 'went-silent', name: { en: 'Went silent', 'zh-CN': '客户失联' } },
  { id: 'other', name: { en: 'Other', 'zh-CN': '其他' } },
];

type Path = (string | number)[];

/** Reports the second and later occurrences of each id. */
function checkUnique(
  ids: readonly string[],
  ctx: z.RefinementCtx,
  pathOf: (index: number) => Path,
  describe: (id: string, firstPath: Path) => string,
): void {
  const first = new Map<string, number>();
  ids.forEach((id, index) => {
    const seen = first.get(id);
    if (seen === undefined) {
      first.set(id, index);
    } else {
      ctx.addIssue({ code: 'custom', message: describe(id, pathOf(seen)), path: pathOf(index) });
    }
  });
}

/** Template ids unique within their stage, and no placeholder the filling does not know. */
function checkTemplates(templates: readonly EmailTemplate[], ctx: z.RefinementCtx, path: Path): void {
  checkUnique(
    templates.map((template) => template.id),
    ctx,
    (i) => [...path, i, 'id'],
    (id, firstPath) => `Duplicate template id "${id}" (already used at ${formatPath(firstPath)})`,
  );
  templates.forEach((template, t) => {
    for (const field of ['subject', 'body'] as const) {
      const text = template[field];
      if (!text) continue;
      for (const language of ['en', 'zh-CN'] as const) {
        for (const unknown of unknownPlaceholders(text[language])) {
          ctx.addIssue({
            code: 'custom',
            message: `Unknown placeholder ${unknown}: use ${PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}`,
            path: [...path, t, field, language],
          });
        }
      }
    }
  });
}

export const playbookSchema = z
  .object(
    {
      format: z.literal(PLAYBOOK_FORMAT, {
        error: `Not a Dealside playbook: "format" must be "${PLAYBOOK_FORMAT}"`,
      }),
      version: z.literal(PLAYBOOK_VERSION, {
        error: (issue) =>
          typeof issue.input === 'number'
            ? `Unsupported playbook version ${issue.input}: this version of Dealside reads version ${PLAYBOOK_VERSION}`
            : `"version" must be ${PLAYBOOK_VERSION}`,
      }),
      name: localizedTextSchema,
      /** Files written before industries were playbook data get the three industries those had built in. */
      industries: z
        .array(industrySchema)
        .max(MAX_INDUSTRIES, `At most ${MAX_INDUSTRIES} industries`)
        .default(defaultIndustries),
      /** In pipeline order: the funnel and "early stage" logic follow the array order. */
      stages: z
        .array(stageSchema)
        .min(1, 'A playbook needs at least one stage')
        .max(MAX_STAGES, `At most ${MAX_STAGES} stages`),
      questions: z.array(spinQuestionSchema).max(MAX_QUESTIONS, `At most ${MAX_QUESTIONS} questions`),
      cadences: z.array(cadenceSchema).max(MAX_STAGES, `At most ${MAX_STAGES} cadences`),
      lostReasons: z
        .array(lostReasonSchema)
        .min(1, 'A playbook needs at least one lost reason')
        .max(MAX_LOST_REASONS, `At most ${MAX_LOST_REASONS} lost reasons`)
        .default(() => DEFAULT_LOST_REASONS.map((reason) => ({ ...reason, name: { ...reason.name } }))),
    },
    { error: 'Expected a playbook object' },
  )
  .superRefine((playbook, ctx) => {
    checkUnique(
      playbook.stages.map((stage) => stage.id),
      ctx,
      (i) => ['stages', i, 'id'],
      (id, firstPath) => `Duplicate stage id "${id}" (already used at ${formatPath(firstPath)})`,
    );

    checkUnique(
      playbook.industries.map((industry) => industry.id),
      ctx,
      (i) => ['industries', i, 'id'],
      (id, firstPath) => `Duplicate industry id "${id}" (already used at ${formatPath(firstPath)})`,
    );
    const industryIds = new Set(playbook.industries.map((industry) => industry.id));
    const unknownIndustry = (id: string) => `Unknown industry "${id}"`;

    playbook.stages.forEach((stage, s) => {
      // One id space per stage: the general list first, then each variant.
      const lists: { path: Path; items: ChecklistItem[] }[] = [
        { path: ['stages', s, 'checklist'], items: stage.checklist },
      ];
      for (const [industryId, items] of Object.entries(stage.industryChecklists ?? {})) {
        const path = ['stages', s, 'industryChecklists', industryId];
        if (!industryIds.has(industryId)) {
          ctx.addIssue({ code: 'custom', message: unknownIndustry(industryId), path });
        }
        lists.push({ path, items });
      }
      const entries = lists.flatMap((list) =>
        list.items.map((item, i) => ({ id: item.id, path: [...list.path, i, 'id'] })),
      );
      checkUnique(
        entries.map((entry) => entry.id),
        ctx,
        (i) => entries[i]!.path,
        (id, firstPath) =>
          `Duplicate checklist item id "${id}" in stage "${stage.id}" (already used at ${formatPath(firstPath)})`,
      );
      checkTemplates(stageTemplates(stage), ctx, ['stages', s, 'templates']);
    });

    checkUnique(
      playbook.questions.map((question) => question.id),
      ctx,
      (i) => ['questions', i, 'id'],
      (id, firstPath) => `Duplicate question id "${id}" (already used at ${formatPath(firstPath)})`,
    );

    const stageIds = new Set(playbook.stages.map((stage) => stage.id));

    playbook.questions.forEach((question, q) => {
      if (question.industry !== GENERAL_INDUSTRY && !industryIds.has(question.industry)) {
        ctx.addIssue({
          code: 'custom',
          message: unknownIndustry(question.industry),
          path: ['questions', q, 'industry'],
        });
      }
      question.stages.forEach((stageId, i) => {
        if (!stageIds.has(stageId)) {
          ctx.addIssue({
            code: 'custom',
            message: `Unknown stage "${stageId}"`,
            path: ['questions', q, 'stages', i],
          });
        }
      });
      checkUnique(
        question.stages,
        ctx,
        (i) => ['questions', q, 'stages', i],
        (id) => `Stage "${id}" is listed twice`,
      );
    });

    playbook.cadences.forEach((cadence, c) => {
      if (!stageIds.has(cadence.stageId)) {
        ctx.addIssue({
          code: 'custom',
          message: `Unknown stage "${cadence.stageId}"`,
          path: ['cadences', c, 'stageId'],
        });
      }
      if (cadence.industry !== undefined && !industryIds.has(cadence.industry)) {
        ctx.addIssue({
          code: 'custom',
          message:
            cadence.industry === GENERAL_INDUSTRY
              ? `Leave "industry" out for the cadence every industry follows`
              : unknownIndustry(cadence.industry),
          path: ['cadences', c, 'industry'],
        });
      }
      checkUnique(
        cadence.steps.map((step) => step.id),
        ctx,
        (i) => ['cadences', c, 'steps', i, 'id'],
        (id, firstPath) =>
          `Duplicate step id "${id}" in the cadence for "${cadence.stageId}" (already used at ${formatPath(firstPath)})`,
      );
    });

    checkUnique(
      playbook.lostReasons.map((reason) => reason.id),
      ctx,
      (i) => ['lostReasons', i, 'id'],
      (id, firstPath) => `Duplicate lost reason id "${id}" (already used at ${formatPath(firstPath)})`,
    );

    // One cadence per stage and industry; the key joins the two with a character ids cannot hold.
    checkUnique(
      playbook.cadences.map((cadence) => `${cadence.stageId}/${cadence.industry ?? GENERAL_INDUSTRY}`),
      ctx,
      (i) => ['cadences', i, 'stageId'],
      (key, firstPath) => {
        const [stageId, industry] = key.split('/');
        const whose = industry === GENERAL_INDUSTRY ? '' : ` for industry "${industry}"`;
        return `Stage "${stageId}" already has a cadence${whose} (at ${formatPath(firstPath)}); merge the steps into one`;
      },
    );
  });
export type Playbook = z.infer<typeof playbookSchema>;

export interface PlaybookError {
  /** Where the problem is, e.g. `stages[2].checklist[0].text.en`; empty for the file as a whole. */
  path: string;
  message: string;
}

export type ParsePlaybookResult = { ok: true; playbook: Playbook } | { ok: false; errors: PlaybookError[] };

/** `['stages', 2, 'text', 'zh-CN']` → `stages[2].text.zh-CN`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
    } else {
      const name = String(key);
      out += out === '' ? name : `.${name}`;
    }
  }
  return out;
}

/** Validates an untrusted value (typically `JSON.parse` of an imported file). Never throws. */
export function parsePlaybook(json: unknown): ParsePlaybookResult {
  const result = playbookSchema.safeParse(json);
  if (result.success) return { ok: true, playbook: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    })),
  };
}
