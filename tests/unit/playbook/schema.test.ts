/* eslint-disable @typescript-eslint/no-explicit-any -- these tests build deliberately malformed playbooks */
import fc from 'fast-check';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { DEFAULT_LOST_REASONS, formatPath, parsePlaybook, type Playbook } from '../../../lib/playbook/schema';

const text = (en: string) => ({ en, 'zh-CN': `${en}(中文)` });

function validPlaybook(): Playbook {
  return {
    format: 'dealside-playbook',
    version: 1,
    name: text('Test playbook'),
    industries: [
      { id: 'software', name: text('Software') },
      { id: 'services', name: text('Services') },
    ],
    stages: [
      {
        id: 'first',
        name: text('First'),
        goal: text('First goal'),
        checklist: [{ id: 'a', text: text('A') }],
      },
      {
        id: 'second',
        name: text('Second'),
        goal: text('Second goal'),
        checklist: [
          { id: 'b', text: text('B') },
          { id: 'c', text: text('C') },
        ],
      },
      { id: 'third', name: text('Third'), goal: text('Third goal'), checklist: [] },
    ],
    questions: [
      { id: 'q-one', type: 'S', stages: ['first'], industry: 'general', text: text('One?') },
      { id: 'q-two', type: 'I', stages: ['second', 'third'], industry: 'software', text: text('Two?') },
    ],
    cadences: [
      { stageId: 'first', steps: [{ id: 'call', offsetDays: 2, title: text('Call') }] },
      { stageId: 'third', steps: [] },
    ],
    lostReasons: [
      { id: 'price', name: text('Price') },
      { id: 'timing', name: text('Timing') },
    ],
  };
}

/** A valid playbook with one change, as an untyped JSON value. */
function withChange(change: (p: any) => void): unknown {
  const playbook: any = validPlaybook();
  change(playbook);
  return playbook;
}

function errorsOf(input: unknown) {
  const result = parsePlaybook(input);
  if (result.ok) throw new Error('expected the playbook to be rejected');
  return result.errors;
}

describe('parsePlaybook', () => {
  it('accepts a valid playbook', () => {
    expect(parsePlaybook(validPlaybook())).toEqual({ ok: true, playbook: validPlaybook() });
  });

  it('accepts the default playbook', () => {
    expect(parsePlaybook(DEFAULT_PLAYBOOK).ok).toBe(true);
  });

  it('ignores unknown fields, so a newer editor’s extras do not block an import', () => {
    const result = parsePlaybook(withChange((p) => (p.stages[0].color = 'red')));
    expect(result.ok && result.playbook.stages[0]).not.toHaveProperty('color');
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['an array', []],
    ['a number', 42],
    ['undefined', undefined],
  ])('rejects %s as not a playbook object', (_label, input) => {
    expect(errorsOf(input)).toEqual([{ path: '', message: 'Expected a playbook object' }]);
  });

  it('rejects another file format', () => {
    const errors = errorsOf(withChange((p) => (p.format = 'something-else')));
    expect(errors).toEqual([{ path: 'format', message: expect.stringContaining('Not a Dealside playbook') }]);
  });

  it('rejects an unsupported version and names it', () => {
    expect(errorsOf(withChange((p) => (p.version = 2)))).toEqual([
      { path: 'version', message: expect.stringContaining('Unsupported playbook version 2') },
    ]);
    expect(errorsOf(withChange((p) => delete p.version))).toEqual([
      { path: 'version', message: '"version" must be 1' },
    ]);
  });

  it('reports missing Chinese text with its path', () => {
    const errors = errorsOf(withChange((p) => delete p.stages[1].checklist[1].text['zh-CN']));
    expect(errors).toEqual([{ path: 'stages[1].checklist[1].text.zh-CN', message: 'Required' }]);
  });

  it('reports empty, blank and over-long text', () => {
    const errors = errorsOf(
      withChange((p) => {
        p.name.en = '';
        p.stages[0].goal['zh-CN'] = '   ';
        p.questions[1].text.en = 'x'.repeat(501);
      }),
    );
    expect(errors.map((e) => e.path)).toEqual(['name.en', 'stages[0].goal.zh-CN', 'questions[1].text.en']);
  });

  it('reports a question that refers to an unknown stage', () => {
    expect(errorsOf(withChange((p) => (p.questions[1].stages = ['second', 'closing'])))).toEqual([
      { path: 'questions[1].stages[1]', message: 'Unknown stage "closing"' },
    ]);
  });

  it('reports a cadence for an unknown stage', () => {
    expect(errorsOf(withChange((p) => (p.cadences[1].stageId = 'fourth')))).toEqual([
      { path: 'cadences[1].stageId', message: 'Unknown stage "fourth"' },
    ]);
  });

  it('reports a duplicate stage id at the second occurrence, naming the first', () => {
    const errors = errorsOf(
      withChange((p) =>
        p.stages.push({ id: 'first', name: text('Again'), goal: text('Again'), checklist: [] }),
      ),
    );
    expect(errors).toEqual([
      { path: 'stages[3].id', message: 'Duplicate stage id "first" (already used at stages[0].id)' },
    ]);
  });

  it('reports duplicate checklist, question, step and cadence ids', () => {
    const errors = errorsOf(
      withChange((p) => {
        p.stages[1].checklist[1].id = 'b';
        p.questions[1].id = 'q-one';
        p.questions[1].stages = ['second', 'second'];
        p.cadences[0].steps.push({ id: 'call', offsetDays: 5, title: text('Call again') });
        p.cadences[1].stageId = 'first';
      }),
    );
    expect(errors.map((e) => e.path)).toEqual([
      'stages[1].checklist[1].id',
      'questions[1].id',
      'questions[1].stages[1]',
      'cadences[0].steps[1].id',
      'cadences[1].stageId',
    ]);
  });

  it('allows the same checklist id in different stages', () => {
    expect(parsePlaybook(withChange((p) => (p.stages[1].checklist[0].id = 'a'))).ok).toBe(true);
  });

  it('reports malformed ids, types, industries and offsets', () => {
    const errors = errorsOf(
      withChange((p) => {
        p.stages[0].checklist[0].id = 'Not A Slug';
        p.questions[0].type = 'X';
        p.questions[0].industry = 'Retail & more';
        p.questions[1].stages = [];
        p.cadences[0].steps[0].offsetDays = 1.5;
      }),
    );
    expect(errors.map((e) => e.path)).toEqual([
      'stages[0].checklist[0].id',
      'questions[0].type',
      'questions[0].industry',
      'questions[1].stages',
      'cadences[0].steps[0].offsetDays',
    ]);
    expect(errors[1]!.message).toMatch(/S \(situation\)/);
  });

  describe('industries', () => {
    const variantItem = (id: string) => ({ id, text: text(id) });

    it('reports every reference to an industry the playbook does not list, with its path', () => {
      const errors = errorsOf(
        withChange((p) => {
          p.questions[1].industry = 'retail';
          p.stages[1].industryChecklists = { retail: [variantItem('r-1')], software: [variantItem('s-1')] };
          p.cadences.push({ stageId: 'second', industry: 'retail', steps: [] });
        }),
      );
      expect(errors).toEqual([
        { path: 'stages[1].industryChecklists.retail', message: 'Unknown industry "retail"' },
        { path: 'questions[1].industry', message: 'Unknown industry "retail"' },
        { path: 'cadences[2].industry', message: 'Unknown industry "retail"' },
      ]);
    });

    it('keeps general implicit: it may not be listed, and a cadence for every industry leaves it out', () => {
      const errors = errorsOf(
        withChange((p) => {
          p.industries.push({ id: 'general', name: text('General') });
          p.cadences.push({ stageId: 'second', industry: 'general', steps: [] });
        }),
      );
      expect(errors.map((error) => error.path)).toEqual(['industries[2].id']);
      expect(
        errorsOf(withChange((p) => p.cadences.push({ stageId: 'second', industry: 'general', steps: [] }))),
      ).toEqual([
        {
          path: 'cadences[2].industry',
          message: 'Leave "industry" out for the cadence every industry follows',
        },
      ]);
    });

    it('makes checklist item ids unique across a stage’s general list and all its variants', () => {
      const errors = errorsOf(
        withChange((p) => {
          p.stages[1].industryChecklists = {
            software: [variantItem('s-1'), variantItem('b')],
            services: [variantItem('s-1')],
          };
        }),
      );
      expect(errors).toEqual([
        {
          path: 'stages[1].industryChecklists.software[1].id',
          message:
            'Duplicate checklist item id "b" in stage "second" (already used at stages[1].checklist[0].id)',
        },
        {
          path: 'stages[1].industryChecklists.services[0].id',
          message:
            'Duplicate checklist item id "s-1" in stage "second" (already used at stages[1].industryChecklists.software[0].id)',
        },
      ]);
      // Another stage may use the same ids.
      expect(
        parsePlaybook(withChange((p) => (p.stages[0].industryChecklists = { software: [variantItem('b')] })))
          .ok,
      ).toBe(true);
    });

    it('allows one cadence per stage and industry, and reports duplicate industry ids', () => {
      const ok = withChange((p) => p.cadences.push({ stageId: 'first', industry: 'software', steps: [] }));
      expect(parsePlaybook(ok).ok).toBe(true);
      const errors = errorsOf(
        withChange((p) => {
          p.cadences.push({ stageId: 'first', industry: 'software', steps: [] });
          p.cadences.push({ stageId: 'first', industry: 'software', steps: [] });
          p.industries.push({ id: 'software', name: text('Again') });
        }),
      );
      expect(errors.map((error) => [error.path, error.message])).toEqual([
        ['industries[2].id', 'Duplicate industry id "software" (already used at industries[0].id)'],
        [
          'cadences[3].stageId',
          'Stage "first" already has a cadence for industry "software" (at cadences[2].stageId); merge the steps into one',
        ],
      ]);
    });

    it('reads a file written before industries were playbook data, with the three it knew', () => {
      const old = withChange((p) => {
        delete p.industries;
        p.questions[1].industry = 'manufacturing';
      });
      const result = parsePlaybook(JSON.parse(JSON.stringify(old)));
      expect(result.ok && result.playbook.industries.map((industry) => industry.id)).toEqual([
        'manufacturing',
        'services',
        'software',
      ]);
      expect(result.ok && result.playbook.industries[2]!.name).toEqual({
        en: 'Software & IT',
        'zh-CN': '软件与 IT',
      });
      // An explicit empty list is the rep's choice, not an old file: its references are then unknown.
      expect(errorsOf(withChange((p) => (p.industries = [])))[0]!.path).toBe('questions[1].industry');
    });
  });

  it('rejects offsets beyond a year and negative offsets', () => {
    expect(errorsOf(withChange((p) => (p.cadences[0].steps[0].offsetDays = 366)))[0]!.path).toBe(
      'cadences[0].steps[0].offsetDays',
    );
    expect(errorsOf(withChange((p) => (p.cadences[0].steps[0].offsetDays = -1)))[0]!.path).toBe(
      'cadences[0].steps[0].offsetDays',
    );
  });

  it('requires at least one stage and at most twenty', () => {
    expect(errorsOf(withChange((p) => (p.stages = [])))).toContainEqual({
      path: 'stages',
      message: 'A playbook needs at least one stage',
    });
    const many = withChange((p) => {
      p.stages = Array.from({ length: 21 }, (_, i) => ({
        id: `s${i}`,
        name: text(`S${i}`),
        goal: text(`G${i}`),
        checklist: [],
      }));
      p.questions = [];
      p.cadences = [];
    });
    expect(errorsOf(many).map((e) => e.path)).toEqual(['stages']);
  });

  it('reports renamed stages at every reference in one pass', () => {
    const errors = errorsOf(withChange((p) => (p.stages[2].id = 'final')));
    expect(errors).toEqual([
      { path: 'questions[1].stages[1]', message: 'Unknown stage "third"' },
      { path: 'cadences[1].stageId', message: 'Unknown stage "third"' },
    ]);
  });

  it('reports a missing section', () => {
    expect(errorsOf(withChange((p) => delete p.questions)).map((e) => e.path)).toEqual(['questions']);
  });

  it('gives a playbook written before lost reasons the default ones', () => {
    const result = parsePlaybook(withChange((p) => delete p.lostReasons));
    expect(result.ok && result.playbook.lostReasons).toEqual(DEFAULT_LOST_REASONS);
    // A copy: editing the parsed playbook never changes the defaults.
    expect(result.ok && result.playbook.lostReasons).not.toBe(DEFAULT_LOST_REASONS);
    expect(result.ok && result.playbook.lostReasons[0]).not.toBe(DEFAULT_LOST_REASONS[0]);
  });

  it('requires one lost reason at least, with unique well-formed ids and text in both languages', () => {
    expect(errorsOf(withChange((p) => (p.lostReasons = [])))).toEqual([
      { path: 'lostReasons', message: 'A playbook needs at least one lost reason' },
    ]);
    expect(
      errorsOf(
        withChange((p) => {
          p.lostReasons[1].id = 'Not A Slug';
          delete p.lostReasons[0].name['zh-CN'];
        }),
      ).map((e) => e.path),
    ).toEqual(['lostReasons[0].name.zh-CN', 'lostReasons[1].id']);
    const duplicate = errorsOf(withChange((p) => p.lostReasons.push({ id: 'timing', name: text('Again') })));
    expect(duplicate).toEqual([
      {
        path: 'lostReasons[2].id',
        message: 'Duplicate lost reason id "timing" (already used at lostReasons[1].id)',
      },
    ]);
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parsePlaybook(value);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(typeof error.path).toBe('string');
        }
      }),
    );
  });

  it('reports every damaged text of the default playbook with its own path', () => {
    fc.assert(
      fc.property(
        fc.nat(DEFAULT_PLAYBOOK.questions.length - 1),
        fc.constantFrom('en', 'zh-CN'),
        (index, locale) => {
          const damaged: any = structuredClone(DEFAULT_PLAYBOOK);
          damaged.questions[index].text[locale] = '';
          expect(errorsOf(damaged)).toEqual([
            { path: `questions[${index}].text.${locale}`, message: 'Must not be empty' },
          ]);
        },
      ),
    );
  });
});

describe('formatPath', () => {
  it('joins keys with dots and indexes with brackets', () => {
    expect(formatPath(['stages', 2, 'checklist', 0, 'text', 'en'])).toBe('stages[2].checklist[0].text.en');
    expect(formatPath([])).toBe('');
    expect(formatPath([3, 'id'])).toBe('[3].id');
  });
});
