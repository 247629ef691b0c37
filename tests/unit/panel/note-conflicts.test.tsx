/**
 * Notes edited on two devices at once: sync keeps both texts, the note shows the winner, and the panel
 * shows each other version under its note for the rep to use, add below, or discard. The panel runs on
 * the real background and database; only the settling (the sync engine's, which needs a server) is done
 * by a stand-in that changes the records as the engine does.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NotesSection } from '../../../components/panel/NotesSection';
import { formatTimestamp } from '../../../lib/dates/format';
import { listNotes } from '../../../lib/db/notes';
import type { NoteRecord } from '../../../lib/db/records';
import type { Catalogue } from '../../../lib/i18n';
import { NOTE_MAX_LENGTH } from '../../../lib/limits';
import chinese from '../../../public/_locales/zh_CN/messages.json';
import { eventually } from '../support/eventually';
import { speak } from '../support/language';
import {
  addNoteConflict,
  createFakeNoteConflicts,
  settleNoteConflict,
  storedNoteConflict,
  type FakeNoteConflicts,
} from '../support/fake-note-conflicts';
import { ACCOUNT_KEY, database, resetDatabase, SectionHarness, showThread } from './section-harness';

let conflicts: FakeNoteConflicts;

vi.mock('@/lib/messaging/messenger', async () =>
  (await import('../support/fake-note-conflicts')).fakeNoteConflictsMessenger(() => conflicts),
);

const NOTE_AT = Date.UTC(2026, 11, 1, 10, 30);
const PHONE_AT = Date.UTC(2026, 11, 3, 16, 45);
const LAPTOP_AT = Date.UTC(2026, 11, 4, 8, 15);
const PHONE_TEXT = 'Pilot at two sites, not three\nBudget 40k approved\n\nNeeds SSO before go-live';
const LAPTOP_TEXT = 'Pilot postponed to Q2';

const renderNotes = () => render(<SectionHarness sections={[NotesSection]} />);
const editor = () => screen.getByTestId('note-editor') as HTMLTextAreaElement;
const storedNotes = async () => listNotes(await database(), ACCOUNT_KEY);
const storedNote = async (id: string) => (await database()).get('notes', id);

function noteRow(id: string, body: string, at = NOTE_AT): NoteRecord {
  return { id, accountKey: ACCOUNT_KEY, kind: 'note', body, createdAt: at, updatedAt: at, revision: 1 };
}

/** The boxes of a note's versions from other devices, in the order shown. */
function conflictBoxes(noteId: string): HTMLElement[] {
  const item = screen.getAllByTestId('note-item').find((row) => row.dataset.noteId === noteId);
  if (!item) throw new Error(`note ${noteId} is not listed`);
  return within(item).queryAllByTestId('note-conflict');
}

function conflictBox(rev: string): HTMLElement {
  const box = screen.getAllByTestId('note-conflict').find((element) => element.dataset.rev === rev);
  if (!box) throw new Error(`no version ${rev} shown`);
  return box;
}

/** "Pilot at three sites" with two versions from other devices; "Intro call went well" without. */
async function seedTwoVersions(): Promise<void> {
  const db = await database();
  await db.put('notes', noteRow('note-pilot', 'Pilot at three sites'));
  await db.put('notes', noteRow('note-intro', 'Intro call went well', NOTE_AT - 86_400_000));
  await addNoteConflict(ACCOUNT_KEY, 'note-pilot', [
    { rev: '3-phone', body: PHONE_TEXT, updatedAt: PHONE_AT },
    { rev: '3-laptop', body: LAPTOP_TEXT, updatedAt: LAPTOP_AT },
  ]);
}

describe('note conflicts in the panel', () => {
  beforeEach(async () => {
    conflicts = createFakeNoteConflicts();
    await resetDatabase();
    await showThread();
  });

  it('shows each version from another device under its note, whole, with its time and three choices', async () => {
    await seedTwoVersions();
    renderNotes();
    await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(2));

    const [phone, laptop] = conflictBoxes('note-pilot');
    expect(conflictBoxes('note-intro')).toEqual([]);
    expect(phone).toHaveAttribute('data-note-id', 'note-pilot');
    expect(phone).toHaveAttribute('data-rev', '3-phone');
    expect(laptop).toHaveAttribute('data-rev', '3-laptop');

    expect(phone).toHaveAccessibleName('Also edited on another device');
    expect(phone).toHaveTextContent(`Also edited on another device${formatTimestamp(PHONE_AT, 'en')}`);
    expect(within(phone!).getByRole('time')).toHaveAttribute('datetime', new Date(PHONE_AT).toISOString());
    // The whole text with its line breaks, kept as written.
    expect(within(phone!).getByTestId('note-conflict-body').textContent).toBe(PHONE_TEXT);
    expect(within(laptop!).getByTestId('note-conflict-body').textContent).toBe(LAPTOP_TEXT);
    expect(within(phone!).getByTestId('note-conflict-keep')).toHaveTextContent('Use this version');
    expect(within(phone!).getByTestId('note-conflict-merge')).toHaveTextContent('Add below mine');
    expect(within(phone!).getByTestId('note-conflict-discard')).toHaveTextContent('Discard');

    // The note itself still shows the text that won.
    const pilot = screen.getAllByTestId('note-item')[0]!;
    expect(pilot.querySelector('.ds-note-body')).toHaveTextContent('Pilot at three sites');
    expect(screen.getByTestId('note-conflicts-count')).toHaveTextContent('1 note edited on two devices');
  });

  it('shows a long version whole, where the note list only shows the start of a note', async () => {
    const long = Array.from({ length: 400 }, (_, index) => `Line ${index + 1} of the call notes`).join('\n');
    const db = await database();
    await db.put('notes', noteRow('note-long', long.slice(0, 200)));
    await addNoteConflict(ACCOUNT_KEY, 'note-long', [{ rev: '2-phone', body: long, updatedAt: PHONE_AT }]);
    renderNotes();
    const box = await screen.findByTestId('note-conflict');
    expect(within(box).getByTestId('note-conflict-body').textContent).toBe(long);
  });

  it('shows nothing about conflicts when no note has one', async () => {
    const db = await database();
    await db.put('notes', noteRow('note-pilot', 'Pilot at three sites'));
    // Another account's conflict is not this panel's business.
    await db.put('notes', {
      ...noteRow('note-other', 'Contoso pilot'),
      accountKey: 'contoso-industrial.co.uk',
    });
    await addNoteConflict('contoso-industrial.co.uk', 'note-other', [
      { rev: '2-phone', body: 'Contoso pilot cancelled', updatedAt: PHONE_AT },
    ]);
    renderNotes();
    expect(await screen.findByTestId('note-item')).toHaveTextContent('Pilot at three sites');
    expect(screen.queryByTestId('note-conflict')).not.toBeInTheDocument();
    expect(screen.queryByTestId('note-conflicts-count')).not.toBeInTheDocument();
  });

  it('counts the notes with versions from another device in the header', async () => {
    await seedTwoVersions();
    await addNoteConflict(ACCOUNT_KEY, 'note-intro', [
      { rev: '2-phone', body: 'Intro call went badly', updatedAt: PHONE_AT },
    ]);
    renderNotes();
    await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(3));
    // Notes, not versions: the pilot note has two.
    expect(screen.getByTestId('note-conflicts-count')).toHaveTextContent('2 notes edited on two devices');
  });

  it.each([
    ['keep', `${PHONE_TEXT}`, PHONE_TEXT.split('\n')[0]!],
    ['merge', `Pilot at three sites\n\n${PHONE_TEXT}`, 'Pilot at three sites Pilot at two sites'],
    ['discard', 'Pilot at three sites', 'Pilot at three sites'],
  ] as const)(
    '%s: settles that version of that note, and the note shows the result',
    async (action, body, shown) => {
      await seedTwoVersions();
      renderNotes();
      await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(2));

      await userEvent.click(within(conflictBox('3-phone')).getByTestId(`note-conflict-${action}`));

      await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(1));
      expect(conflicts.log).toEqual([{ noteId: 'note-pilot', rev: '3-phone', action, baseRevision: 1 }]);
      // The other version still waits, under the same note.
      expect(conflictBoxes('note-pilot').map((box) => box.dataset.rev)).toEqual(['3-laptop']);
      const note = await storedNote('note-pilot');
      expect(note?.body).toBe(body);
      expect(note?.revision).toBe(action === 'discard' ? 1 : 2);
      const pilot = screen.getAllByTestId('note-item').find((row) => row.dataset.noteId === 'note-pilot')!;
      expect(pilot.querySelector('.ds-note-body')?.textContent?.replace(/\s+/g, ' ')).toContain(shown);
      expect(screen.getByTestId('note-conflicts-count')).toHaveTextContent('1 note edited on two devices');
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    },
  );

  it('once the last version is settled, the note and the header say nothing more about it', async () => {
    await seedTwoVersions();
    renderNotes();
    await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(2));
    await userEvent.click(within(conflictBox('3-phone')).getByTestId('note-conflict-discard'));
    await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(1));
    await userEvent.click(within(conflictBox('3-laptop')).getByTestId('note-conflict-merge'));

    await waitFor(() => expect(screen.queryByTestId('note-conflict')).not.toBeInTheDocument());
    expect(screen.queryByTestId('note-conflicts-count')).not.toBeInTheDocument();
    expect(await storedNoteConflict('note-pilot')).toBeUndefined();
    expect((await storedNote('note-pilot'))?.body).toBe(`Pilot at three sites\n\n${LAPTOP_TEXT}`);
    expect(conflicts.log.map(({ rev, action }) => `${action} ${rev}`)).toEqual([
      'discard 3-phone',
      'merge 3-laptop',
    ]);
  });

  it('waits with that box’s buttons while the choice is on its way', async () => {
    await seedTwoVersions();
    let release!: () => void;
    conflicts.hold = new Promise((resolve) => (release = resolve));
    renderNotes();
    await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(2));

    const phone = conflictBox('3-phone');
    await userEvent.click(within(phone).getByTestId('note-conflict-keep'));
    for (const action of ['keep', 'merge', 'discard']) {
      expect(within(phone).getByTestId(`note-conflict-${action}`)).toBeDisabled();
      expect(within(conflictBox('3-laptop')).getByTestId(`note-conflict-${action}`)).toBeEnabled();
    }
    expect(phone).toHaveAttribute('aria-busy', 'true');
    // A second click while waiting sends nothing more.
    await userEvent.click(within(phone).getByTestId('note-conflict-discard'));
    expect(conflicts.log).toHaveLength(1);
    expect((await storedNote('note-pilot'))?.body).toBe('Pilot at three sites');

    release();
    await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(1));
    expect((await storedNote('note-pilot'))?.body).toBe(PHONE_TEXT);
    expect(conflicts.log).toEqual([
      { noteId: 'note-pilot', rev: '3-phone', action: 'keep', baseRevision: 1 },
    ]);
  });

  it('says a version is already settled when another device or panel did it first', async () => {
    await seedTwoVersions();
    renderNotes();
    await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(2));
    // Settled elsewhere; this panel has not heard yet.
    await addNoteConflict(ACCOUNT_KEY, 'note-pilot', [
      { rev: '3-laptop', body: LAPTOP_TEXT, updatedAt: LAPTOP_AT },
    ]);

    const phone = conflictBox('3-phone');
    await userEvent.click(within(phone).getByTestId('note-conflict-keep'));

    expect(await within(phone).findByRole('alert')).toHaveTextContent(
      'Already settled — this version was resolved elsewhere.',
    );
    // Nothing left to choose for it; the note is as it was, the other version untouched.
    expect(within(phone).queryByRole('button')).not.toBeInTheDocument();
    expect((await storedNote('note-pilot'))?.body).toBe('Pilot at three sites');
    expect(within(conflictBox('3-laptop')).getAllByRole('button')).toHaveLength(3);
    expect(within(conflictBox('3-laptop')).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the two texts together would be longer than a note can be, and lets the rep choose again', async () => {
    const db = await database();
    const mine = 'a'.repeat(NOTE_MAX_LENGTH - 10);
    await db.put('notes', noteRow('note-big', mine));
    await addNoteConflict(ACCOUNT_KEY, 'note-big', [
      { rev: '2-phone', body: 'b'.repeat(20), updatedAt: PHONE_AT },
    ]);
    renderNotes();
    const box = await screen.findByTestId('note-conflict');

    await userEvent.click(within(box).getByTestId('note-conflict-merge'));
    expect(await within(box).findByRole('alert')).toHaveTextContent(
      'Together they are longer than a note can be; use one version or edit by hand.',
    );
    expect((await storedNote('note-big'))?.body).toBe(mine);

    // Using that version instead is still possible, and clears the message.
    await userEvent.click(within(box).getByTestId('note-conflict-keep'));
    await waitFor(() => expect(screen.queryByTestId('note-conflict')).not.toBeInTheDocument());
    expect((await storedNote('note-big'))?.body).toBe('b'.repeat(20));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says sync is off when it was turned off meanwhile', async () => {
    await seedTwoVersions();
    conflicts.refuse = 'sync-off';
    renderNotes();
    await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(2));
    const laptop = conflictBox('3-laptop');
    await userEvent.click(within(laptop).getByTestId('note-conflict-discard'));
    expect(await within(laptop).findByRole('alert')).toHaveTextContent('Sync is off');
    expect(within(laptop).getByTestId('note-conflict-discard')).toBeEnabled();
    expect(screen.getAllByTestId('note-conflict')).toHaveLength(2);
  });

  it('speaks Chinese when the rep reads Chinese', async () => {
    speak(chinese as Catalogue, 'zh-CN');
    await seedTwoVersions();
    render(<SectionHarness sections={[NotesSection]} locale="zh-CN" />);
    await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(2));
    const phone = conflictBox('3-phone');
    expect(phone).toHaveTextContent(`另一台设备上的版本${formatTimestamp(PHONE_AT, 'zh-CN')}`);
    expect(within(phone).getByTestId('note-conflict-keep')).toHaveTextContent('使用此版本');
    expect(screen.getByTestId('note-conflicts-count')).toHaveTextContent('有 1 条笔记在两台设备上都被修改过');
  });

  describe('the note open in the editor', () => {
    it('saves what the rep typed first, adds the version below it, and the editor goes on from there', async () => {
      await seedTwoVersions();
      renderNotes();
      await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(2));
      const pilot = screen.getAllByTestId('note-item')[0]!;
      await userEvent.click(within(pilot).getByRole('button', { name: 'Edit' }));
      await waitFor(() => expect(editor()).toHaveValue('Pilot at three sites'));
      await userEvent.type(editor(), ', call Friday');

      await userEvent.click(within(conflictBox('3-laptop')).getByTestId('note-conflict-merge'));

      const merged = `Pilot at three sites, call Friday\n\n${LAPTOP_TEXT}`;
      await waitFor(() => expect(editor()).toHaveValue(merged));
      expect((await storedNote('note-pilot'))?.body).toBe(merged);

      // Typing goes on in the same note, on its new revision: no copy, no conflict.
      await userEvent.type(editor(), ' (confirmed)');
      const [note] = await eventually(storedNotes, (notes) => notes[0]?.body === `${merged} (confirmed)`);
      expect(note?.id).toBe('note-pilot');
      expect((await storedNotes()).map((row) => row.id).sort()).toEqual(['note-intro', 'note-pilot']);
      expect(screen.getByRole('status')).not.toHaveTextContent('changed in another window');
    });

    it('takes no typing while the choice is on its way, then shows the version it chose', async () => {
      await seedTwoVersions();
      let release!: () => void;
      conflicts.hold = new Promise((resolve) => (release = resolve));
      renderNotes();
      await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(2));
      const pilot = screen.getAllByTestId('note-item')[0]!;
      await userEvent.click(within(pilot).getByRole('button', { name: 'Edit' }));
      await waitFor(() => expect(editor()).toHaveValue('Pilot at three sites'));

      await userEvent.click(within(conflictBox('3-phone')).getByTestId('note-conflict-keep'));
      await waitFor(() => expect(editor()).toHaveAttribute('readonly'));
      await userEvent.type(editor(), ' lost?');
      expect(editor()).toHaveValue('Pilot at three sites');

      release();
      await waitFor(() => expect(editor()).toHaveValue(PHONE_TEXT));
      expect(editor()).not.toHaveAttribute('readonly');
      await userEvent.type(editor(), '\nSigned');
      await eventually(
        () => storedNote('note-pilot'),
        (note) => note?.body === `${PHONE_TEXT}\nSigned`,
      );
      expect(await storedNotes()).toHaveLength(2);
    });

    it('never overwrites a version another panel chose: the rep’s text becomes a note of its own', async () => {
      await seedTwoVersions();
      renderNotes();
      await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(2));
      const pilot = screen.getAllByTestId('note-item')[0]!;
      await userEvent.click(within(pilot).getByRole('button', { name: 'Edit' }));
      await waitFor(() => expect(editor()).toHaveValue('Pilot at three sites'));

      // Another panel uses the phone's version of the note open here.
      await settleNoteConflict(conflicts, { noteId: 'note-pilot', rev: '3-phone', action: 'keep' });
      await waitFor(() => expect(screen.getAllByTestId('note-conflict')).toHaveLength(1));
      await userEvent.type(editor(), ', and Berlin');

      const notes = await eventually(storedNotes, (rows) => rows.length === 3);
      expect(notes.find((row) => row.id === 'note-pilot')?.body).toBe(PHONE_TEXT);
      expect(notes.map((row) => row.body)).toContain('Pilot at three sites, and Berlin');
      await waitFor(() =>
        expect(screen.getByRole('status')).toHaveTextContent(
          'This note was changed in another window meanwhile. Both versions are kept.',
        ),
      );
      expect(editor()).toHaveValue('Pilot at three sites, and Berlin');
    });
  });
});
