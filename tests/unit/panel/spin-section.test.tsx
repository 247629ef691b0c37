import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { updateAccount } from '../../../lib/db/accounts';
import { changeDealStage } from '../../../lib/db/deals';
import { listQuestionsAsked, logQuestionAsked } from '../../../lib/db/question-log';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import type { IndustryId, SpinQuestion } from '../../../lib/playbook/schema';
import { rankSpinQuestions } from '../../../lib/playbook/spin';
import { onInsertIntoNote } from '../../../components/panel/events';
import { SPIN_PAGE_SIZE, SpinSection } from '../../../components/panel/SpinSection';
import { StageSection } from '../../../components/panel/StageSection';
import { ACCOUNT_KEY, SectionHarness, database, resetDatabase, showThread } from './section-harness';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const questionById = new Map(DEFAULT_PLAYBOOK.questions.map((question) => [question.id, question]));
const shown = () => screen.queryAllByTestId('spin-question');
const shownIds = () => shown().map((item) => item.dataset.questionId!);
const shownTypes = () => new Set(shown().map((item) => item.dataset.spinType));

/** The account's industry, its deal's stage and the questions asked of it, as earlier work left them. */
async function seed(change: { stageId?: string; industry?: IndustryId; asked?: string[] }): Promise<void> {
  const db = await database();
  await updateAccount(db, ACCOUNT_KEY, 1000, (account) => ({
    ...account,
    ...(change.industry ? { industry: change.industry } : {}),
  }));
  if (change.stageId) {
    await changeDealStage(db, { accountKey: ACCOUNT_KEY, stageId: change.stageId, proposals: [] }, 1000, () =>
      crypto.randomUUID(),
    );
  }
  for (const questionId of change.asked ?? []) {
    await logQuestionAsked(db, {
      accountKey: ACCOUNT_KEY,
      questionId,
      spinType: questionById.get(questionId)!.type,
      askedAt: 1000,
    });
  }
}

async function askedInDb(): Promise<string[]> {
  return (await listQuestionsAsked(await database(), ACCOUNT_KEY)).map((entry) => entry.questionId);
}

function ranking(stageId: string, industry: IndustryId = 'general', askedIds: string[] = []): SpinQuestion[] {
  return rankSpinQuestions(DEFAULT_PLAYBOOK, { stageId, industry, askedIds });
}

describe('SpinSection', () => {
  beforeEach(async () => {
    await resetDatabase();
    await showThread();
  });

  it('suggests a few questions of mixed types for the first stage while the deal has none', async () => {
    render(<SectionHarness sections={[SpinSection]} />);
    await screen.findAllByTestId('spin-question');

    expect(shown()).toHaveLength(SPIN_PAGE_SIZE);
    expect(
      screen.getByText('Until a stage is picked, these are for Lead identification · General'),
    ).toBeVisible();
    // Lead identification is about the situation and its problems.
    expect(shownTypes()).toEqual(new Set(['S', 'P']));
    for (const item of shown()) {
      const question = questionById.get(item.dataset.questionId!)!;
      expect(question.stages).toContain('lead');
      expect(item.dataset.spinType).toBe(question.type);
      expect(item).toHaveTextContent(question.text.en);
    }
    const badge = within(shown()[0]!).getByText('Situation');
    expect(badge).toHaveAttribute('title', 'Situation question: facts about how the customer works today.');
  });

  it('leads with Implication and Need-payoff questions once the deal is further on', async () => {
    render(<SectionHarness sections={[StageSection, SpinSection]} />);
    await screen.findAllByTestId('spin-question');
    expect(shownTypes()).toEqual(new Set(['S', 'P']));

    await userEvent.selectOptions(screen.getByTestId('stage-select'), 'negotiation');
    await waitFor(() => expect(shownTypes()).toEqual(new Set(['I', 'N'])));
    expect(shown()).toHaveLength(SPIN_PAGE_SIZE);
    expect(
      shown().every((item) => questionById.get(item.dataset.questionId!)!.stages.includes('negotiation')),
    ).toBe(true);

    await userEvent.selectOptions(screen.getByTestId('stage-select'), 'discovery');
    // Needs discovery runs the whole SPIN sequence, in order.
    await waitFor(() => expect(shown().map((item) => item.dataset.spinType)).toEqual(['S', 'P', 'I', 'N']));
  });

  it("puts the account's industry questions first", async () => {
    await seed({ stageId: 'discovery', industry: 'manufacturing' });
    render(<SectionHarness sections={[SpinSection]} />);
    await screen.findAllByTestId('spin-question');
    expect(screen.getByText('For Needs discovery · Manufacturing')).toBeVisible();
    expect(shownIds().every((id) => questionById.get(id)!.industry === 'manufacturing')).toBe(true);
  });

  it('never suggests a question already asked of the account', async () => {
    const firstPage = ranking('discovery')
      .slice(0, SPIN_PAGE_SIZE)
      .map((question) => question.id);
    await seed({ stageId: 'discovery', asked: firstPage.slice(0, 2) });
    render(<SectionHarness sections={[SpinSection]} />);
    await screen.findAllByTestId('spin-question');

    expect(shown()).toHaveLength(SPIN_PAGE_SIZE);
    expect(shownIds()).not.toContain(firstPage[0]);
    expect(shownIds()).not.toContain(firstPage[1]);
    expect(shownIds()).toContain(firstPage[2]);
    expect(screen.getByText('Asked (2)')).toBeInTheDocument();
  });

  it('logs a question as asked, drops it from the suggestions, and undoes that', async () => {
    await seed({ stageId: 'discovery' });
    render(<SectionHarness sections={[SpinSection]} />);
    await screen.findAllByTestId('spin-question');
    const [first] = shown();
    const firstId = first!.dataset.questionId!;
    const question = questionById.get(firstId)!;

    const askedButton = within(first!).getByRole('button', { name: 'Asked' });
    expect(askedButton).toHaveAccessibleDescription(question.text.en);
    await userEvent.click(askedButton);
    await waitFor(() => expect(shownIds()).not.toContain(firstId));
    expect(shown()).toHaveLength(SPIN_PAGE_SIZE);
    const log = await listQuestionsAsked(await database(), ACCOUNT_KEY);
    expect(log.map((entry) => [entry.questionId, entry.spinType])).toEqual([[firstId, question.type]]);

    await userEvent.click(screen.getByText('Asked (1)'));
    const askedItem = screen.getByTestId('spin-asked');
    expect(askedItem).toHaveTextContent(question.text.en);
    await userEvent.click(within(askedItem).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(shownIds()[0]).toBe(firstId));
    expect(await askedInDb()).toEqual([]);
    expect(screen.queryByText(/^Asked \(/)).not.toBeInTheDocument();
  });

  it('keeps keyboard focus on the next question after marking one asked', async () => {
    await seed({ stageId: 'discovery' });
    render(<SectionHarness sections={[SpinSection]} />);
    await screen.findAllByTestId('spin-question');
    const firstId = shownIds()[0];

    within(shown()[0]!).getByRole('button', { name: 'Asked' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(shownIds()).not.toContain(firstId));
    // The question now in the first place takes the focus the pressed button had (once it has rendered).
    await waitFor(() => expect(within(shown()[0]!).getByRole('button', { name: 'Asked' })).toHaveFocus());
  });

  it('pages through further suggestions with More, and wraps round', async () => {
    await seed({ stageId: 'discovery' });
    const all = ranking('discovery').map((question) => question.id);
    expect(all.length).toBeGreaterThan(2 * SPIN_PAGE_SIZE);
    render(<SectionHarness sections={[SpinSection]} />);
    await screen.findAllByTestId('spin-question');

    const seen: string[] = [...shownIds()];
    expect(screen.getByText(`1–4 of ${all.length}`)).toBeInTheDocument();
    const more = screen.getByRole('button', { name: 'More' });
    const pages = Math.ceil(all.length / SPIN_PAGE_SIZE);
    for (let page = 1; page < pages; page++) {
      await userEvent.click(more);
      const ids = shownIds();
      expect(ids.some((id) => seen.includes(id))).toBe(false);
      seen.push(...ids);
    }
    expect(seen).toEqual(all);

    await userEvent.click(more);
    expect(shownIds()).toEqual(all.slice(0, SPIN_PAGE_SIZE));
    expect(screen.getByText(`1–4 of ${all.length}`)).toBeInTheDocument();
  });

  it('says when every question for the stage has been asked', async () => {
    await seed({ stageId: 'lead', asked: ranking('lead').map((question) => question.id) });
    render(<SectionHarness sections={[SpinSection]} />);
    expect(await screen.findByText(/^Every question for this stage has been asked\./)).toBeInTheDocument();
    expect(shown()).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'More' })).not.toBeInTheDocument();
    expect(screen.getByText(`Asked (${ranking('lead').length})`)).toBeInTheDocument();
  });

  describe('Insert into note', () => {
    let stopListening: (() => void) | undefined;
    afterEach(() => stopListening?.());

    it('sends the question text to the note editor', async () => {
      const inserted: string[] = [];
      stopListening = onInsertIntoNote((text) => inserted.push(text));
      render(<SectionHarness sections={[SpinSection]} locale="zh-CN" />);
      await screen.findAllByTestId('spin-question');
      const question = questionById.get(shownIds()[1]!)!;

      await userEvent.click(within(shown()[1]!).getByRole('button', { name: 'Insert into note' }));
      expect(inserted).toEqual([question.text['zh-CN']]);
      expect(screen.getByRole('status')).toHaveTextContent('Added to the note.');
      // Inserting is not asking: nothing is logged.
      expect(await askedInDb()).toEqual([]);
    });

    it('says so when no note editor is listening', async () => {
      render(<SectionHarness sections={[SpinSection]} />);
      await screen.findAllByTestId('spin-question');
      await userEvent.click(within(shown()[0]!).getByRole('button', { name: 'Insert into note' }));
      expect(screen.getByRole('status')).toHaveTextContent('No note editor is open to insert into.');
    });
  });
});
