import { describe, expect, it } from 'vitest';
import { createDefaultPlaybook, DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { fieldErrors, isWithin, playbookPath } from '../../../lib/playbook/field-errors';
import {
  PLAYBOOK_FILE_MAX_BYTES,
  playbookFileName,
  playbookFileText,
  readPlaybookFile,
} from '../../../lib/playbook/file';
import { filterQuestions } from '../../../lib/playbook/question-filter';
import { parsePlaybook } from '../../../lib/playbook/schema';

describe('playbook files', () => {
  it('round-trips the default playbook, format and version first', () => {
    const text = playbookFileText(DEFAULT_PLAYBOOK);
    expect(text.startsWith('{\n  "format": "dealside-playbook",\n  "version": 1,')).toBe(true);
    const read = readPlaybookFile(text);
    expect(read).toEqual({ ok: true, playbook: DEFAULT_PLAYBOOK });
    // A byte-order mark (some editors add one) is fine.
    expect(readPlaybookFile(`\uFEFF${text}`).ok).toBe(true);
  });

  it('names the file after the playbook and the day', () => {
    expect(playbookFileName(DEFAULT_PLAYBOOK, new Date(2026, 2, 5))).toBe(
      'dealside-playbook-dealside-b2b-sales-process-2026-03-05.json',
    );
  });

  it('says what is wrong, and where, for a file that is not a playbook', () => {
    expect(readPlaybookFile('{"format": ')).toMatchObject({
      ok: false,
      errors: [{ path: '', message: expect.stringContaining('Not a JSON file') }],
    });
    const broken = createDefaultPlaybook() as unknown as Record<string, unknown>;
    const stages = broken.stages as { name: { en: string } }[];
    stages[1]!.name.en = '  ';
    (broken.questions as { stages: string[] }[])[0]!.stages = ['nowhere'];
    broken.version = 2;
    const result = readPlaybookFile(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.path)).toEqual(
      expect.arrayContaining(['version', 'stages[1].name.en']),
    );
    expect(readPlaybookFile('x', PLAYBOOK_FILE_MAX_BYTES + 1)).toMatchObject({
      ok: false,
      errors: [{ path: '', message: expect.stringContaining('too large') }],
    });
  });
});

describe('field errors', () => {
  it('finds errors by exact path and counts them within a part', () => {
    const errors = fieldErrors([
      { path: 'stages[2].name.en', message: 'Must not be empty' },
      { path: 'stages[2].checklist[0].text.zh-CN', message: 'Must not be empty' },
      { path: 'stages[20].id', message: 'Duplicate' },
    ]);
    expect(errors.at(playbookPath.stageText(2, 'name', 'en'))).toEqual(['Must not be empty']);
    expect(errors.at(playbookPath.stageText(2, 'name', 'zh-CN'))).toEqual([]);
    expect(errors.countWithin(playbookPath.stage(2))).toBe(2);
    expect(errors.countWithin(playbookPath.stage(20))).toBe(1);
    expect(isWithin('stages[20]', 'stages[2]')).toBe(false);
    expect(isWithin('anything', '')).toBe(true);
  });

  it('spells paths as the schema does', () => {
    const playbook = createDefaultPlaybook();
    playbook.stages[1]!.checklist[0]!.text['zh-CN'] = '';
    playbook.cadences[0]!.steps[1]!.title.en = '';
    playbook.questions[3]!.stages = [];
    const parsed = parsePlaybook(playbook);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((error) => error.path).sort()).toEqual(
      [
        playbookPath.checklistText(1, 0, 'zh-CN'),
        playbookPath.stepTitle(0, 1, 'en'),
        playbookPath.questionStages(3),
      ].sort(),
    );
  });
});

describe('question filter', () => {
  const questions = DEFAULT_PLAYBOOK.questions;

  it('narrows by stage, type, industry and words in either language, keeping bank positions', () => {
    const situation = filterQuestions(questions, { type: 'S', stageId: 'lead' });
    expect(situation.length).toBeGreaterThan(0);
    expect(situation.every(({ question }) => question.type === 'S' && question.stages.includes('lead'))).toBe(
      true,
    );
    expect(situation.every(({ question, index }) => questions[index] === question)).toBe(true);
    const software = filterQuestions(questions, { industry: 'software' });
    expect(software.every(({ question }) => question.industry === 'software')).toBe(true);
    const english = filterQuestions(questions, { text: 'BUDGET' });
    expect(english.length).toBeGreaterThan(0);
    expect(filterQuestions(questions, { text: '预算' }).length).toBeGreaterThan(0);
    expect(filterQuestions(questions, {})).toHaveLength(questions.length);
    expect(filterQuestions(questions, { text: 'zzzz-no-such-words' })).toEqual([]);
  });
});

describe('validation cost', () => {
  it('is small enough to run on every edit, even for the largest bank (printed, not asserted)', () => {
    const largest = createDefaultPlaybook();
    const base = largest.questions;
    largest.questions = Array.from({ length: 2000 }, (_, i) => ({ ...base[i % base.length]!, id: `q-${i}` }));
    for (const [label, playbook] of [
      ['default', DEFAULT_PLAYBOOK],
      ['2,000 questions', largest],
    ] as const) {
      parsePlaybook(playbook);
      const runs = 20;
      const started = performance.now();
      for (let i = 0; i < runs; i++) expect(parsePlaybook(playbook).ok).toBe(true);
      console.info(
        `[measure] parsePlaybook (${label}): ${((performance.now() - started) / runs).toFixed(2)} ms`,
      );
      const text = playbookFileText(playbook);
      const read = performance.now();
      readPlaybookFile(text);
      console.info(
        `[measure] read a ${(text.length / 1024).toFixed(0)} KB playbook file (${label}): ${(performance.now() - read).toFixed(1)} ms`,
      );
    }
  });
});
