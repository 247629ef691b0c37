/**
 * How the popup opens (components/popup/open-popup.ts, then take-over.ts): with lists in its address it
 * draws them at once, before asking the background, and the app then takes over with the background's
 * answer; without them, or with lists the clock has made wrong, it asks at once and draws the answer.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PopupFollowUp, PopupFollowUps } from '../../../lib/messaging/protocol';
import { popupAddressWith, type PopupListsInAddress } from '../../../lib/popup/lists-address';
import { popupFollowUp } from '../support/popup-rows';

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
const { markupToHtml, popupFirstPaintMarkup } = await import('../../../components/popup/first-paint-markup');
const { t } = await import('../../../lib/i18n');
const { takeOverPopup } = await import('../../../components/popup/take-over');

/** As popup.html runs them: the first script, then the app's module. */
function openPopup(): void {
  firstScript();
  void takeOverPopup(window.dealsidePopupHandoff);
}

const NOW = Date.now();
const HOUR = 3_600_000;

function lists(...overdue: PopupFollowUp[]): PopupFollowUps {
  return {
    now: NOW,
    overdue: { rows: overdue, total: overdue.length },
    today: { rows: [], total: 0 },
    week: { rows: [], total: 0 },
  };
}

const ids = () => screen.queryAllByTestId('popup-followup').map((row) => row.dataset.followupId);

/** Opens the page at the address the toolbar button gives it with `kept`. */
function address(kept: Omit<PopupListsInAddress, 'language'>): void {
  history.replaceState(null, '', popupAddressWith({ language: 'auto', ...kept }).slice('popup.html'.length));
}

beforeEach(() => {
  background.asked.length = 0;
  document.body.innerHTML = '<div id="root"></div>';
  performance.clearMarks();
});

afterEach(() => {
  history.replaceState(null, '', location.pathname);
  document.body.innerHTML = '';
  delete window.dealsidePopupHandoff;
});

describe('opening the popup', () => {
  it('draws the lists in its address at once, then takes over with the background’s answer', () => {
    address({
      lists: lists(popupFollowUp('a', NOW - HOUR), popupFollowUp('b', NOW - 2 * HOUR)),
      validUntil: NOW + HOUR,
    });
    openPopup();
    // In the same task: nothing to wait for.
    expect(ids()).toEqual(['a', 'b']);
    expect(background.asked).toEqual([]);
    return (async () => {
      // Asked only once the drawing is on screen.
      await waitFor(() => expect(background.asked).toContain('getPopupFollowUps'));
      // Done elsewhere meanwhile: the answer no longer has "a".
      background.answer(lists(popupFollowUp('b', NOW - 2 * HOUR)));
      await waitFor(() => expect(performance.getEntriesByName('dealside:popup-interactive')).toHaveLength(1));
      expect(ids()).toEqual(['b']);
      const overdue = screen.getByTestId('popup-section-overdue');
      expect(within(overdue).getByText('1')).toBeInTheDocument();
    })();
  });

  it('served with its rows by the background, keeps them as they are and takes over with the answer', async () => {
    const served = lists(popupFollowUp('s', NOW - HOUR), popupFollowUp('t', NOW - 2 * HOUR));
    const root = document.getElementById('root')!;
    root.setAttribute('data-served', 'auto');
    root.innerHTML = markupToHtml(popupFirstPaintMarkup(served, 'en', t));
    const drawn = root.firstElementChild;
    // The address's own lists, older than what was served, are not drawn over it.
    address({ lists: lists(popupFollowUp('old', NOW - HOUR)), validUntil: NOW + HOUR });
    openPopup();
    expect(root.firstElementChild).toBe(drawn);
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId('popup-followup')[0]));
    expect(ids()).toEqual(['s', 't']);
    await waitFor(() => expect(background.asked).toEqual(['getPopupFollowUps']));
    background.answer(lists(popupFollowUp('t', NOW - 2 * HOUR)));
    await waitFor(() => expect(ids()).toEqual(['t']));
  });

  it('draws only the first rows from its address, and the app all of them', async () => {
    const many = Array.from({ length: 9 }, (_, index) =>
      popupFollowUp(`r${index}`, NOW - (index + 1) * HOUR),
    );
    address({ lists: lists(...many), validUntil: NOW + HOUR });
    openPopup();
    expect(ids()).toEqual(many.slice(0, 6).map((row) => row.id));
    await waitFor(() => expect(background.asked).toContain('getPopupFollowUps'));
    background.answer(lists(...many));
    await waitFor(() => expect(ids()).toEqual(many.map((row) => row.id)));
  });

  it('in a language the rep chose, draws once that language is loaded', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    history.replaceState(
      null,
      '',
      popupAddressWith({
        lists: lists(popupFollowUp('z', NOW - HOUR)),
        validUntil: NOW + HOUR,
        language: 'zh-CN',
      }).slice('popup.html'.length),
    );
    openPopup();
    expect(ids()).toEqual([]);
    // Its catalogue cannot be fetched here: drawn in the browser's language instead.
    await waitFor(() => expect(ids()).toEqual(['z']));
    warn.mockRestore();
  });

  it('asks at once and draws the answer when its address has no lists', async () => {
    openPopup();
    await waitFor(() => expect(background.asked).toEqual(['getPopupFollowUps']));
    // Nothing to draw until the answer comes.
    expect(ids()).toEqual([]);
    background.answer(lists(popupFollowUp('c', NOW - HOUR)));
    await waitFor(() => expect(ids()).toEqual(['c']));
    await waitFor(() => expect(performance.getEntriesByName('dealside:popup-interactive')).toHaveLength(1));
    expect(ids()).toEqual(['c']);
  });

  it('does not draw lists the clock has made wrong', async () => {
    // Kept before today's first follow-up fell due: it is overdue now, and they no longer say so.
    address({
      lists: { ...lists(popupFollowUp('x', NOW - 3 * HOUR)), now: NOW - 2 * HOUR },
      validUntil: NOW - HOUR,
    });
    openPopup();
    await waitFor(() => expect(background.asked).toEqual(['getPopupFollowUps']));
    expect(ids()).toEqual([]);
    background.answer(lists(popupFollowUp('d', NOW - HOUR)));
    await waitFor(() => expect(ids()).toEqual(['d']));
  });

  it('loads its lists itself when the first script did not run', async () => {
    void takeOverPopup(undefined);
    await waitFor(() => expect(background.asked).toContain('getPopupFollowUps'));
    background.answer(lists(popupFollowUp('e', NOW - HOUR)));
    await waitFor(() => expect(ids()).toEqual(['e']));
  });
});
