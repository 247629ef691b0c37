/**
 * How the popup opens (components/popup/open-popup.ts, then take-over.ts): with stored lists it draws them
 * before asking the background, and the app then shows the background's answer; without them, or with
 * lists the clock has made wrong, it asks at once and draws the answer.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PopupFollowUp, PopupFollowUps } from '../../../lib/messaging/protocol';
import type { StoredPopupLists } from '../../../lib/storage/popup-lists';

/** The background: what it was asked, and every answer still owed, given at once by `answer`. */
const background = vi.hoisted(() => {
  const owed: ((lists: unknown) => void)[] = [];
  return {
    asked: [] as string[],
    answer: (lists: unknown) => owed.splice(0).forEach((resolve) => resolve(lists)),
    sendMessage(type: string) {
      background.asked.push(type);
      return new Promise((resolve) => owed.push(resolve));
    },
  };
});
vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: (type: string) => background.sendMessage(type),
  onMessage: () => () => undefined,
}));

const { openPopup: firstScript } = await import('../../../components/popup/open-popup');
const { takeOverPopup } = await import('../../../components/popup/take-over');

/** As popup.html runs them: the first script, then the app's module. */
function openPopup(): void {
  firstScript();
  void takeOverPopup(window.dealsidePopupHandoff);
}

const NOW = Date.now();
const HOUR = 3_600_000;

function followUp(id: string, due: number): PopupFollowUp {
  return {
    id,
    title: `Follow-up ${id}`,
    due,
    accountKey: 'northwind-trading.com',
    accountLabel: 'Northwind Trading',
    fromCadence: false,
  };
}

function lists(...overdue: PopupFollowUp[]): PopupFollowUps {
  return {
    now: NOW,
    overdue: { rows: overdue, total: overdue.length },
    today: { rows: [], total: 0 },
    week: { rows: [], total: 0 },
  };
}

const ids = () => screen.queryAllByTestId('popup-followup').map((row) => row.dataset.followupId);

async function store(stored: StoredPopupLists): Promise<void> {
  await fakeBrowser.storage.session.set({ popupLists: stored });
}

beforeEach(() => {
  background.asked.length = 0;
  document.body.innerHTML = '<div id="root"></div>';
  performance.clearMarks();
});

afterEach(() => {
  document.body.innerHTML = '';
  delete window.dealsidePopupHandoff;
});

describe('opening the popup', () => {
  it('draws the stored lists before asking, then shows the background’s answer', async () => {
    await store({
      lists: lists(followUp('a', NOW - HOUR), followUp('b', NOW - 2 * HOUR)),
      validUntil: NOW + HOUR,
    });
    openPopup();
    await waitFor(() => expect(ids()).toEqual(['a', 'b']));
    // Asked only once the drawing is on screen.
    expect(background.asked).toEqual([]);
    await waitFor(() => expect(background.asked).toContain('getPopupFollowUps'));
    await waitFor(() => expect(performance.getEntriesByName('dealside:popup-interactive')).toHaveLength(1));
    expect(ids()).toEqual(['a', 'b']);

    // Done elsewhere meanwhile: the answer no longer has "a".
    background.answer(lists(followUp('b', NOW - 2 * HOUR)));
    await waitFor(() => expect(ids()).toEqual(['b']));
    const overdue = screen.getByTestId('popup-section-overdue');
    expect(within(overdue).getByText('1')).toBeInTheDocument();
  });

  it('asks at once and draws the answer when no lists are stored', async () => {
    openPopup();
    await waitFor(() => expect(background.asked).toEqual(['getPopupFollowUps']));
    // Nothing to draw until the answer comes.
    expect(ids()).toEqual([]);
    background.answer(lists(followUp('c', NOW - HOUR)));
    await waitFor(() => expect(ids()).toEqual(['c']));
    await waitFor(() => expect(performance.getEntriesByName('dealside:popup-interactive')).toHaveLength(1));
    expect(ids()).toEqual(['c']);
  });

  it('does not draw stored lists the clock has made wrong', async () => {
    // Stored before today's first follow-up fell due: it is overdue now, and they no longer say so.
    await store({
      lists: { ...lists(followUp('x', NOW - 3 * HOUR)), now: NOW - 2 * HOUR },
      validUntil: NOW - HOUR,
    });
    openPopup();
    await waitFor(() => expect(background.asked).toEqual(['getPopupFollowUps']));
    expect(ids()).toEqual([]);
    background.answer(lists(followUp('d', NOW - HOUR)));
    await waitFor(() => expect(ids()).toEqual(['d']));
  });

  it('loads its lists itself when the first script did not run', async () => {
    void takeOverPopup(undefined);
    await waitFor(() => expect(background.asked).toContain('getPopupFollowUps'));
    background.answer(lists(followUp('e', NOW - HOUR)));
    await waitFor(() => expect(ids()).toEqual(['e']));
  });
});
