import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../../lib/background/db-connection';
import { readPlaybook, writePlaybook } from '../../../lib/background/playbook-store';
import { updateAccount } from '../../../lib/db/accounts';
import { changeDealStage, listAccountDeals } from '../../../lib/db/deals';
import { createDefaultPlaybook, DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { playbookFileText } from '../../../lib/playbook/file';
import { resetDatabase } from '../support/database';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const { PlaybookEditor } = await import('../../../components/options/PlaybookEditor');

async function updateAccountIndustry(accountKey: string, industry: string) {
  await updateAccount(await database(), accountKey, 1_000, (account) => ({ ...account, industry }));
}

let ids = 0;
const newId = () => `p-${++ids}`;

function stageEditor(stageId: string): HTMLElement {
  const found = screen
    .getAllByTestId('stage-editor')
    .find((item) => item.getAttribute('data-stage-id') === stageId);
  if (!found) throw new Error(`no stage editor for ${stageId}`);
  return found;
}

async function openStage(stageId: string) {
  const editor = stageEditor(stageId);
  await userEvent.click(editor.querySelector('summary')!);
  return within(stageEditor(stageId));
}

function jsonFile(name: string, content: string): File {
  return new File([content], name, { type: 'application/json' });
}

async function renderEditor() {
  const started = performance.now();
  render(<PlaybookEditor />);
  await screen.findByTestId('playbook-save');
  return performance.now() - started;
}

describe('PlaybookEditor', () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it('edits a stage name in both languages, undoes, and saves for every panel', async () => {
    const ms = await renderEditor();
    console.info(
      `[measure] playbook editor first render with ${DEFAULT_PLAYBOOK.questions.length} questions: ${ms.toFixed(0)} ms`,
    );
    expect(screen.getByTestId('playbook-save')).toBeDisabled();
    const lead = await openStage('lead');
    const english = lead.getByTestId('stage-name-en');
    await userEvent.clear(english);
    await userEvent.type(english, 'Prospecting');
    await userEvent.clear(lead.getByTestId('stage-name-zh'));
    await userEvent.type(lead.getByTestId('stage-name-zh'), '寻找潜在客户');
    expect(screen.getByTestId('playbook-dirty')).toHaveTextContent('Unsaved changes');

    // Typing in one field is one step of undo.
    await userEvent.click(screen.getByTestId('playbook-undo'));
    expect(lead.getByTestId('stage-name-zh')).toHaveValue('潜在客户识别');
    expect(lead.getByTestId('stage-name-en')).toHaveValue('Prospecting');

    await userEvent.click(screen.getByTestId('playbook-save'));
    await waitFor(() => expect(screen.getByTestId('playbook-status')).toHaveTextContent('Playbook saved'));
    expect((await readPlaybook()).stages[0]?.name).toEqual({ en: 'Prospecting', 'zh-CN': '潜在客户识别' });
    expect(screen.getByTestId('playbook-dirty')).toHaveTextContent('All changes saved');
    expect(screen.getByTestId('playbook-undo')).toBeDisabled();
  });

  it('marks the field that is wrong and saves nothing until it is fixed', async () => {
    await renderEditor();
    const lead = await openStage('lead');
    await userEvent.clear(lead.getByTestId('stage-name-en'));
    expect(lead.getByTestId('stage-name-en')).toHaveAttribute('aria-invalid', 'true');
    expect(lead.getByText('Required: write something here.')).toBeInTheDocument();
    expect(within(stageEditor('lead')).getByText('1 to fix')).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('playbook-save'));
    expect(screen.getByTestId('playbook-status')).toHaveTextContent('fix the 1 problems');
    const problem = within(screen.getByTestId('playbook-problems')).getByTestId('playbook-error');
    expect(problem).toHaveAttribute('data-path', 'stages[0].name.en');
    expect(lead.getByTestId('stage-name-en')).toHaveFocus();
    expect(await readPlaybook()).toEqual(DEFAULT_PLAYBOOK);
  });

  it('adds a stage template, reports an unknown placeholder where it is, and saves it once fixed', async () => {
    await renderEditor();
    const lead = await openStage('lead');
    const before = lead.getAllByTestId('template-editor').length;
    await userEvent.click(lead.getByTestId('template-add'));
    const added = lead.getAllByTestId('template-editor').at(-1)!;
    const fields = within(added);
    expect(fields.getByTestId('template-name-en')).toHaveFocus();
    await userEvent.clear(fields.getByTestId('template-name-en'));
    await userEvent.type(fields.getByTestId('template-name-en'), 'Pilot recap');
    await userEvent.type(fields.getByTestId('template-body-en'), 'Hi {{FirstName},');
    await userEvent.type(fields.getByTestId('template-body-zh'), '{{fullName}您好');
    expect(fields.getByTestId('template-body-en')).toHaveAttribute('aria-invalid', 'true');
    expect(
      fields.getByText(
        'Unknown placeholder {FirstName}. Use {firstName}, {lastName}, {fullName}, {company} or {senderName}.',
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('playbook-save'));
    expect(within(screen.getByTestId('playbook-problems')).getByTestId('playbook-error')).toHaveAttribute(
      'data-path',
      `stages[0].templates[${before}].body.en`,
    );
    expect(await readPlaybook()).toEqual(DEFAULT_PLAYBOOK);

    await userEvent.clear(fields.getByTestId('template-body-en'));
    await userEvent.type(fields.getByTestId('template-body-en'), 'Hi {{firstName},');
    await userEvent.click(screen.getByTestId('playbook-save'));
    await waitFor(() => expect(screen.getByTestId('playbook-status')).toHaveTextContent('Playbook saved'));
    const saved = (await readPlaybook()).stages[0]!.templates!;
    expect(saved.at(-1)).toEqual({
      id: 'new-template',
      name: { en: 'Pilot recap', 'zh-CN': '新模板' },
      body: { en: 'Hi {firstName},', 'zh-CN': '{fullName}您好' },
    });

    // Removing it saves the stage's templates without it.
    await userEvent.click(
      within(lead.getAllByTestId('template-editor').at(-1)!).getByTestId('template-remove'),
    );
    await userEvent.click(screen.getByTestId('playbook-save'));
    await waitFor(async () => expect((await readPlaybook()).stages[0]!.templates).toHaveLength(before));
  }, 30_000);

  it('removes a stage, moving its deals to the stage the rep picks when saving', async () => {
    const db = await database();
    await changeDealStage(
      db,
      { accountKey: 'northwind-trading.com', stageId: 'discovery', proposals: [] },
      1000,
      newId,
    );
    await renderEditor();
    const discovery = await openStage('discovery');
    await userEvent.click(discovery.getByTestId('stage-remove'));
    expect(discovery.getByTestId('stage-remove-target')).toHaveFocus();
    await userEvent.selectOptions(discovery.getByTestId('stage-remove-target'), 'solution');
    await userEvent.click(discovery.getByTestId('stage-remove-confirm'));
    expect(
      screen.getAllByTestId('stage-editor').map((item) => item.getAttribute('data-stage-id')),
    ).not.toContain('discovery');
    await userEvent.click(screen.getByTestId('playbook-save'));
    await waitFor(() =>
      expect(screen.getByTestId('playbook-status')).toHaveTextContent('1 deals moved to their new stage'),
    );
    expect((await listAccountDeals(db, 'northwind-trading.com')).map((deal) => deal.stageId)).toEqual([
      'solution',
    ]);
  });

  it('exports the playbook as a versioned JSON file', async () => {
    await renderEditor();
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((value) => {
      blob = value as Blob;
      return 'blob:playbook';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await userEvent.click(screen.getByTestId('playbook-export'));
    expect(click).toHaveBeenCalledOnce();
    expect(await blob!.text()).toBe(playbookFileText(DEFAULT_PLAYBOOK));
    expect(screen.getByTestId('playbook-status')).toHaveTextContent(/Exported dealside-playbook-.*\.json/);
  });

  it('imports a file into the draft, to be saved; an invalid file changes nothing and says where it is wrong', async () => {
    await renderEditor();
    const input = screen.getByTestId('playbook-import');

    const broken = createDefaultPlaybook() as unknown as {
      version: number;
      stages: { name: { en: string } }[];
    };
    broken.version = 2;
    broken.stages[2]!.name.en = '';
    await userEvent.upload(input, jsonFile('broken.json', JSON.stringify(broken)));
    const list = await screen.findByTestId('playbook-import-error-list');
    expect(
      within(list)
        .getAllByTestId('playbook-error')
        .map((item) => item.getAttribute('data-path')),
    ).toEqual(['version', 'stages[2].name.en']);
    expect(list).toHaveTextContent('This playbook version cannot be read');
    expect(screen.getByTestId('playbook-dirty')).toHaveTextContent('All changes saved');

    await userEvent.upload(input, jsonFile('not-json.json', '{ "format": '));
    await waitFor(() =>
      expect(screen.getByTestId('playbook-import-error-list')).toHaveTextContent(
        '(whole file) Not a JSON file',
      ),
    );

    const shared = createDefaultPlaybook();
    shared.stages[0]!.name.en = 'Qualify';
    await userEvent.upload(input, jsonFile('team.json', playbookFileText(shared)));
    await waitFor(() => expect(screen.getByTestId('playbook-status')).toHaveTextContent('Imported'));
    expect(screen.queryByTestId('playbook-import-errors')).toBeNull();
    expect(screen.getByTestId('playbook-dirty')).toHaveTextContent('Unsaved changes');
    expect(within(stageEditor('lead')).getByText('Stage 1: Qualify')).toBeInTheDocument();
    expect((await readPlaybook()).stages[0]?.name.en).toBe('Lead identification');
    await userEvent.click(screen.getByTestId('playbook-save'));
    await waitFor(async () => expect((await readPlaybook()).stages[0]?.name.en).toBe('Qualify'));
  });

  it('asks where deals go when an imported playbook lacks their stage', async () => {
    const db = await database();
    await changeDealStage(
      db,
      { accountKey: 'contoso.com', stageId: 'negotiation', proposals: [] },
      1000,
      newId,
    );
    await renderEditor();
    const lean = createDefaultPlaybook();
    lean.stages = lean.stages.filter((stage) => stage.id !== 'negotiation');
    lean.cadences = lean.cadences.filter((cadence) => cadence.stageId !== 'negotiation');
    lean.questions = lean.questions
      .map((question) => ({ ...question, stages: question.stages.filter((id) => id !== 'negotiation') }))
      .filter((question) => question.stages.length > 0);
    await userEvent.upload(
      screen.getByTestId('playbook-import'),
      jsonFile('lean.json', playbookFileText(lean)),
    );
    await waitFor(() => expect(screen.getByTestId('playbook-status')).toHaveTextContent('Imported'));
    await userEvent.click(screen.getByTestId('playbook-save'));
    const homes = await screen.findByTestId('playbook-homes');
    await userEvent.selectOptions(
      within(homes).getByLabelText('Deals in "Negotiation & signing" go to'),
      'after-sales',
    );
    await userEvent.click(within(homes).getByTestId('playbook-homes-save'));
    await waitFor(async () =>
      expect((await listAccountDeals(db, 'contoso.com')).map((deal) => deal.stageId)).toEqual([
        'after-sales',
      ]),
    );
    expect((await readPlaybook()).stages.map((stage) => stage.id)).not.toContain('negotiation');
  });

  it('resets to the default playbook only after confirmation', async () => {
    const custom = createDefaultPlaybook();
    custom.stages[0]!.name.en = 'Custom';
    await writePlaybook(custom);
    await renderEditor();
    await userEvent.click(screen.getByTestId('playbook-reset'));
    expect(screen.getByTestId('playbook-reset-confirm')).toHaveFocus();
    await userEvent.click(screen.getByTestId('playbook-reset-confirm'));
    expect(within(stageEditor('lead')).getByText('Stage 1: Lead identification')).toBeInTheDocument();
    expect((await readPlaybook()).stages[0]?.name.en).toBe('Custom');
    await userEvent.click(screen.getByTestId('playbook-save'));
    await waitFor(async () => expect(await readPlaybook()).toEqual(DEFAULT_PLAYBOOK));
  });

  it('keeps a large question bank usable: filters, collapsed groups, adding and editing a question', async () => {
    await renderEditor();
    const total = DEFAULT_PLAYBOOK.questions.length;
    expect(screen.getByTestId('question-count')).toHaveTextContent(`Showing ${total} of ${total} questions`);
    // Collapsed: no question editors are rendered until a group opens.
    expect(screen.queryAllByTestId('question-editor')).toHaveLength(0);

    const started = performance.now();
    await userEvent.selectOptions(screen.getByTestId('question-filter-type'), 'N');
    await userEvent.selectOptions(screen.getByTestId('question-filter-industry'), 'software');
    console.info(
      `[measure] question filter (2 changes, ${total} questions): ${(performance.now() - started).toFixed(0)} ms`,
    );
    const shown = DEFAULT_PLAYBOOK.questions.filter(
      (q) => q.type === 'N' && q.industry === 'software',
    ).length;
    expect(screen.getByTestId('question-count')).toHaveTextContent(`Showing ${shown} of ${total} questions`);
    const groups = screen.getAllByTestId('question-group');
    expect(groups.map((group) => group.getAttribute('data-spin-type'))).toEqual(['N']);

    await userEvent.click(screen.getByTestId('question-add'));
    const added = screen
      .getAllByTestId('question-editor')
      .find((item) => item.getAttribute('data-question-id') === 'software-n-custom')!;
    const english = within(added).getByTestId('question-text-en');
    expect(english).toHaveFocus();
    expect(english).toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(english, 'What would a faster rollout be worth to you?');
    await userEvent.type(within(added).getByTestId('question-text-zh'), '更快上线对您意味着多大价值？');
    expect(english).not.toHaveAttribute('aria-invalid');
    fireEvent.click(screen.getByTestId('playbook-save'));
    await waitFor(async () =>
      expect((await readPlaybook()).questions.at(-1)).toMatchObject({
        id: 'software-n-custom',
        type: 'N',
        industry: 'software',
        stages: ['lead'],
      }),
    );
  });

  it('adds a stage with a cadence step and checklist item, focused for typing', async () => {
    await renderEditor();
    await userEvent.click(screen.getByTestId('stage-add'));
    const added = within(stageEditor('new-stage'));
    expect(added.getByTestId('stage-name-en')).toHaveFocus();
    expect(added.getByTestId('stage-name-en')).toHaveValue('New stage');
    await userEvent.click(added.getByText('Add checklist item'));
    await userEvent.keyboard('Pilot agreed');
    await userEvent.click(added.getByText('Add follow-up step'));
    await userEvent.keyboard('Check in');
    const items = added.getAllByTestId('checklist-item-editor');
    expect(within(items[0]!).getAllByRole('textbox')[0]).toHaveValue('Pilot agreed');
    expect(added.getAllByTestId('cadence-step-editor')).toHaveLength(1);
    // The Chinese texts are still missing: 3 fields to fix (goal in both languages is also empty).
    expect(screen.getByTestId('playbook-dirty')).toHaveTextContent('Unsaved changes');
    await act(async () => undefined);
  });

  describe('industries', () => {
    it('adds an industry, gives it its own checklist in a stage, and saves both', async () => {
      await renderEditor();
      await userEvent.click(screen.getByTestId('industry-add'));
      expect(screen.getByTestId('industry-add-error')).toHaveTextContent(
        'Give the industry a name in both languages.',
      );
      fireEvent.change(screen.getByTestId('industry-new-en'), { target: { value: 'Retail' } });
      fireEvent.change(screen.getByTestId('industry-new-zh'), { target: { value: '零售' } });
      expect(screen.getByTestId('industry-new-id')).toHaveAttribute('placeholder', 'retail');
      await userEvent.click(screen.getByTestId('industry-add'));
      expect(screen.queryByTestId('industry-add-error')).not.toBeInTheDocument();
      const retail = screen
        .getAllByTestId('industry-editor')
        .find((row) => row.dataset.industryId === 'retail')!;
      expect(within(retail).getByTestId('industry-name-zh')).toHaveValue('零售');

      const lead = await openStage('lead');
      await userEvent.selectOptions(lead.getByTestId('stage-industry'), 'retail');
      expect(lead.getByTestId('checklist-variant-none')).toHaveTextContent(
        'Same as general: Retail accounts follow the general checklist in this stage.',
      );
      await userEvent.click(lead.getByTestId('checklist-variant-add'));
      const texts = lead.getAllByTestId('checklist-item-text-en');
      expect(texts).toHaveLength(DEFAULT_PLAYBOOK.stages[0]!.checklist.length);
      fireEvent.change(texts[0]!, { target: { value: 'Store count and footfall known' } });
      expect(lead.getByTestId('stage-industry')).toHaveDisplayValue('Retail · own process');
      // The general list is untouched.
      await userEvent.selectOptions(lead.getByTestId('stage-industry'), 'general');
      expect(lead.getAllByTestId('checklist-item-text-en')[0]).toHaveValue(
        DEFAULT_PLAYBOOK.stages[0]!.checklist[0]!.text.en,
      );

      await userEvent.click(screen.getByTestId('playbook-save'));
      await waitFor(() => expect(screen.getByTestId('playbook-status')).toHaveTextContent('Playbook saved'));
      const saved = await readPlaybook();
      expect(saved.industries.at(-1)).toEqual({ id: 'retail', name: { en: 'Retail', 'zh-CN': '零售' } });
      expect(saved.stages[0]!.industryChecklists?.retail?.[0]).toEqual({
        id: 'retail-research-background',
        text: {
          en: 'Store count and footfall known',
          'zh-CN': DEFAULT_PLAYBOOK.stages[0]!.checklist[0]!.text['zh-CN'],
        },
      });
    }, 15_000);

    it('refuses to remove an industry with a process of its own, and removes one without after saying what its accounts keep', async () => {
      await updateAccountIndustry('northwind-trading.com', 'retail');
      await renderEditor();
      const row = (id: string) =>
        screen.getAllByTestId('industry-editor').find((item) => item.dataset.industryId === id)!;
      await userEvent.click(within(row('services')).getByTestId('industry-remove'));
      const blocked = within(row('services')).getByTestId('industry-remove-blocked');
      expect(blocked).toHaveTextContent(
        'Own checklist in: Solution design, Negotiation & signing, After-sales & retention',
      );
      expect(blocked).toHaveTextContent('Own cadence in: Solution design, After-sales & retention');
      expect(within(row('services')).queryByTestId('industry-remove-confirm')).not.toBeInTheDocument();

      fireEvent.change(screen.getByTestId('industry-new-en'), { target: { value: 'Retail' } });
      fireEvent.change(screen.getByTestId('industry-new-zh'), { target: { value: '零售' } });
      await userEvent.click(screen.getByTestId('industry-add'));
      await userEvent.click(within(row('retail')).getByTestId('industry-remove'));
      await waitFor(() =>
        expect(within(row('retail')).getByTestId('industry-remove-confirm-box')).toHaveTextContent(
          '1 accounts are set to “retail”. They keep it and follow the general process',
        ),
      );
      await userEvent.click(within(row('retail')).getByTestId('industry-remove-confirm'));
      expect(screen.getAllByTestId('industry-editor').map((item) => item.dataset.industryId)).toEqual([
        'manufacturing',
        'services',
        'software',
      ]);
    }, 15_000);
  });
});
