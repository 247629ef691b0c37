/**
 * The popup's lists drawn without React, the moment they are known: the popup opens on its rows while
 * React and the app (a much larger script) are still loading. It draws exactly what PopupApp's first
 * render draws for the same lists — elements, classes, test ids, text — up to the first FIRST_PAINT_ROWS
 * rows (lib/popup/lists-address.ts), so the React app can replace it in one commit without changing what
 * the rep saw; it draws the rest of the rows below (tests/unit/popup/first-paint.test.tsx compares the two).
 *
 * Nothing here reacts to input: the buttons do nothing until the React app takes over, a moment later.
 * Everything from the records (titles, names, addresses) goes in as text, never as markup.
 */
import { t } from '@/lib/i18n';
import type { PopupFollowUp, PopupFollowUps, PopupSection } from '@/lib/messaging/protocol';
import { firstPaintRowCounts } from '@/lib/popup/lists-address';
import { popupRowText, SECTION_LABEL_KEYS, type PopupSectionName } from './row-text';

type Child = Node | string | null;

function element(tag: string, attributes: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

function row(row: PopupFollowUp, now: number, locale: string, overdue: boolean, first: boolean): HTMLElement {
  const text = popupRowText(row, now, locale);
  const chip = (testId: string, label: string, more: Record<string, string> = {}) =>
    element('button', { type: 'button', class: 'ds-chip', 'data-testid': testId, ...more }, label);
  return element(
    'li',
    {
      class: 'ds-popup-row',
      'data-testid': 'popup-followup',
      'data-followup-id': row.id,
      'data-from-cadence': row.fromCadence ? 'true' : 'false',
      // Roving focus, as in the React list: only the first row is in the tab order.
      tabindex: first ? '0' : '-1',
      'aria-label': text.label,
    },
    element(
      'div',
      { class: 'ds-popup-row-head' },
      element(
        'span',
        { class: 'ds-popup-title', title: row.title, 'data-testid': 'popup-followup-title' },
        text.shownTitle,
      ),
      row.fromCadence
        ? element('span', { class: 'ds-tag', title: t('popupFromCadenceHint') }, t('popupFromCadence'))
        : null,
    ),
    element(
      'div',
      { class: 'ds-popup-meta' },
      element('span', { class: 'ds-popup-who', title: text.whoTitle }, text.who),
      element(
        'time',
        {
          class: overdue ? 'ds-popup-due ds-popup-due-overdue' : 'ds-popup-due',
          datetime: text.dueDateTime,
          title: text.due.absolute,
        },
        `${text.due.relative} · ${text.due.absolute}`,
      ),
    ),
    element(
      'div',
      { class: 'ds-row ds-popup-actions' },
      chip('popup-done', t('popupDone')),
      chip('popup-snooze', t('popupSnooze'), { 'aria-expanded': 'false' }),
      chip('popup-open', t('popupOpen'), { title: t('popupOpenHint') }),
      chip('popup-sidepanel', t('popupSidePanel'), { title: t('popupSidePanelHint') }),
    ),
  );
}

function section(
  name: Exclude<PopupSectionName, 'week'>,
  part: PopupSection,
  answer: PopupFollowUps,
  locale: string,
  firstRowId: string | undefined,
  rowsDrawn: number,
): HTMLElement {
  const label = t(SECTION_LABEL_KEYS[name]);
  // The "N more" line the app draws below a section's last listed row never shows here: a section lists
  // up to 200 rows (POPUP_SECTION_LIMIT), far more than the first rows drawn.
  return element(
    'section',
    { class: 'ds-popup-section', 'data-testid': `popup-section-${name}` },
    element(
      'h2',
      { class: name === 'overdue' ? 'ds-popup-heading ds-popup-heading-overdue' : 'ds-popup-heading' },
      `${label} `,
      element('span', { class: 'ds-count' }, String(part.total)),
    ),
    element(
      'ul',
      { class: 'ds-popup-list', 'aria-label': label },
      ...part.rows
        .slice(0, rowsDrawn)
        .map((each) => row(each, answer.now, locale, name === 'overdue', each.id === firstRowId)),
    ),
  );
}

/** The next seven days start collapsed, as in the React app: only the heading and its count. */
function weekSection(week: PopupSection): HTMLElement {
  return element(
    'section',
    { class: 'ds-popup-section', 'data-testid': 'popup-section-week' },
    element(
      'h2',
      { class: 'ds-popup-heading' },
      element(
        'button',
        {
          type: 'button',
          class: 'ds-popup-toggle',
          'aria-expanded': 'false',
          'data-testid': 'popup-week-toggle',
        },
        element('span', { 'aria-hidden': 'true' }, '▸'),
        ` ${t('popupNextWeek')} `,
        element('span', { class: 'ds-count' }, String(week.total)),
      ),
    ),
  );
}

/** The whole popup for `answer`, in place of what `container` holds. */
export function paintPopupFirst(container: HTMLElement, answer: PopupFollowUps, locale: string): void {
  const { overdue, today, week } = answer;
  const firstRowId = (overdue.rows[0] ?? today.rows[0])?.id;
  const rowsDrawn = firstPaintRowCounts(answer);
  const lists = element(
    'div',
    { class: 'ds-popup-lists' },
    overdue.total > 0 ? section('overdue', overdue, answer, locale, firstRowId, rowsDrawn.overdue) : null,
    today.total > 0 ? section('today', today, answer, locale, firstRowId, rowsDrawn.today) : null,
    overdue.total === 0 && today.total === 0
      ? element('p', { class: 'ds-card ds-muted', 'data-testid': 'popup-empty' }, t('popupEmpty'))
      : null,
    weekSection(week),
  );
  const popup = element(
    'div',
    { class: 'ds-popup' },
    element('header', { class: 'ds-topbar' }, element('h1', { class: 'ds-brand' }, t('popupTitle'))),
    element(
      'main',
      { class: 'ds-body' },
      lists,
      element('div', { class: 'ds-popup-notice', role: 'status', 'data-testid': 'popup-notice' }),
    ),
    element(
      'footer',
      { class: 'ds-popup-footer' },
      element('span', { class: 'ds-muted ds-small' }, t('popupKeyboardHint')),
      element(
        'button',
        { type: 'button', class: 'ds-link', 'data-testid': 'open-pipeline' },
        t('openPipeline'),
      ),
      element('button', { type: 'button', class: 'ds-link' }, t('openOptions')),
    ),
  );
  container.replaceChildren(popup);
  // Ready for the keyboard at once, as the React app is: it moves the focus to its own first row.
  container.querySelector<HTMLElement>('[data-testid="popup-followup"]')?.focus();
}
