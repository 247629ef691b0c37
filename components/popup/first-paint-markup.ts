/**
 * The popup's first paint as markup: exactly what PopupApp's first render draws for the same lists —
 * elements, classes, test ids, text — up to the first FIRST_PAINT_ROWS rows (lib/popup/lists-address.ts),
 * so the React app can replace it in one commit without changing what the rep saw
 * (tests/unit/popup/first-paint.test.tsx compares the two). Plain data, no DOM: the popup's first script
 * builds elements from it (./first-paint.ts), the background writes it into the page it serves
 * (lib/background/popup-page-server.ts), and both come out the same.
 *
 * Nothing here reacts to input: the buttons do nothing until the React app takes over, a moment later.
 * Everything from the records (titles, names, addresses) is text, never markup.
 */
import type { MessageKey } from '@/lib/i18n';
import type { PopupFollowUp, PopupFollowUps, PopupSection } from '@/lib/messaging/protocol';
import { firstPaintRowCounts } from '@/lib/popup/lists-address';
import { popupRowText, SECTION_LABEL_KEYS, type PopupSectionName } from './row-text';

export interface MarkupElement {
  tag: string;
  attributes: Record<string, string>;
  children: Markup[];
}
/** An element, or text. */
export type Markup = MarkupElement | string;

/** The interface text for a catalogue key, in the language drawn. */
export type Translate = (key: MessageKey) => string;

function element(
  tag: string,
  attributes: Record<string, string>,
  ...children: (Markup | null)[]
): MarkupElement {
  return { tag, attributes, children: children.filter((child): child is Markup => child !== null) };
}

interface Drawing {
  answer: PopupFollowUps;
  locale: string;
  t: Translate;
  firstRowId: string | undefined;
}

function row(drawing: Drawing, row: PopupFollowUp, overdue: boolean): MarkupElement {
  const { t } = drawing;
  const text = popupRowText(row, drawing.answer.now, drawing.locale);
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
      tabindex: row.id === drawing.firstRowId ? '0' : '-1',
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
  drawing: Drawing,
  name: Exclude<PopupSectionName, 'week'>,
  part: PopupSection,
  rowsDrawn: number,
): MarkupElement {
  const label = drawing.t(SECTION_LABEL_KEYS[name]);
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
      ...part.rows.slice(0, rowsDrawn).map((each) => row(drawing, each, name === 'overdue')),
    ),
  );
}

/** The next seven days start collapsed, as in the React app: only the heading and its count. */
function weekSection(week: PopupSection, t: Translate): MarkupElement {
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

/** The whole popup for `answer`, its due times read at `answer.now`, in `locale` with `t`'s text. */
export function popupFirstPaintMarkup(answer: PopupFollowUps, locale: string, t: Translate): MarkupElement {
  const { overdue, today, week } = answer;
  const drawing: Drawing = { answer, locale, t, firstRowId: (overdue.rows[0] ?? today.rows[0])?.id };
  const rowsDrawn = firstPaintRowCounts(answer);
  const lists = element(
    'div',
    { class: 'ds-popup-lists' },
    overdue.total > 0 ? section(drawing, 'overdue', overdue, rowsDrawn.overdue) : null,
    today.total > 0 ? section(drawing, 'today', today, rowsDrawn.today) : null,
    overdue.total === 0 && today.total === 0
      ? element('p', { class: 'ds-card ds-muted', 'data-testid': 'popup-empty' }, t('popupEmpty'))
      : null,
    weekSection(week, t),
  );
  return element(
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
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as HTML: escaped so that whatever a record holds reads as the same text, never as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => TEXT_ESCAPES[character]!);
}

/** `markup` as HTML. Tag and attribute names are this module's own; only text and values are escaped. */
export function markupToHtml(markup: Markup): string {
  if (typeof markup === 'string') return escapeHtml(markup);
  const attributes = Object.entries(markup.attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return `<${markup.tag}${attributes}>${markup.children.map(markupToHtml).join('')}</${markup.tag}>`;
}
