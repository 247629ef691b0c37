/**
 * The popup's first paint (drawn without React as it opens) draws exactly what the React app's first render
 * draws for the same answer, so the app replaces it with no visible change; and it inserts what records
 * hold as text only.
 */
import { act, render } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uiLanguage } from '../../../lib/i18n';
import type { PopupFollowUps } from '../../../lib/messaging/protocol';
import { FIRST_PAINT_ROWS } from '../../../lib/popup/lists-address';
import { local } from '../reminders/time-zone';
import { fixClockAt } from '../support/clock';
import { popupFollowUp } from '../support/popup-rows';

const sent = vi.hoisted(() => [] as string[]);
vi.mock('@/lib/messaging/messenger', async () => {
  const { extensionPageMessenger } = await import('../support/in-process-messenger');
  return {
    ...extensionPageMessenger,
    sendMessage: (type: string, data: unknown) => {
      sent.push(type);
      return extensionPageMessenger.sendMessage(type, data);
    },
  };
});

const { PopupApp } = await import('../../../components/popup/PopupApp');
const { paintPopupFirst } = await import('../../../components/popup/first-paint');
const { holdInputUntilTakeover } = await import('../../../components/popup/held-input');

const NOW = local(2025, 6, 12, 12);

const HOSTILE = '<img src=x onerror="alert(1)"><b>Hostile</b> & Co';

const ANSWER: PopupFollowUps = {
  now: NOW,
  overdue: {
    rows: [
      popupFollowUp('a', local(2025, 6, 11, 15), { title: HOSTILE }),
      popupFollowUp('b', local(2025, 6, 10, 9), {
        fromCadence: true,
        accountLabel: HOSTILE,
        contactName: undefined,
        contactEmail: 'li@xn--fsqu00a.xn--fiqs8s',
      }),
    ],
    total: 2,
  },
  today: {
    rows: [
      popupFollowUp('c', local(2025, 6, 12, 16, 30), {
        title: 'Renewal terms '.repeat(40),
        contactEmail: undefined,
        contactName: undefined,
      }),
    ],
    total: 1,
  },
  week: { rows: [popupFollowUp('d', local(2025, 6, 14, 9))], total: 1 },
};

const EMPTY: PopupFollowUps = {
  now: NOW,
  overdue: { rows: [], total: 0 },
  today: { rows: [], total: 0 },
  week: { rows: [], total: 0 },
};

/** An element as markup with its attributes in name order: React and the DOM set them in different orders. */
function normalized(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  const attributes = [...node.attributes]
    .map((attribute) => `${attribute.name}=${JSON.stringify(attribute.value)}`)
    .sort()
    .join(' ');
  return `<${node.localName} ${attributes}>${[...node.childNodes].map(normalized).join('')}</${node.localName}>`;
}

function firstPaint(answer: PopupFollowUps): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  paintPopupFirst(container, answer, uiLanguage());
  return container;
}

describe('the popup’s first paint', () => {
  fixClockAt(NOW);
  afterEach(() => {
    document.body.replaceChildren();
    sent.length = 0;
  });

  it.each([
    ['rows in every section, a cadence row, no contact', ANSWER],
    ['nothing due', EMPTY],
  ])('draws what the React app draws: %s', async (_, answer) => {
    const painted = firstPaint(answer);
    const { container } = render(<PopupApp firstData={answer} />);
    await act(async () => undefined);
    expect(normalized(painted)).toEqual(normalized(container));
  });

  it('inserts titles and names as text, never as markup', () => {
    const painted = firstPaint(ANSWER);
    expect(painted.querySelector('img, b')).toBeNull();
    const [first, second] = painted.querySelectorAll('[data-testid="popup-followup"]');
    expect(first!.querySelector('[data-testid="popup-followup-title"]')!.textContent).toBe(HOSTILE);
    expect(second!.querySelector('.ds-popup-who')!.textContent).toBe(`${HOSTILE} · li@例子.中国`);
  });

  it('focuses the first row; the React app takes the page over with the same answer and no request', async () => {
    const page = firstPaint(ANSWER);
    const drawn = normalized(page);
    const rows = () => page.querySelectorAll<HTMLElement>('[data-testid="popup-followup"]');
    expect(document.activeElement).toBe(rows()[0]);

    const root = createRoot(page);
    await act(async () => root.render(<PopupApp firstData={ANSWER} />));
    expect(page.querySelectorAll('.ds-popup')).toHaveLength(1);
    expect(normalized(page)).toEqual(drawn);
    expect(document.activeElement).toBe(rows()[0]);
    expect(sent).not.toContain('getPopupFollowUps');
    act(() => root.unmount());
  });

  it('draws no row of today when the overdue ones fill the first rows', () => {
    const overdue = Array.from({ length: 9 }, (_, index) =>
      popupFollowUp(`o${index}`, NOW - (index + 1) * 3_600_000),
    );
    const today = Array.from({ length: 12 }, (_, index) =>
      popupFollowUp(`t${index}`, NOW + (index + 1) * 600_000),
    );
    const page = firstPaint({
      ...EMPTY,
      overdue: { rows: overdue, total: 9 },
      today: { rows: today, total: 12 },
    });
    const ids = (section: string) =>
      [
        ...page.querySelectorAll<HTMLElement>(
          `[data-testid="popup-section-${section}"] [data-testid="popup-followup"]`,
        ),
      ].map((row) => row.dataset.followupId);
    expect(ids('overdue')).toEqual(overdue.slice(0, FIRST_PAINT_ROWS).map((row) => row.id));
    expect(ids('today')).toEqual([]);
    // The section itself is there, with its count, as the app draws it.
    expect(page.querySelector('[data-testid="popup-section-today"] .ds-count')).toHaveTextContent('12');
  });

  it('draws the first rows of long lists, the same rows the app draws first', async () => {
    const overdue = Array.from({ length: 5 }, (_, index) =>
      popupFollowUp(`o${index}`, NOW - (index + 1) * 3_600_000),
    );
    const today = Array.from({ length: 7 }, (_, index) =>
      popupFollowUp(`t${index}`, NOW + (index + 1) * 600_000),
    );
    const long: PopupFollowUps = {
      ...EMPTY,
      overdue: { rows: overdue, total: 5 },
      today: { rows: today, total: 9 },
    };
    const page = firstPaint(long);
    const rowsOf = (container: HTMLElement) => [
      ...container.querySelectorAll<HTMLElement>('[data-testid="popup-followup"]'),
    ];
    const drawn = rowsOf(page).map(normalized);
    expect(drawn).toHaveLength(FIRST_PAINT_ROWS);

    const app = document.createElement('div');
    document.body.append(app);
    const root = createRoot(app);
    await act(async () => root.render(<PopupApp firstData={long} />));
    const rendered = rowsOf(app);
    expect(rendered).toHaveLength(12);
    // The same rows, in the same places: what the rep did on one is done on the app's.
    expect(rendered.slice(0, FIRST_PAINT_ROWS).map(normalized)).toEqual(drawn);
    for (const [index, row] of rowsOf(page).entries()) {
      expect(row.parentElement!.parentElement!.dataset.testid).toBe(
        rendered[index]!.parentElement!.parentElement!.dataset.testid,
      );
    }
    act(() => root.unmount());
  });

  it('keeps what the rep did on the first paint and does it again once the app is there', async () => {
    const page = firstPaint(ANSWER);
    const replay = holdInputUntilTakeover(page);
    const rows = () => page.querySelectorAll<HTMLElement>('[data-testid="popup-followup"]');
    // Nothing happens on the first paint itself.
    page.querySelector<HTMLElement>('[data-testid="popup-week-toggle"]')!.click();
    rows()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(page.querySelector('[data-testid="popup-week-toggle"]')).toHaveAttribute('aria-expanded', 'false');
    expect(document.activeElement).toBe(rows()[0]);

    const root = createRoot(page);
    await act(async () => {
      flushSync(() => root.render(<PopupApp firstData={ANSWER} />));
      replay();
    });
    expect(page.querySelector('[data-testid="popup-week-toggle"]')).toHaveAttribute('aria-expanded', 'true');
    expect(rows()).toHaveLength(4);
    expect(document.activeElement).toBe(rows()[1]);
    act(() => root.unmount());
  });

  it('puts the focus back where the rep moved it on the first paint', async () => {
    const page = firstPaint(ANSWER);
    const replay = holdInputUntilTakeover(page);
    const snooze = () => page.querySelectorAll<HTMLElement>('[data-testid="popup-snooze"]')[1]!;
    snooze().focus();

    const root = createRoot(page);
    await act(async () => {
      flushSync(() => root.render(<PopupApp firstData={ANSWER} />));
      replay();
    });
    expect(document.activeElement).toBe(snooze());
    act(() => root.unmount());
  });
});
