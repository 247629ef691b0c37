import fc from 'fast-check';
import { defaultIndustries } from '../../../lib/playbook/default-industries';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import {
  DEFAULT_LOST_REASONS,
  type IndustryId,
  type Playbook,
  type SpinQuestion,
  type SpinType,
} from '../../../lib/playbook/schema';
import { rankSpinQuestions, spinTypeOrderForStage, suggestSpinQuestions } from '../../../lib/playbook/spin';

const playbook = DEFAULT_PLAYBOOK;
/** Every industry an account of the default playbook may follow. */
const INDUSTRIES = ['general', ...playbook.industries.map((industry) => industry.id)];
const types = (questions: SpinQuestion[]) => questions.map((q) => q.type);
const ids = (questions: SpinQuestion[]) => questions.map((q) => q.id);

/** A small playbook where every ordering decision is visible. */
function tinyPlaybook(): Playbook {
  const text = (en: string) => ({ en, 'zh-CN': en });
  const stage = (id: string) => ({ id, name: text(id), goal: text(id), checklist: [] });
  const question = (id: string, type: SpinType, industry: IndustryId, stages: string[]): SpinQuestion => ({
    id,
    type,
    industry,
    stages,
    text: text(id),
  });
  const all = ['one', 'two', 'three'];
  return {
    format: 'dealside-playbook',
    version: 1,
    name: text('tiny'),
    industries: defaultIndustries(),
    stages: all.map(stage),
    questions: [
      question('g-s1', 'S', 'general', all),
      question('g-s2', 'S', 'general', all),
      question('g-p1', 'P', 'general', all),
      question('g-i1', 'I', 'general', all),
      question('g-n1', 'N', 'general', all),
      question('m-s1', 'S', 'manufacturing', all),
      question('m-i1', 'I', 'manufacturing', all),
      question('w-s1', 'S', 'software', all),
      question('only-three', 'N', 'general', ['three']),
    ],
    cadences: [],
    lostReasons: [...DEFAULT_LOST_REASONS],
  };
}

describe('spinTypeOrderForStage', () => {
  it('favours Situation and Problem in the first two stages, Implication and Need-payoff later', () => {
    expect(spinTypeOrderForStage(playbook, 'lead')).toEqual(['S', 'P', 'I', 'N']);
    expect(spinTypeOrderForStage(playbook, 'discovery')).toEqual(['S', 'P', 'I', 'N']);
    expect(spinTypeOrderForStage(playbook, 'solution')).toEqual(['I', 'N', 'P', 'S']);
    expect(spinTypeOrderForStage(playbook, 'negotiation')).toEqual(['I', 'N', 'P', 'S']);
    expect(spinTypeOrderForStage(playbook, 'after-sales')).toEqual(['I', 'N', 'P', 'S']);
  });

  it('follows the playbook order, not stage names', () => {
    const reordered = { ...tinyPlaybook() };
    reordered.stages = [...reordered.stages].reverse();
    expect(spinTypeOrderForStage(reordered, 'three')).toEqual(['S', 'P', 'I', 'N']);
    expect(spinTypeOrderForStage(reordered, 'one')).toEqual(['I', 'N', 'P', 'S']);
  });

  it('uses the plain SPIN order for an unknown stage', () => {
    expect(spinTypeOrderForStage(playbook, 'nowhere')).toEqual(['S', 'P', 'I', 'N']);
  });
});

describe('suggestSpinQuestions', () => {
  it('round-robins over the preferred types, industry questions first within each type', () => {
    const tiny = tinyPlaybook();
    expect(ids(rankSpinQuestions(tiny, { stageId: 'one', industry: 'manufacturing', askedIds: [] }))).toEqual(
      ['m-s1', 'g-p1', 'm-i1', 'g-n1', 'g-s1', 'g-i1', 'g-s2'],
    );
    expect(
      ids(rankSpinQuestions(tiny, { stageId: 'three', industry: 'manufacturing', askedIds: [] })),
    ).toEqual(['m-i1', 'g-n1', 'g-p1', 'm-s1', 'g-i1', 'only-three', 'g-s1', 'g-s2']);
  });

  it('leaves out other industries, and only general questions for a general account', () => {
    const tiny = tinyPlaybook();
    const general = rankSpinQuestions(tiny, { stageId: 'one', industry: 'general', askedIds: [] });
    expect(general.every((q) => q.industry === 'general')).toBe(true);
    const software = rankSpinQuestions(tiny, { stageId: 'one', industry: 'software', askedIds: [] });
    expect(ids(software)).not.toContain('m-s1');
    expect(ids(software)[0]).toBe('w-s1');
  });

  it('defaults to four suggestions of four different types in needs discovery', () => {
    for (const industry of INDUSTRIES) {
      const suggested = suggestSpinQuestions(playbook, {
        stageId: 'discovery',
        industry,
        askedIds: new Set(),
      });
      expect(types(suggested), industry).toEqual(['S', 'P', 'I', 'N']);
    }
  });

  it('starts early stages with Situation and late stages with Implication', () => {
    const early = suggestSpinQuestions(playbook, { stageId: 'lead', industry: 'software', askedIds: [] });
    expect(early[0]!.type).toBe('S');
    expect(types(early)).toEqual(['S', 'P', 'S', 'P']);
    const late = suggestSpinQuestions(playbook, { stageId: 'solution', industry: 'software', askedIds: [] });
    expect(types(late).slice(0, 2)).toEqual(['I', 'N']);
    expect(new Set(types(late)).size).toBeGreaterThanOrEqual(3);
  });

  it('puts the account’s industry first', () => {
    for (const industry of ['manufacturing', 'services', 'software'] as const) {
      const suggested = suggestSpinQuestions(playbook, { stageId: 'discovery', industry, askedIds: [] });
      expect(
        suggested.map((q) => q.industry),
        industry,
      ).toEqual([industry, industry, industry, industry]);
    }
  });

  it('never suggests a question already asked, given as a set or an array', () => {
    const first = suggestSpinQuestions(playbook, {
      stageId: 'discovery',
      industry: 'services',
      askedIds: [],
    });
    const asked = ids(first);
    for (const askedIds of [asked, new Set(asked)]) {
      const next = suggestSpinQuestions(playbook, { stageId: 'discovery', industry: 'services', askedIds });
      expect(next).toHaveLength(4);
      expect(ids(next).some((id) => asked.includes(id))).toBe(false);
    }
  });

  it('runs dry once every question of the stage has been asked', () => {
    const all = ids(rankSpinQuestions(playbook, { stageId: 'lead', industry: 'general', askedIds: [] }));
    expect(suggestSpinQuestions(playbook, { stageId: 'lead', industry: 'general', askedIds: all })).toEqual(
      [],
    );
  });

  it('pages through the rest with offset', () => {
    const options = { stageId: 'discovery', industry: 'manufacturing' as const, askedIds: [] };
    const ranked = rankSpinQuestions(playbook, options);
    const pages: SpinQuestion[] = [];
    for (let offset = 0; offset < ranked.length + 8; offset += 4) {
      pages.push(...suggestSpinQuestions(playbook, { ...options, offset }));
    }
    expect(pages).toEqual(ranked);
    expect(new Set(ids(pages)).size).toBe(pages.length);
    expect(suggestSpinQuestions(playbook, { ...options, offset: ranked.length })).toEqual([]);
    expect(suggestSpinQuestions(playbook, { ...options, offset: 4, count: 2 })).toEqual(ranked.slice(4, 6));
  });

  it('returns only questions for the stage', () => {
    for (const stage of playbook.stages) {
      const ranked = rankSpinQuestions(playbook, { stageId: stage.id, industry: 'software', askedIds: [] });
      expect(ranked.length).toBeGreaterThan(0);
      for (const q of ranked) expect(q.stages, q.id).toContain(stage.id);
    }
  });

  it('returns nothing for an unknown stage, a zero count or a bad count', () => {
    expect(suggestSpinQuestions(playbook, { stageId: 'nowhere', industry: 'general', askedIds: [] })).toEqual(
      [],
    );
    expect(
      suggestSpinQuestions(playbook, { stageId: 'lead', industry: 'general', askedIds: [], count: 0 }),
    ).toEqual([]);
    expect(
      suggestSpinQuestions(playbook, { stageId: 'lead', industry: 'general', askedIds: [], count: -3 }),
    ).toEqual([]);
    expect(
      suggestSpinQuestions(playbook, { stageId: 'lead', industry: 'general', askedIds: [], count: NaN }),
    ).toEqual([]);
  });

  it('treats a negative offset as the start', () => {
    const options = { stageId: 'lead', industry: 'general' as const, askedIds: [] };
    expect(suggestSpinQuestions(playbook, { ...options, offset: -5 })).toEqual(
      suggestSpinQuestions(playbook, options),
    );
  });

  it('is deterministic and a pure function of its inputs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...playbook.stages.map((s) => s.id)),
        fc.constantFrom(...INDUSTRIES),
        fc.subarray(playbook.questions.map((q) => q.id)),
        fc.nat(6),
        fc.nat(40),
        (stageId, industry, asked, count, offset) => {
          const options = { stageId, industry, askedIds: asked, count, offset };
          const first = suggestSpinQuestions(playbook, options);
          expect(suggestSpinQuestions(playbook, { ...options, askedIds: new Set(asked) })).toEqual(first);
          expect(first.length).toBeLessThanOrEqual(count);
          for (const q of first) {
            expect(asked).not.toContain(q.id);
            expect(q.stages).toContain(stageId);
            expect([industry, 'general']).toContain(q.industry);
          }
        },
      ),
    );
  });
});
