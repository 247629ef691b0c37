import { DEFAULT_PLAYBOOK, createDefaultPlaybook } from '../../../lib/playbook/default-playbook';
import {
  addChecklistItem,
  addCadenceStep,
  removeCadenceStep,
  removeChecklistItem,
} from '../../../lib/playbook/edit';
import {
  addCadenceVariant,
  addChecklistVariant,
  addIndustry,
  industryUses,
  removeCadenceVariant,
  removeChecklistVariant,
  removeIndustry,
} from '../../../lib/playbook/edit-industries';
import { cadenceFor, checklistFor, followedIndustry } from '../../../lib/playbook/industries';
import { parsePlaybook, type Playbook } from '../../../lib/playbook/schema';

const stage = (id: string) => DEFAULT_PLAYBOOK.stages.find((candidate) => candidate.id === id)!;
const itemIds = (items: { id: string }[]) => items.map((item) => item.id);
const valid = (playbook: Playbook) => expect(parsePlaybook(playbook)).toMatchObject({ ok: true });

describe('the process an account follows', () => {
  it('follows its stored industry when the playbook lists it, and the general process otherwise', () => {
    expect(followedIndustry(DEFAULT_PLAYBOOK, 'software')).toBe('software');
    expect(followedIndustry(DEFAULT_PLAYBOOK, 'retail')).toBe('general');
    expect(followedIndustry(DEFAULT_PLAYBOOK, undefined)).toBe('general');
    expect(followedIndustry(DEFAULT_PLAYBOOK, 'general')).toBe('general');
  });

  it("picks the industry's own checklist, else the general one", () => {
    const solution = stage('solution');
    expect(itemIds(checklistFor(solution, 'software'))).toContain('sw-poc-scoped');
    expect(checklistFor(solution, 'general')).toBe(solution.checklist);
    // Lead identification is the same for every industry; an unknown or prototype-named id is general.
    expect(checklistFor(stage('lead'), 'software')).toBe(stage('lead').checklist);
    expect(checklistFor(solution, 'constructor')).toBe(solution.checklist);
  });

  it("picks the industry's own cadence, else the general one", () => {
    expect(cadenceFor(DEFAULT_PLAYBOOK, 'solution', 'software')?.steps.map((s) => s.id)).toContain(
      'trial-readout',
    );
    expect(cadenceFor(DEFAULT_PLAYBOOK, 'solution', 'manufacturing')?.steps.at(-1)?.offsetDays).toBe(30);
    const general = cadenceFor(DEFAULT_PLAYBOOK, 'lead', 'software');
    expect(general?.industry).toBeUndefined();
    expect(general).toBe(cadenceFor(DEFAULT_PLAYBOOK, 'lead', 'general'));
    expect(cadenceFor(DEFAULT_PLAYBOOK, 'nowhere', 'software')).toBeUndefined();
  });

  it('gives each default industry its own checklists and slower or different cadences where the work differs', () => {
    for (const industry of ['manufacturing', 'services', 'software']) {
      const own = DEFAULT_PLAYBOOK.stages.filter((s) => checklistFor(s, industry) !== s.checklist);
      expect(own.length, industry).toBeGreaterThanOrEqual(3);
      for (const s of own) {
        expect(checklistFor(s, industry).length, `${s.id}/${industry}`).toBeGreaterThanOrEqual(4);
        expect(checklistFor(s, industry).length, `${s.id}/${industry}`).toBeLessThanOrEqual(8);
      }
    }
    const negotiation = (industry: string) => cadenceFor(DEFAULT_PLAYBOOK, 'negotiation', industry)!.steps;
    expect(negotiation('manufacturing').at(-1)!.offsetDays).toBeGreaterThan(
      negotiation('general').at(-1)!.offsetDays,
    );
  });
});

describe('editing industries', () => {
  it('adds an industry with an id made from its English name, or the one typed', () => {
    const added = addIndustry(DEFAULT_PLAYBOOK, { en: ' Retail & E-commerce ', 'zh-CN': '零售与电商' });
    expect(added).toMatchObject({ ok: true, industryId: 'retail-e-commerce' });
    if (!added.ok) return;
    expect(added.playbook.industries.at(-1)).toEqual({
      id: 'retail-e-commerce',
      name: { en: 'Retail & E-commerce', 'zh-CN': '零售与电商' },
    });
    valid(added.playbook);
    expect(addIndustry(DEFAULT_PLAYBOOK, { en: 'Retail', 'zh-CN': '零售' }, 'shops')).toMatchObject({
      ok: true,
      industryId: 'shops',
    });
  });

  it('refuses a nameless industry, a malformed id, and an id in use (general included)', () => {
    const name = { en: 'Retail', 'zh-CN': '零售' };
    expect(addIndustry(DEFAULT_PLAYBOOK, { en: 'Retail', 'zh-CN': ' ' })).toEqual({
      ok: false,
      problem: 'name-missing',
    });
    expect(addIndustry(DEFAULT_PLAYBOOK, name, 'Retail!')).toEqual({ ok: false, problem: 'id-invalid' });
    expect(addIndustry(DEFAULT_PLAYBOOK, name, 'software')).toEqual({ ok: false, problem: 'id-taken' });
    expect(addIndustry(DEFAULT_PLAYBOOK, name, 'general')).toEqual({ ok: false, problem: 'id-taken' });
    // A made-up id steps around ids in use instead.
    expect(addIndustry(DEFAULT_PLAYBOOK, { en: 'General', 'zh-CN': '通用' })).toMatchObject({
      industryId: 'general-2',
    });
  });

  it('copies the general checklist into a variant under new ids, so general ticks do not count for it', () => {
    const withVariant = addChecklistVariant(DEFAULT_PLAYBOOK, 'lead', 'services');
    const lead = withVariant.stages[0]!;
    const variant = lead.industryChecklists!.services!;
    expect(variant.map((item) => item.text)).toEqual(lead.checklist.map((item) => item.text));
    expect(variant.map((item) => item.id)).toEqual(lead.checklist.map((item) => `services-${item.id}`));
    valid(withVariant);

    // Items are added to the chosen list, with ids unique across the stage's lists.
    const { playbook, itemId } = addChecklistItem(
      withVariant,
      'lead',
      { en: 'Fit check', 'zh-CN': '匹配' },
      'services',
    );
    expect(itemId).toBe('fit-check-2');
    expect(itemIds(playbook.stages[0]!.industryChecklists!.services!).at(-1)).toBe('fit-check-2');
    expect(playbook.stages[0]!.checklist).toBe(withVariant.stages[0]!.checklist);
    valid(playbook);
    // Removing an item finds it in whichever list holds it.
    expect(
      removeChecklistItem(playbook, 'lead', 'fit-check-2').stages[0]!.industryChecklists!.services,
    ).toEqual(variant);

    const back = removeChecklistVariant(playbook, 'lead', 'services').stages[0]!;
    expect(back.industryChecklists).toBeUndefined();
  });

  it('keeps an emptied industry cadence (it means "nothing for this industry") and drops an emptied general one', () => {
    const base = createDefaultPlaybook();
    base.cadences = base.cadences.filter((cadence) => cadence.stageId !== 'lead');
    const { playbook, stepId } = addCadenceStep(
      base,
      'lead',
      { offsetDays: 3, title: { en: 'Call', 'zh-CN': '电话' } },
      'services',
    );
    const emptied = removeCadenceStep(playbook, 'lead', stepId, 'services');
    expect(cadenceFor(emptied, 'lead', 'services')).toEqual({
      stageId: 'lead',
      industry: 'services',
      steps: [],
    });
    const general = addCadenceStep(base, 'lead', { offsetDays: 3, title: { en: 'Call', 'zh-CN': '电话' } });
    expect(
      cadenceFor(removeCadenceStep(general.playbook, 'lead', general.stepId), 'lead', 'general'),
    ).toBeUndefined();

    const copied = addCadenceVariant(DEFAULT_PLAYBOOK, 'discovery', 'services');
    expect(cadenceFor(copied, 'discovery', 'services')?.steps).toEqual(
      cadenceFor(DEFAULT_PLAYBOOK, 'discovery', 'general')?.steps,
    );
    expect(removeCadenceVariant(copied, 'discovery', 'services').cadences).toEqual(DEFAULT_PLAYBOOK.cadences);
  });

  it('refuses to remove an industry with its own checklists or cadences, naming the stages', () => {
    const uses = industryUses(DEFAULT_PLAYBOOK, 'services');
    expect(uses.checklistStages.map((s) => s.id)).toEqual(['solution', 'negotiation', 'after-sales']);
    expect(uses.cadenceStages.map((s) => s.id)).toEqual(['solution', 'after-sales']);
    expect(uses.questions).toBeGreaterThan(0);
    expect(() => removeIndustry(DEFAULT_PLAYBOOK, 'services')).toThrow(/own checklists or cadences/);
  });

  it('removes an industry once its variants are gone, keeping its questions for every industry', () => {
    let playbook: Playbook = DEFAULT_PLAYBOOK;
    for (const s of industryUses(playbook, 'services').checklistStages)
      playbook = removeChecklistVariant(playbook, s.id, 'services');
    for (const s of industryUses(playbook, 'services').cadenceStages)
      playbook = removeCadenceVariant(playbook, s.id, 'services');
    const before = DEFAULT_PLAYBOOK.questions
      .filter((question) => question.industry === 'services')
      .map((q) => q.id);
    const removed = removeIndustry(playbook, 'services');
    expect(removed.industries.map((industry) => industry.id)).toEqual(['manufacturing', 'software']);
    expect(removed.questions).toHaveLength(DEFAULT_PLAYBOOK.questions.length);
    for (const id of before) expect(removed.questions.find((q) => q.id === id)?.industry).toBe('general');
    valid(removed);
  });
});
