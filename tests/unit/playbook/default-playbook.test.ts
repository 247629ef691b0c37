import { createDefaultPlaybook, DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { parsePlaybook, playbookSchema, SPIN_TYPES, type Stage } from '../../../lib/playbook/schema';
import { suggestSpinQuestions } from '../../../lib/playbook/spin';

const playbook = DEFAULT_PLAYBOOK;
/** A stage's general checklist and every industry's own. */
const allChecklistItems = (stage: Stage) =>
  [stage.checklist, ...Object.values(stage.industryChecklists ?? {})].flat();
/** Every industry an account of the default playbook may follow. */
const INDUSTRIES = ['general', ...playbook.industries.map((industry) => industry.id)];

describe('default playbook', () => {
  it('passes the schema', () => {
    const result = parsePlaybook(playbook);
    expect(result).toEqual({ ok: true, playbook });
  });

  it('survives a JSON export and import unchanged', () => {
    const result = parsePlaybook(JSON.parse(JSON.stringify(playbook)));
    expect(result.ok && result.playbook).toEqual(playbook);
  });

  it('has the five stages of the stage model, in order', () => {
    expect(playbook.stages.map((s) => s.id)).toEqual([
      'lead',
      'discovery',
      'solution',
      'negotiation',
      'after-sales',
    ]);
    expect(playbook.stages.map((s) => s.name['zh-CN'])).toEqual([
      '潜在客户识别',
      '需求沟通',
      '方案设计',
      '谈判签约',
      '售后服务',
    ]);
  });

  it('gives every stage a goal and 4–8 exit checklist items', () => {
    for (const stage of playbook.stages) {
      expect(stage.goal.en.length, stage.id).toBeGreaterThan(10);
      expect(stage.checklist.length, stage.id).toBeGreaterThanOrEqual(4);
      expect(stage.checklist.length, stage.id).toBeLessThanOrEqual(8);
    }
  });

  it('has at least 64 SPIN questions', () => {
    expect(playbook.questions.length).toBeGreaterThanOrEqual(64);
  });

  it('covers every SPIN type for every industry', () => {
    for (const industry of INDUSTRIES) {
      for (const type of SPIN_TYPES) {
        const matching = playbook.questions.filter((q) => q.industry === industry && q.type === type);
        expect(matching.length, `${industry}/${type}`).toBeGreaterThan(0);
      }
    }
  });

  it('has at least 24 general questions and 10 per industry', () => {
    const byIndustry = (industry: string) => playbook.questions.filter((q) => q.industry === industry).length;
    expect(byIndustry('general')).toBeGreaterThanOrEqual(24);
    expect(byIndustry('manufacturing')).toBeGreaterThanOrEqual(10);
    expect(byIndustry('services')).toBeGreaterThanOrEqual(10);
    expect(byIndustry('software')).toBeGreaterThanOrEqual(10);
  });

  it('tags Situation and Problem questions mostly to early stages, Implication and Need-payoff later', () => {
    const early = new Set(['lead', 'discovery']);
    for (const q of playbook.questions) {
      if (q.stages.includes('after-sales')) continue;
      if (q.type === 'S')
        expect(
          q.stages.every((s) => early.has(s)),
          q.id,
        ).toBe(true);
      if (q.type === 'I' || q.type === 'N') expect(q.stages.includes('lead'), q.id).toBe(false);
    }
  });

  it('has retention questions for after-sales', () => {
    const retention = playbook.questions.filter((q) => q.stages.includes('after-sales'));
    expect(retention.length).toBeGreaterThanOrEqual(6);
    expect(new Set(retention.map((q) => q.type)).size).toBe(4);
  });

  it('offers at least four questions in every stage for every industry', () => {
    for (const stage of playbook.stages) {
      for (const industry of INDUSTRIES) {
        const suggested = suggestSpinQuestions(playbook, { stageId: stage.id, industry, askedIds: [] });
        expect(suggested.length, `${stage.id}/${industry}`).toBe(4);
      }
    }
  });

  it('gives every stage a cadence with increasing offsets', () => {
    for (const stage of playbook.stages) {
      const cadence = playbook.cadences.find((c) => c.stageId === stage.id);
      expect(cadence, stage.id).toBeDefined();
      const offsets = cadence!.steps.map((s) => s.offsetDays);
      expect(offsets.length, stage.id).toBeGreaterThan(0);
      expect(
        [...offsets].sort((a, b) => a - b),
        stage.id,
      ).toEqual(offsets);
    }
  });

  it('proposes the after-sales visits at +7, +30 and +90 days', () => {
    const afterSales = playbook.cadences.find((c) => c.stageId === 'after-sales')!;
    const offsets = afterSales.steps.map((s) => s.offsetDays);
    expect(offsets).toEqual(expect.arrayContaining([7, 30, 90]));
  });

  it('repeats no text in either language', () => {
    const texts = [
      ...playbook.questions.map((q) => q.text),
      ...playbook.stages.flatMap((s) => [s.name, s.goal, ...allChecklistItems(s).map((i) => i.text)]),
      ...playbook.cadences.flatMap((c) => c.steps.map((s) => s.title)),
    ];
    for (const locale of ['en', 'zh-CN'] as const) {
      const seen = new Map<string, number>();
      for (const text of texts) seen.set(text[locale], (seen.get(text[locale]) ?? 0) + 1);
      const repeated = [...seen].filter(([, n]) => n > 1).map(([s]) => s);
      expect(repeated, locale).toEqual([]);
    }
  });

  it('has Chinese text written in Chinese, with full-width punctuation', () => {
    const texts = [
      ...playbook.questions.map((q) => q.text['zh-CN']),
      ...playbook.stages.flatMap((s) => [
        s.goal['zh-CN'],
        ...allChecklistItems(s).map((i) => i.text['zh-CN']),
      ]),
      ...playbook.cadences.flatMap((c) => c.steps.map((s) => s.title['zh-CN'])),
    ];
    for (const text of texts) {
      expect(text, text).toMatch(/\p{Script=Han}/u);
      expect(text, text).not.toMatch(/[,?;:!()]/);
    }
  });

  it('ends every English question with a question mark', () => {
    for (const q of playbook.questions) expect(q.text.en, q.id).toMatch(/\?$/);
  });

  it('is frozen, and createDefaultPlaybook returns an independent copy', () => {
    expect(Object.isFrozen(playbook.stages[0])).toBe(true);
    const copy = createDefaultPlaybook();
    copy.stages[0]!.name.en = 'Changed';
    expect(playbook.stages[0]!.name.en).toBe('Lead identification');
    expect(playbookSchema.safeParse(copy).success).toBe(true);
  });
});
