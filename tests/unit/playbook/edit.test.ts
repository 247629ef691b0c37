import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultPlaybook } from '../../../lib/playbook/default-playbook';
import {
  addCadenceStep,
  addChecklistItem,
  addQuestion,
  addStage,
  moveCadenceStep,
  moveChecklistItem,
  moveStage,
  movesToSave,
  NEW_STAGE_NAME,
  removeCadenceStep,
  removeChecklistItem,
  removeQuestion,
  removeStage,
  setCadenceStepDays,
  setChecklistItemText,
  setQuestionStage,
  setStageText,
  slugify,
  stagesNeedingAHome,
  uniqueId,
  type PlaybookDraft,
} from '../../../lib/playbook/edit';
import { parsePlaybook, type Playbook } from '../../../lib/playbook/schema';

function draftOf(playbook: Playbook = createDefaultPlaybook()): PlaybookDraft {
  return { playbook, stageMoves: [] };
}

const text = (en: string, zh = `${en}（中文）`) => ({ en, 'zh-CN': zh });

describe('ids', () => {
  it('slugifies text and falls back when nothing usable is left', () => {
    expect(slugify('Proof of Concept!', 'stage')).toBe('proof-of-concept');
    expect(slugify('  --  ', 'stage')).toBe('stage');
    expect(slugify('概念验证', 'stage')).toBe('stage');
    expect(slugify('Café déjà vu', 'x')).toBe('cafe-deja-vu');
  });

  it('picks the first free id', () => {
    expect(uniqueId('lead', ['discovery'])).toBe('lead');
    expect(uniqueId('lead', ['lead', 'lead-2'])).toBe('lead-3');
  });
});

describe('stages', () => {
  it('adds a stage at the end with a unique id, never reusing the id of a stage removed in this draft', () => {
    let draft = removeStage(draftOf(), 'solution', 'discovery');
    const first = addStage(draft, text('Solution'), text('Goal'));
    expect(first.stageId).toBe('solution-2');
    draft = first.draft;
    expect(draft.playbook.stages.at(-1)).toMatchObject({ id: 'solution-2', checklist: [] });
    expect(addStage(draft, NEW_STAGE_NAME, text('')).stageId).toBe('new-stage');
  });

  it('renames a stage in one language only', () => {
    const playbook = setStageText(createDefaultPlaybook(), 'lead', 'name', 'en', 'Prospecting');
    expect(playbook.stages[0]?.name).toEqual({ en: 'Prospecting', 'zh-CN': '潜在客户识别' });
  });

  it('reorders stages and ignores moves past either end', () => {
    const playbook = createDefaultPlaybook();
    expect(
      moveStage(playbook, 'discovery', -1)
        .stages.map((stage) => stage.id)
        .slice(0, 2),
    ).toEqual(['discovery', 'lead']);
    expect(moveStage(playbook, 'lead', -1).stages).toEqual(playbook.stages);
    expect(moveStage(playbook, 'after-sales', 1).stages).toEqual(playbook.stages);
  });

  it('removes a stage without leaving anything pointing at it', () => {
    const before = createDefaultPlaybook();
    const draft = removeStage(draftOf(before), 'discovery', 'lead');
    const { playbook } = draft;
    expect(playbook.stages.map((stage) => stage.id)).not.toContain('discovery');
    expect(playbook.cadences.map((cadence) => cadence.stageId)).not.toContain('discovery');
    expect(playbook.questions.every((question) => !question.stages.includes('discovery'))).toBe(true);
    // Questions asked in both stages are listed once.
    expect(
      playbook.questions.every((question) => new Set(question.stages).size === question.stages.length),
    ).toBe(true);
    expect(draft.stageMoves).toEqual([{ from: 'discovery', to: 'lead' }]);
    expect(parsePlaybook(playbook).ok).toBe(true);
    // The input draft is untouched.
    expect(before.stages.map((stage) => stage.id)).toContain('discovery');
  });

  it('passes accounts on when the target of an earlier removal is removed too', () => {
    let draft = removeStage(draftOf(), 'discovery', 'solution');
    draft = removeStage(draft, 'solution', 'negotiation');
    expect(draft.stageMoves).toEqual([
      { from: 'discovery', to: 'negotiation' },
      { from: 'solution', to: 'negotiation' },
    ]);
  });

  it('refuses a removal with no valid target', () => {
    expect(() => removeStage(draftOf(), 'lead', 'lead')).toThrow();
    expect(() => removeStage(draftOf(), 'lead', 'nowhere')).toThrow();
    expect(() => removeStage(draftOf(), 'nowhere', 'lead')).toThrow();
  });

  it('finds stages a replacement playbook lacks, and sends only moves that still apply', () => {
    const saved = createDefaultPlaybook();
    const imported = { ...saved, stages: saved.stages.filter((stage) => stage.id !== 'negotiation') };
    const draft: PlaybookDraft = { playbook: imported, stageMoves: [{ from: 'lead', to: 'discovery' }] };
    expect(stagesNeedingAHome(saved, draft).map((stage) => stage.id)).toEqual(['negotiation']);
    // `lead` is back in the imported playbook: its accounts stay.
    expect(movesToSave(draft, [{ from: 'negotiation', to: 'solution' }])).toEqual([
      { from: 'negotiation', to: 'solution' },
    ]);
  });

  it('follows chains of moves to a stage the playbook has', () => {
    const playbook = createDefaultPlaybook();
    const kept = { ...playbook, stages: playbook.stages.filter((stage) => !['a', 'b'].includes(stage.id)) };
    const draft: PlaybookDraft = {
      playbook: kept,
      stageMoves: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'lead' },
        { from: 'x', to: 'y' },
      ],
    };
    expect(movesToSave(draft)).toEqual([
      { from: 'a', to: 'lead' },
      { from: 'b', to: 'lead' },
    ]);
  });
});

describe('checklist items', () => {
  it('adds, edits, reorders and removes items of one stage', () => {
    let playbook = createDefaultPlaybook();
    const added = addChecklistItem(playbook, 'lead', text('Budget confirmed'));
    playbook = added.playbook;
    expect(added.itemId).toBe('budget-confirmed');
    const lead = () => playbook.stages.find((stage) => stage.id === 'lead')!;
    expect(lead().checklist.at(-1)?.id).toBe('budget-confirmed');
    playbook = setChecklistItemText(playbook, 'lead', 'budget-confirmed', 'zh-CN', '预算已确认');
    expect(lead().checklist.at(-1)?.text['zh-CN']).toBe('预算已确认');
    playbook = moveChecklistItem(playbook, 'lead', 'budget-confirmed', -1);
    expect(lead().checklist.at(-2)?.id).toBe('budget-confirmed');
    playbook = removeChecklistItem(playbook, 'lead', 'budget-confirmed');
    expect(lead().checklist.map((item) => item.id)).not.toContain('budget-confirmed');
    expect(parsePlaybook(playbook).ok).toBe(true);
  });
});

describe('questions', () => {
  it('adds a question with an id carrying its industry and type', () => {
    const { playbook, questionId } = addQuestion(createDefaultPlaybook(), {
      type: 'I',
      industry: 'software',
      stages: ['solution'],
      text: text('What happens if the migration slips a quarter?'),
    });
    expect(questionId).toBe('software-i-custom');
    expect(playbook.questions.at(-1)?.id).toBe(questionId);
    expect(parsePlaybook(playbook).ok).toBe(true);
  });

  it('keeps a question’s stages in pipeline order', () => {
    let playbook = createDefaultPlaybook();
    const id = playbook.questions[0]!.id;
    playbook = setQuestionStage(playbook, id, 'after-sales', true);
    playbook = setQuestionStage(playbook, id, 'lead', false);
    playbook = setQuestionStage(playbook, id, 'lead', true);
    const order = playbook.stages.map((stage) => stage.id);
    const stages = playbook.questions[0]!.stages;
    expect([...stages].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(stages);
    expect(stages).toContain('after-sales');
    expect(removeQuestion(playbook, id).questions.some((question) => question.id === id)).toBe(false);
  });
});

describe('cadences', () => {
  it('creates a cadence for a stage that has none and drops one left empty', () => {
    const base = createDefaultPlaybook();
    const withoutLead = { ...base, cadences: base.cadences.filter((cadence) => cadence.stageId !== 'lead') };
    const added = addCadenceStep(withoutLead, 'lead', { offsetDays: 3, title: text('Call back') });
    expect(added.playbook.cadences.at(-1)).toEqual({
      stageId: 'lead',
      steps: [{ id: 'call-back', offsetDays: 3, title: text('Call back') }],
    });
    expect(
      removeCadenceStep(added.playbook, 'lead', 'call-back').cadences.some((c) => c.stageId === 'lead'),
    ).toBe(false);
  });

  it('reports a blank number of days through validation, with the field path', () => {
    const base = createDefaultPlaybook();
    const cadence = base.cadences[0]!;
    const step = cadence.steps[0]!;
    const edited = setCadenceStepDays(base, cadence.stageId, step.id, Number.NaN);
    const parsed = parsePlaybook(edited);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors.map((error) => error.path)).toEqual(['cadences[0].steps[0].offsetDays']);
    expect(moveCadenceStep(base, cadence.stageId, step.id, 1).cadences[0]!.steps[1]).toEqual(step);
  });
});

describe('any sequence of structural edits', () => {
  const stageIds = ['lead', 'discovery', 'solution', 'negotiation', 'after-sales', 'new-stage', 'x'];
  const operation = fc.oneof(
    fc.record({ kind: fc.constant('add' as const) }),
    fc.record({
      kind: fc.constant('move' as const),
      id: fc.constantFrom(...stageIds),
      offset: fc.constantFrom(-1, 1),
    }),
    fc.record({
      kind: fc.constant('remove' as const),
      id: fc.constantFrom(...stageIds),
      to: fc.constantFrom(...stageIds),
    }),
    fc.record({ kind: fc.constant('item' as const), id: fc.constantFrom(...stageIds) }),
    fc.record({ kind: fc.constant('step' as const), id: fc.constantFrom(...stageIds), days: fc.nat(365) }),
  );

  it('keeps the playbook valid and never orphans a removed stage', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), (operations) => {
        const saved = createDefaultPlaybook();
        let draft = draftOf(saved);
        for (const op of operations) {
          const has = (id: string) => draft.playbook.stages.some((stage) => stage.id === id);
          if (op.kind === 'add' && draft.playbook.stages.length < 20) {
            draft = addStage(draft, text('New stage'), text('Goal')).draft;
          } else if (op.kind === 'move') {
            draft = { ...draft, playbook: moveStage(draft.playbook, op.id, op.offset) };
          } else if (op.kind === 'remove' && has(op.id) && has(op.to) && op.id !== op.to) {
            draft = removeStage(draft, op.id, op.to);
          } else if (op.kind === 'item' && has(op.id)) {
            const stage = draft.playbook.stages.find((candidate) => candidate.id === op.id)!;
            if (stage.checklist.length < 20) {
              draft = { ...draft, playbook: addChecklistItem(draft.playbook, op.id, text('Item')).playbook };
            }
          } else if (op.kind === 'step' && has(op.id)) {
            const steps =
              draft.playbook.cadences.find((cadence) => cadence.stageId === op.id)?.steps.length ?? 0;
            if (steps < 20) {
              draft = {
                ...draft,
                playbook: addCadenceStep(draft.playbook, op.id, { offsetDays: op.days, title: text('Step') })
                  .playbook,
              };
            }
          }
        }
        const parsed = parsePlaybook(draft.playbook);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
        const kept = new Set(draft.playbook.stages.map((stage) => stage.id));
        const moves = movesToSave(draft);
        for (const stage of saved.stages) {
          if (!kept.has(stage.id))
            expect(moves.find((move) => move.from === stage.id)?.to).toSatisfy((to: string) => kept.has(to));
        }
        expect(stagesNeedingAHome(saved, draft)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
