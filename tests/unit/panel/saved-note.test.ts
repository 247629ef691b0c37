/**
 * The panel shows its own note saves from their answers: the state it patches must be the state the
 * background would answer with after the save, whatever order the saves come back in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stateAfterSave } from '../../../components/panel/saved-note';
import { PANEL_NOTES_LIMIT, type NoteSaveOutcome } from '../../../lib/db/notes';
import type { NoteRecord } from '../../../lib/db/records';
import type { PanelState } from '../../../lib/messaging/protocol';

const ACCOUNT = 'northwind.com';
const note = (id: string, createdAt: number, revision = 1, body = `text of ${id}`): NoteRecord => ({
  id,
  accountKey: ACCOUNT,
  kind: 'note',
  body,
  createdAt,
  updatedAt: createdAt,
  revision,
});
const panel = (notes: NoteRecord[], moreNotes = false) =>
  ({ account: { key: ACCOUNT }, notes, moreNotes }) as unknown as PanelState;
const ids = (state: PanelState | undefined) => state?.notes.map((n) => `${n.id}@${n.revision}`);

describe('stateAfterSave', () => {
  it('puts a new note first and an edited one in its place, never going back to an older revision', () => {
    const before = panel([note('b', 20), note('a', 10)]);
    const added = stateAfterSave(before, { status: 'saved', note: note('c', 30) });
    expect(ids(added)).toEqual(['c@1', 'b@1', 'a@1']);

    const edited = stateAfterSave(added!, { status: 'saved', note: note('a', 10, 2, 'edited') });
    expect(ids(edited)).toEqual(['c@1', 'b@1', 'a@2']);
    expect(edited!.notes[2]!.body).toBe('edited');

    // An answer arriving after a newer one (or applied again to a fresh load) changes nothing.
    expect(ids(stateAfterSave(edited!, { status: 'saved', note: note('a', 10, 1) }))).toEqual(ids(edited));
  });

  it('shows both sides of a conflict, and drops a deleted note', () => {
    const before = panel([note('b', 20), note('a', 10)]);
    const conflict: NoteSaveOutcome = {
      status: 'conflict',
      note: note('copy', 40),
      theirs: note('a', 10, 3, 'from the other window'),
    };
    expect(ids(stateAfterSave(before, conflict))).toEqual(['copy@1', 'b@1', 'a@3']);
    expect(ids(stateAfterSave(before, { status: 'deleted', id: 'b' }))).toEqual(['a@1']);
    expect(stateAfterSave(before, { status: 'deleted', id: 'gone' })).toBe(before);
  });

  it('keeps to the panel’s note limit, and asks for a load when a deletion would bring up an older note', () => {
    const full = panel(
      Array.from({ length: PANEL_NOTES_LIMIT }, (_, i) => note(`n${i}`, 10_000 - i)),
      true,
    );
    const added = stateAfterSave(full, { status: 'saved', note: note('newest', 20_000) })!;
    expect(added.notes).toHaveLength(PANEL_NOTES_LIMIT);
    expect(added.notes[0]!.id).toBe('newest');
    expect(added.moreNotes).toBe(true);
    expect(stateAfterSave(full, { status: 'deleted', id: 'n3' })).toBeUndefined();
  });

  it('orders notes as the background lists them, whatever order the saves come back in', () => {
    const saves = fc.array(
      fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), createdAt: fc.integer({ min: 1, max: 4 }) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(saves, (list) => {
        let state = panel([]);
        const latest = new Map<string, NoteRecord>();
        list.forEach(({ id, createdAt }, index) => {
          // A note keeps its creation time: its first save fixes it.
          const saved = note(id, latest.get(id)?.createdAt ?? createdAt, index + 1);
          latest.set(id, saved);
          state = stateAfterSave(state, { status: 'saved', note: saved })!;
        });
        const expected = [...latest.values()].sort(
          (x, y) => y.createdAt - x.createdAt || (x.id < y.id ? 1 : -1),
        );
        expect(state.notes).toEqual(expected);
      }),
    );
  });
});
