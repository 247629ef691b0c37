import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INSERT_INTO_NOTE_EVENT, requestInsertIntoNote } from '../../../components/panel/events';
import { listNotes } from '../../../lib/db/notes';
import type { NoteRecord } from '../../../lib/db/records';
import { NotesSection } from '../../../components/panel/NotesSection';
import { broadcastPageChanged } from '../../../lib/background/broadcast';
import { recordTabPage } from '../../../lib/background/page-registry';
import { PANEL_TAB_ID } from '../support/in-process-messenger';
import { eventually } from '../support/eventually';
import { ACCOUNT_KEY, database, resetDatabase, SectionHarness, showThread } from './section-harness';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const renderNotes = () => render(<SectionHarness sections={[NotesSection]} />);
const storedNotes = async () => listNotes(await database(), ACCOUNT_KEY);
const editor = () => screen.getByTestId('note-editor') as HTMLTextAreaElement;

describe('NotesSection', () => {
  beforeEach(async () => {
    await resetDatabase();
    await showThread();
  });

  describe('call mode', () => {
    beforeEach(() => {
      // Only the clock and the timer's interval are fake; saves and the database run as usual.
      vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
      vi.setSystemTime(new Date(2026, 10, 25, 10, 0, 0));
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('times the call, stamps each new line, and keeps the note with its duration', async () => {
      renderNotes();
      await screen.findByTestId('note-editor');
      await userEvent.click(screen.getByTestId('call-start'));

      const timer = await screen.findByTestId('call-timer');
      expect(timer).toHaveTextContent('00:00');
      expect(timer).toHaveAttribute('aria-live', 'polite');
      expect(editor()).toHaveValue('[00:00] ');
      expect(editor()).toHaveAttribute('data-note-kind', 'call');
      expect(editor()).toHaveAccessibleName('Call note');
      expect(editor()).toHaveFocus();

      await userEvent.keyboard('Budget approved');
      act(() => vi.advanceTimersByTime(192_000));
      expect(timer).toHaveTextContent('03:12');
      await userEvent.keyboard('{Enter}Needs SSO');
      expect(editor()).toHaveValue('[00:00] Budget approved\n[03:12] Needs SSO');

      act(() => vi.advanceTimersByTime(48_000));
      expect(timer).toHaveTextContent('04:00');
      // Shift+Enter continues the line's thought without a stamp.
      await userEvent.keyboard('{Shift>}{Enter}{/Shift}and SCIM');
      expect(editor()).toHaveValue('[00:00] Budget approved\n[03:12] Needs SSO\nand SCIM');

      await userEvent.click(screen.getByTestId('call-end'));
      const ended = '[00:00] Budget approved\n[03:12] Needs SSO\nand SCIM\n— call ended after 04:00';
      expect(editor()).toHaveValue(ended);
      expect(screen.queryByTestId('call-timer')).not.toBeInTheDocument();

      const [note] = await eventually(storedNotes, (notes) => notes[0]?.body === ended);
      expect(note!.kind).toBe('call');
      expect(await screen.findByTestId('note-call-badge')).toHaveTextContent('Call · 04:00');
      expect(screen.getByTestId('note-item')).toHaveAttribute('data-note-kind', 'call');
    });

    it('stamps a line started in the middle of the text at the caret', async () => {
      renderNotes();
      await screen.findByTestId('note-editor');
      await userEvent.click(screen.getByTestId('call-start'));
      await userEvent.keyboard('Pricing Timeline');
      act(() => vi.advanceTimersByTime(65_000));
      const caret = '[00:00] Pricing'.length;
      act(() => editor().setSelectionRange(caret, caret + 1));
      await userEvent.keyboard('{Enter}');
      expect(editor()).toHaveValue('[00:00] Pricing\n[01:05] Timeline');
      expect(editor().selectionStart).toBe('[00:00] Pricing\n[01:05] '.length);
    });

    it('a call ended without notes still records that it happened', async () => {
      renderNotes();
      await screen.findByTestId('note-editor');
      await userEvent.click(screen.getByTestId('call-start'));
      act(() => vi.advanceTimersByTime(42_000));
      await userEvent.click(screen.getByTestId('call-end'));
      const [note] = await eventually(storedNotes, (notes) => notes.length === 1);
      expect(note).toMatchObject({ kind: 'call', body: '— call ended after 00:42' });
    });

    it('starting a new note ends the call first', async () => {
      renderNotes();
      await screen.findByTestId('note-editor');
      await userEvent.click(screen.getByTestId('call-start'));
      await userEvent.keyboard('Short check-in');
      act(() => vi.advanceTimersByTime(30_000));
      await userEvent.click(screen.getByRole('button', { name: 'New note' }));
      await waitFor(() => expect(editor()).toHaveValue(''));
      expect(editor()).toHaveAttribute('data-note-kind', 'note');
      const [note] = await eventually(storedNotes, (notes) => notes[0]?.body.endsWith('00:30') ?? false);
      expect(note).toMatchObject({ kind: 'call', body: '[00:00] Short check-in\n— call ended after 00:30' });
    });
  });

  describe('text from elsewhere in the panel', () => {
    it('goes in at the caret the rep left, and is saved', async () => {
      renderNotes();
      await userEvent.type(await screen.findByTestId('note-editor'), 'Budget approved');
      act(() => editor().setSelectionRange(0, 0));
      fireEvent.select(editor());
      act(() => editor().blur());

      let taken = false;
      act(() => {
        taken = requestInsertIntoNote('Who signs? ');
      });
      expect(taken).toBe(true);
      expect(editor()).toHaveValue('Who signs? Budget approved');
      await eventually(storedNotes, (notes) => notes[0]?.body === 'Who signs? Budget approved');
    });

    it('goes at the end on a line of its own when the rep has not placed a caret', async () => {
      const db = await database();
      await db.put('notes', noteRow(1, 'Met Jane at the fair'));
      renderNotes();
      await userEvent.click(
        within(await screen.findByTestId('note-item')).getByRole('button', { name: 'Edit' }),
      );
      expect(editor()).toHaveValue('Met Jane at the fair');

      act(() => {
        window.dispatchEvent(new CustomEvent(INSERT_INTO_NOTE_EVENT, { detail: { text: '如何衡量成功？' } }));
      });
      expect(editor()).toHaveValue('Met Jane at the fair\n如何衡量成功？');
      await eventually(storedNotes, (notes) => notes[0]?.body === 'Met Jane at the fair\n如何衡量成功？');
    });

    it('ignores an event without text', async () => {
      renderNotes();
      await screen.findByTestId('note-editor');
      act(() => {
        window.dispatchEvent(new CustomEvent(INSERT_INTO_NOTE_EVENT, { detail: { text: 42 } }));
      });
      expect(editor()).toHaveValue('');
    });
  });

  describe('long lists and long notes', () => {
    it('shows 50 notes at a time', async () => {
      const db = await database();
      for (let index = 1; index <= 120; index += 1) await db.put('notes', noteRow(index, `Note ${index}`));
      renderNotes();
      await waitFor(() => expect(screen.getAllByTestId('note-item')).toHaveLength(50));
      expect(screen.getAllByTestId('note-item')[0]).toHaveTextContent('Note 120');
      const more = screen.getByTestId('notes-show-more');
      expect(more).toHaveTextContent('Show more (50 of 120 shown)');
      await userEvent.click(more);
      expect(screen.getAllByTestId('note-item')).toHaveLength(100);
      await userEvent.click(screen.getByTestId('notes-show-more'));
      expect(screen.getAllByTestId('note-item')).toHaveLength(120);
      expect(screen.queryByTestId('notes-show-more')).not.toBeInTheDocument();
    });

    it('reads notes beyond the newest 500 from the background a page at a time, and keeps them fresh', async () => {
      const db = await database();
      const tx = db.transaction('notes', 'readwrite');
      for (let index = 1; index <= 560; index += 1) void tx.store.put(noteRow(index, `Note ${index}`));
      await tx.done;
      renderNotes();
      await waitFor(() => expect(screen.getAllByTestId('note-item')).toHaveLength(50));
      // More than the panel loads: the count is open until the last page is read.
      expect(screen.getByTestId('notes-show-more')).toHaveTextContent('Show more (50 of 500+ shown)');
      // Ten pages come with the panel state; the eleventh and twelfth are read on demand.
      for (let page = 2; page <= 10; page += 1) await userEvent.click(screen.getByTestId('notes-show-more'));
      expect(screen.getAllByTestId('note-item')).toHaveLength(500);
      await userEvent.click(screen.getByTestId('notes-show-more'));
      await waitFor(() => expect(screen.getAllByTestId('note-item')).toHaveLength(550));
      expect(screen.getByTestId('notes-show-more')).toHaveTextContent('Show more (550 of 550+ shown)');
      await userEvent.click(screen.getByTestId('notes-show-more'));
      await waitFor(() => expect(screen.getAllByTestId('note-item')).toHaveLength(560));
      expect(screen.queryByTestId('notes-show-more')).not.toBeInTheDocument();
      const texts = screen.getAllByTestId('note-item').map((item) => item.textContent ?? '');
      expect(texts[0]).toContain('Note 560');
      expect(texts[500]).toContain('Note 60');
      expect(texts.at(-1)).toContain('Note 1');
      expect(new Set(texts).size).toBe(560);

      // An older note edited shows its new text once saved: the older pages are read again.
      const oldest = screen.getAllByTestId('note-item').at(-1)!;
      await userEvent.click(within(oldest).getByRole('button', { name: 'Edit' }));
      await waitFor(() => expect(editor()).toHaveValue('Note 1'));
      await userEvent.type(editor(), ', corrected');
      await eventually(
        async () => (await db.get('notes', 'note-1'))?.body,
        (body) => body === 'Note 1, corrected',
      );
      await waitFor(() =>
        expect(screen.getAllByTestId('note-item').at(-1)).toHaveTextContent('Note 1, corrected'),
      );
      expect(screen.getAllByTestId('note-item')).toHaveLength(560);
    });

    it('forgets the older notes it read when the panel turns to another account', async () => {
      const db = await database();
      const tx = db.transaction('notes', 'readwrite');
      for (let index = 1; index <= 520; index += 1) void tx.store.put(noteRow(index, `Note ${index}`));
      for (let index = 1; index <= 3; index += 1)
        void tx.store.put({
          ...noteRow(1000 + index, `Contoso ${index}`),
          accountKey: 'contoso-industrial.co.uk',
        });
      await tx.done;
      renderNotes();
      await waitFor(() => expect(screen.getAllByTestId('note-item')).toHaveLength(50));
      for (let page = 2; page <= 11; page += 1) await userEvent.click(screen.getByTestId('notes-show-more'));
      await waitFor(() => expect(screen.getAllByTestId('note-item')).toHaveLength(520));

      await recordTabPage(PANEL_TAB_ID, {
        url: 'https://mail.google.com/mail/u/0/#inbox/y',
        context: {
          site: 'gmail',
          kind: 'thread',
          participants: [{ email: 'tom.becker@contoso-industrial.co.uk', role: 'from', order: 0 }],
        },
        reportedAt: 2,
      });
      act(() => broadcastPageChanged({ tabId: PANEL_TAB_ID }));
      await waitFor(() =>
        expect(screen.getAllByTestId('note-item').map((item) => item.textContent)).toEqual([
          expect.stringContaining('Contoso 3'),
          expect.stringContaining('Contoso 2'),
          expect.stringContaining('Contoso 1'),
        ]),
      );
      expect(screen.queryByTestId('notes-show-more')).not.toBeInTheDocument();
    });

    it('clamps a 100 KB note with emoji and CJK in the list and opens it whole', async () => {
      const body = '客户要求三家工厂同时试点 👩‍👩‍👧‍👦 预算已批 🇨🇳\n'.repeat(4000);
      expect(body.length).toBeGreaterThan(100_000);
      const db = await database();
      await db.put('notes', noteRow(1, body));
      renderNotes();
      const item = await screen.findByTestId('note-item');
      const shown = item.querySelector('.ds-note-body')!.textContent!;
      expect(shown.length).toBeLessThan(2000);
      expect(shown.endsWith('…')).toBe(true);
      const prefix = shown.slice(0, -1);
      expect(body.startsWith(prefix)).toBe(true);
      // The cut falls between characters: no lone surrogate at the end.
      expect(/[\uD800-\uDBFF]$/.test(prefix)).toBe(false);

      await userEvent.click(within(item).getByRole('button', { name: 'Edit' }));
      expect(editor().value === body).toBe(true);
    });
  });
});

function noteRow(index: number, body: string): NoteRecord {
  const at = Date.UTC(2026, 0, 1) + index * 60_000;
  return {
    id: `note-${index}`,
    accountKey: ACCOUNT_KEY,
    kind: 'note',
    body,
    createdAt: at,
    updatedAt: at,
    revision: 1,
  };
}
