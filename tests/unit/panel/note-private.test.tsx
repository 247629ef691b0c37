/**
 * Private notes and who wrote a note, in the panel: the "private" box under the editor saves the note's
 * privacy at once (on the same revisions as its text), the list marks private notes with a padlock, and
 * each note says who last wrote it. The panel runs on the real background and database.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NotesSection } from '../../../components/panel/NotesSection';
import { updateSettings } from '../../../lib/background/settings-store';
import { listNotes, saveNoteEdit } from '../../../lib/db/notes';
import type { NoteRecord } from '../../../lib/db/records';
import type { Catalogue } from '../../../lib/i18n';
import chinese from '../../../public/_locales/zh_CN/messages.json';
import { eventually } from '../support/eventually';
import { speak } from '../support/language';
import { ACCOUNT_KEY, database, resetDatabase, SectionHarness, showThread } from './section-harness';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const NOTE_AT = Date.UTC(2026, 11, 1, 10, 30);
const REP_EMAIL = 'alex.morgan@dealside-demo.com';

const renderNotes = () => render(<SectionHarness sections={[NotesSection]} />);
const editor = () => screen.getByTestId('note-editor') as HTMLTextAreaElement;
const privateBox = () => screen.getByTestId('note-private') as HTMLInputElement;
const storedNotes = async () => listNotes(await database(), ACCOUNT_KEY);
const storedNote = async (id: string) => (await database()).get('notes', id);

function noteRow(id: string, body: string, change: Partial<NoteRecord> = {}): NoteRecord {
  return {
    id,
    accountKey: ACCOUNT_KEY,
    kind: 'note',
    body,
    createdAt: NOTE_AT,
    updatedAt: NOTE_AT,
    revision: 1,
    ...change,
  };
}

function listed(noteId: string): HTMLElement {
  const item = screen.getAllByTestId('note-item').find((row) => row.dataset.noteId === noteId);
  if (!item) throw new Error(`note ${noteId} is not listed`);
  return item;
}

async function openInEditor(noteId: string, body: string): Promise<void> {
  const item = await waitFor(() => listed(noteId));
  await userEvent.click(within(item).getByRole('button', { name: 'Edit' }));
  await waitFor(() => expect(editor()).toHaveValue(body));
}

describe('private notes in the panel', () => {
  beforeEach(async () => {
    await resetDatabase();
    await showThread();
  });

  it('shows the box under the editor, unticked for a new note, with what it means', async () => {
    renderNotes();
    const box = await screen.findByRole('checkbox', { name: 'Private — keep this note in this browser' });
    expect(box).toBe(privateBox());
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(
      'Never synced to your server or other devices, even when sync is on.',
    );
  });

  it('ticking the box makes the note private at once, and the list marks it; unticking shares it again', async () => {
    const db = await database();
    await db.put('notes', noteRow('note-pilot', 'Pilot at three sites'));
    renderNotes();
    await openInEditor('note-pilot', 'Pilot at three sites');
    expect(privateBox()).not.toBeChecked();
    expect(within(listed('note-pilot')).queryByTestId('note-private-badge')).not.toBeInTheDocument();

    await userEvent.click(privateBox());
    expect(privateBox()).toBeChecked();
    const madePrivate = await eventually(
      () => storedNote('note-pilot'),
      (note) => note?.private === true,
    );
    expect(madePrivate).toMatchObject({ body: 'Pilot at three sites', revision: 2 });
    const badge = await within(listed('note-pilot')).findByTestId('note-private-badge');
    expect(badge).toHaveAccessibleName('Private');
    expect(badge).toHaveAttribute('role', 'img');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));

    await userEvent.click(privateBox());
    expect(privateBox()).not.toBeChecked();
    const shared = await eventually(
      () => storedNote('note-pilot'),
      (note) => note?.revision === 3,
    );
    expect(shared?.private).toBeUndefined();
    await waitFor(() =>
      expect(within(listed('note-pilot')).queryByTestId('note-private-badge')).not.toBeInTheDocument(),
    );

    // Typing goes on in the same note, on the revision the last change returned: no copy, no conflict.
    await userEvent.type(editor(), ', Berlin first');
    await eventually(
      () => storedNote('note-pilot'),
      (note) => note?.body === 'Pilot at three sites, Berlin first',
    );
    expect(await storedNotes()).toHaveLength(1);
    expect(screen.getByRole('status')).not.toHaveTextContent('changed in another window');
  });

  it('saves a new note typed with the box ticked as private from its first save', async () => {
    renderNotes();
    await userEvent.click(await screen.findByTestId('note-private'));
    // Nothing to save yet: a note with no text is not a note.
    expect(await storedNotes()).toEqual([]);

    // Every state of the note the database held, from its first save on.
    const seen: NoteRecord[] = [];
    await userEvent.type(editor(), 'Budget 40k, keep to myself');
    const [note] = await eventually(storedNotes, (notes) => {
      seen.push(...notes);
      return notes[0]?.body === 'Budget 40k, keep to myself';
    });
    expect(note).toMatchObject({ private: true });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((row) => row.private !== true)).toEqual([]);
    expect(await storedNotes()).toHaveLength(1);
    expect(
      await within(await waitFor(() => listed(note!.id))).findByTestId('note-private-badge'),
    ).toBeInTheDocument();
  });

  it('ticking the box while the new note’s text waits to be saved saves both at once', async () => {
    renderNotes();
    await screen.findByTestId('note-editor');
    await userEvent.type(editor(), 'Champion is leaving');
    await userEvent.click(privateBox());

    const [note] = await eventually(storedNotes, (notes) => notes[0]?.private === true);
    expect(note).toMatchObject({ body: 'Champion is leaving', revision: 1 });
  });

  it('shows the box ticked for a private note, and unticked again for the next new note', async () => {
    const db = await database();
    await db.put('notes', noteRow('note-secret', 'Their CFO is sceptical', { private: true }));
    renderNotes();
    expect(
      await within(await waitFor(() => listed('note-secret'))).findByTestId('note-private-badge'),
    ).toBeInTheDocument();
    await openInEditor('note-secret', 'Their CFO is sceptical');
    expect(privateBox()).toBeChecked();

    await userEvent.click(screen.getByTestId('notes-new'));
    await waitFor(() => expect(editor()).toHaveValue(''));
    expect(privateBox()).not.toBeChecked();
    await userEvent.type(editor(), 'Shared with the team');
    const notes = await eventually(storedNotes, (rows) => rows.length === 2);
    expect(notes.find((row) => row.body === 'Shared with the team')?.private).toBeUndefined();
    expect((await storedNote('note-secret'))?.private).toBe(true);
  });

  it('keeps the rep’s text private when another window changed the private note meanwhile', async () => {
    const db = await database();
    await db.put('notes', noteRow('note-secret', 'Their CFO is sceptical', { private: true }));
    renderNotes();
    await openInEditor('note-secret', 'Their CFO is sceptical');

    // Another window saves the same note first.
    await saveNoteEdit(
      db,
      {
        id: 'note-secret',
        accountKey: ACCOUNT_KEY,
        kind: 'note',
        body: 'Their CFO is sceptical about year two',
        baseRevision: 1,
      },
      NOTE_AT + 1000,
      () => crypto.randomUUID(),
    );
    await userEvent.type(editor(), ' of the budget');

    const notes = await eventually(storedNotes, (rows) => rows.length === 2);
    // Both texts are kept, and neither is shared.
    expect(notes.map((row) => [row.body, row.private])).toEqual(
      expect.arrayContaining([
        ['Their CFO is sceptical about year two', true],
        ['Their CFO is sceptical of the budget', true],
      ]),
    );
  });

  it('speaks Chinese when the rep reads Chinese', async () => {
    speak(chinese as Catalogue, 'zh-CN');
    const db = await database();
    await db.put(
      'notes',
      noteRow('note-secret', '预算待定', { private: true, author: { name: '王小明', email: REP_EMAIL } }),
    );
    render(<SectionHarness sections={[NotesSection]} locale="zh-CN" />);
    expect(
      await screen.findByRole('checkbox', { name: '私密：此笔记只保存在本浏览器中' }),
    ).toHaveAccessibleDescription('即使开启了同步，也不会同步到你的服务器或其他设备。');
    expect(await screen.findByTestId('note-private-badge')).toHaveAccessibleName('私密');
    expect(screen.getByTestId('note-author')).toHaveTextContent('作者：王小明');
  });
});

describe('who wrote a note', () => {
  beforeEach(async () => {
    await resetDatabase();
    await showThread();
  });

  it('shows the rep’s name from settings on the note they write, with their address in the tooltip', async () => {
    await updateSettings((settings) => ({ ...settings, senderName: 'Alex Morgan', ownEmails: [REP_EMAIL] }));
    renderNotes();
    await screen.findByTestId('note-editor');
    await userEvent.type(editor(), 'Pilot at three sites');
    const [note] = await eventually(storedNotes, (notes) => notes[0]?.body === 'Pilot at three sites');

    const author = await within(await waitFor(() => listed(note!.id))).findByTestId('note-author');
    expect(author).toHaveTextContent('by Alex Morgan');
    expect(author).toHaveAttribute('title', `Alex Morgan <${REP_EMAIL}>`);
  });

  it('shows the address when the author has no name', async () => {
    const db = await database();
    await db.put('notes', noteRow('note-pilot', 'Pilot at three sites', { author: { email: REP_EMAIL } }));
    renderNotes();
    const author = await within(await waitFor(() => listed('note-pilot'))).findByTestId('note-author');
    expect(author).toHaveTextContent(`by ${REP_EMAIL}`);
    expect(author).toHaveAttribute('title', REP_EMAIL);
  });

  it('says nothing about the author of a note written before authors were recorded', async () => {
    const db = await database();
    await db.put('notes', noteRow('note-pilot', 'Pilot at three sites'));
    renderNotes();
    await waitFor(() => listed('note-pilot'));
    expect(screen.queryByTestId('note-author')).not.toBeInTheDocument();
  });
});
