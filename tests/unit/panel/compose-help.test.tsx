/**
 * The panel's compose help: on a compose page, the working stage's templates filled from the contact
 * and the rep, the next SPIN question, Insert through the background to the tab's content script (here
 * the in-process messenger's listener stands in for it) and Copy.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ComposeHelpSection } from '../../../components/panel/ComposeHelpSection';
import { createDefaultPlaybook } from '../../../lib/playbook/default-playbook';
import type { PageContext } from '../../../lib/messaging/messages';
import { inProcessMessenger } from '../support/in-process-messenger';
import { SectionHarness, openPanel, resetDatabase, showPage, showThread } from './section-harness';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const JANE_COMPOSE: PageContext = {
  site: 'outlook',
  kind: 'compose',
  participants: [
    { email: 'alex.morgan@dealside-demo.com', name: 'Alex Morgan', role: 'self' },
    { email: 'jane.cooper@northwind-trading.com', name: 'Jane Cooper', role: 'to' },
  ],
};
const showCompose = () => showPage(JANE_COMPOSE, 'https://outlook.office.com/mail/deeplink/compose');
const items = () => screen.getAllByTestId('template-item');
const item = (id: string) => items().find((element) => element.dataset.templateId === id)!;

/** Stands in for the tab's content script: records what it is asked to insert, answers `outcome`. */
function fakeContentScript(outcome: string) {
  const inserted: string[] = [];
  const stop = inProcessMessenger.onMessage('insertComposeText', ({ data }) => {
    inserted.push((data as { text: string }).text);
    return outcome;
  });
  return { inserted, stop };
}

describe('ComposeHelpSection', () => {
  beforeEach(async () => {
    await resetDatabase();
    await showCompose();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists the stage templates filled for the contact and the rep, unfilled ones highlighted, and the next question', async () => {
    render(<SectionHarness sections={[ComposeHelpSection]} />);
    await screen.findAllByTestId('template-item');
    expect(screen.getByText('Templates for Lead identification (no stage set yet)')).toBeVisible();
    const first = item('first-contact');
    const body = first.querySelector('.ds-compose-body')!;
    expect(body.textContent).toMatch(/^Hi Jane,\n\nI work with companies like \{company\} on/);
    // The rep's name comes from the page when settings have none.
    expect(body.textContent).toMatch(/Best regards,\nAlex Morgan$/);
    expect(within(first).getByText('{company}', { selector: 'mark' })).toBeVisible();
    expect(first).toHaveTextContent('Fill in before sending: {company}');
    const question = items().at(-1)!;
    expect(question.dataset.questionId).toBeTruthy();
    expect(within(question).getByText('Next question to ask')).toBeVisible();
  });

  it('speaks the panel language: the Chinese template greets with the whole name', async () => {
    render(<SectionHarness sections={[ComposeHelpSection]} locale="zh-CN" />);
    await screen.findAllByTestId('template-item');
    expect(item('first-contact').querySelector('.ds-compose-body')!.textContent).toMatch(
      /^Jane Cooper您好：/,
    );
  });

  it('inserts the filled text through the background and says where it went, or what to do', async () => {
    render(<SectionHarness sections={[ComposeHelpSection]} />);
    await screen.findAllByTestId('template-item');
    const expected = item('first-contact').querySelector('.ds-compose-body')!.textContent;

    const inserted = fakeContentScript('inserted');
    await userEvent.click(within(item('first-contact')).getByTestId('template-insert'));
    await waitFor(() => expect(item('first-contact')).toHaveTextContent('Inserted into your message'));
    expect(inserted.inserted).toEqual([expected]);
    inserted.stop();

    const noCaret = fakeContentScript('no-caret');
    await userEvent.click(within(item('no-reply-follow-up')).getByTestId('template-insert'));
    await waitFor(() =>
      expect(item('no-reply-follow-up')).toHaveTextContent(
        'Click in the message where the text should go, then Insert again.',
      ),
    );
    noCaret.stop();

    // Nobody in the tab answers (a page being reloaded).
    await userEvent.click(within(item('first-contact')).getByTestId('template-insert'));
    await waitFor(() =>
      expect(item('first-contact')).toHaveTextContent('The page did not answer. Reload it and try again.'),
    );
  });

  it('copies the filled text', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<SectionHarness sections={[ComposeHelpSection]} />);
    await screen.findAllByTestId('template-item');
    await userEvent.click(within(item('first-contact')).getByTestId('template-copy'));
    await waitFor(() => expect(item('first-contact')).toHaveTextContent('Copied'));
    expect(writeText.mock.calls[0]?.[0]).toMatch(/^Hi Jane,/);
  });

  it('shows markup in a template as text', async () => {
    const playbook = createDefaultPlaybook();
    playbook.stages[0]!.templates = [
      {
        id: 'hostile',
        name: { en: 'Hostile', 'zh-CN': '恶意' },
        body: { en: '<img src=x onerror=alert(1)> {firstName}', 'zh-CN': '<b>x</b>' },
      },
    ];
    const { container } = render(<SectionHarness sections={[ComposeHelpSection]} playbook={playbook} />);
    await screen.findAllByTestId('template-item');
    expect(item('hostile').querySelector('.ds-compose-body')!.textContent).toBe(
      '<img src=x onerror=alert(1)> Jane',
    );
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('compose help in the panel', () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it('appears on a compose page and not on a thread', async () => {
    await showCompose();
    const composing = openPanel();
    await screen.findByTestId('compose-help');
    composing.unmount();

    await showThread();
    openPanel();
    await screen.findByTestId('contact-email');
    await screen.findAllByTestId('spin-question');
    expect(screen.queryByTestId('compose-help')).toBeNull();
    expect(screen.queryAllByTestId('template-item')).toHaveLength(0);
  });
});
