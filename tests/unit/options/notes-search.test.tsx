import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../../lib/background/db-connection';
import { keepNotesSearchIndexCurrent } from '../../../lib/background/main';
import { notesSearchIndex } from '../../../lib/background/handlers/options-insights';
import { recordContactSeen } from '../../../lib/db/accounts';
import { saveNoteEdit } from '../../../lib/db/notes';
import { resetDatabase } from '../support/database';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

keepNotesSearchIndexCurrent();
const { NotesSearch } = await import('../../../components/options/NotesSearch');

const NORTHWIND = 'northwind-trading.com';
const JANE = 'jane.cooper@northwind-trading.com';
let ids = 0;

async function note(body: string, contactEmail?: string) {
  await saveNoteEdit(
    await database(),
    {
      id: `s-${++ids}`,
      accountKey: NORTHWIND,
      contactEmail,
      contact: contactEmail ? { email: contactEmail, accountKey: NORTHWIND, name: 'Jane Cooper' } : undefined,
      kind: 'note',
      body,
      baseRevision: null,
    },
    1_700_000_000_000 + ids * 1000,
    () => `c-${ids}`,
  );
}

const results = () => screen.queryAllByTestId('notes-search-result');

describe('NotesSearch', () => {
  beforeEach(async () => {
    await resetDatabase();
    notesSearchIndex.unload();
  });

  it('finds a note as the rep types, marks the match and opens the conversation', async () => {
    await note('Lunch at the Café de Flore about the pilot', JANE);
    await recordContactSeen(
      await database(),
      JANE,
      'https://mail.google.com/mail/u/0/#inbox/abc',
      Date.now(),
    );
    render(<NotesSearch />);

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search all notes' }), 'cafe');
    await vi.waitFor(() => expect(results()).toHaveLength(1));
    const [hit] = results();
    expect(within(hit!).getByTestId('notes-search-account')).toHaveTextContent(NORTHWIND);
    expect(hit).toHaveTextContent('Jane Cooper <jane.cooper@northwind-trading.com>');
    expect(hit!.querySelector('mark')).toHaveTextContent('Café');
    const open = within(hit!).getByRole('link', {
      name: 'Open conversation with Jane Cooper (new tab)',
    });
    expect(open).toHaveAttribute('href', 'https://mail.google.com/mail/u/0/#inbox/abc');
    expect(open).toHaveAttribute('target', '_blank');
    expect(screen.getByRole('status')).toHaveTextContent('Notes found: 1');
  });

  it('finds Chinese text by a substring, and offers a new mail when no page is known', async () => {
    await note('客户说:请尽快发送报价单给采购部。', JANE);
    render(<NotesSearch />);
    await userEvent.type(screen.getByTestId('notes-search'), '报价');
    await vi.waitFor(() => expect(results()).toHaveLength(1));
    expect(results()[0]!.querySelector('mark')).toHaveTextContent('报价');
    expect(within(results()[0]!).getByRole('link', { name: `Write email to ${JANE}` })).toHaveAttribute(
      'href',
      `mailto:${JANE}`,
    );
  });

  it('shows note text as text, never as markup', async () => {
    await note('<img src=x onerror="window.hacked=1"> <b>quote</b> sent');
    const { container } = render(<NotesSearch />);
    await userEvent.type(screen.getByTestId('notes-search'), 'quote');
    await vi.waitFor(() => expect(results()).toHaveLength(1));
    expect(container.querySelector('img, b')).toBeNull();
    expect(results()[0]).toHaveTextContent('<img src=x onerror="window.hacked=1"> <b>quote</b> sent');
  });

  it("says when nothing matches, and shows only the latest query's results", async () => {
    await note('pricing for the pilot');
    await note('pilot feedback');
    render(<NotesSearch />);
    const input = screen.getByTestId('notes-search');
    await userEvent.type(input, 'pil');
    await userEvent.clear(input);
    await userEvent.type(input, 'pricing');
    await vi.waitFor(() => expect(results()).toHaveLength(1));
    expect(results()[0]).toHaveTextContent('pricing for the pilot');

    await userEvent.clear(input);
    await userEvent.type(input, 'budget');
    await vi.waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('No notes contain “budget”.'),
    );
    expect(results()).toHaveLength(0);
  });

  it('shows 50 results, then more on request', async () => {
    for (let index = 0; index < 60; index += 1) await note(`follow up ${index}`);
    render(<NotesSearch />);
    await userEvent.type(screen.getByTestId('notes-search'), 'follow');
    await vi.waitFor(() => expect(results()).toHaveLength(50));
    expect(screen.getByRole('status')).toHaveTextContent('Notes found: 60 · showing 50');
    await userEvent.click(screen.getByRole('button', { name: 'Show more results' }));
    await vi.waitFor(() => expect(results()).toHaveLength(60));
    expect(screen.queryByRole('button', { name: 'Show more results' })).toBeNull();
  });
});
