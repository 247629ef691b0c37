/**
 * The popup's lists drawn without React, the moment they are known, in the page: the popup opens on its
 * rows while React and the app (a much larger script) are still loading. What is drawn is
 * ./first-paint-markup.ts, built here as elements: text from the records goes in as text nodes.
 */
import { t } from '@/lib/i18n';
import type { PopupFollowUps } from '@/lib/messaging/protocol';
import { popupFirstPaintMarkup, type Markup } from './first-paint-markup';

function markupToDom(markup: Markup): Node {
  if (typeof markup === 'string') return document.createTextNode(markup);
  const node = document.createElement(markup.tag);
  for (const [name, value] of Object.entries(markup.attributes)) node.setAttribute(name, value);
  for (const child of markup.children) node.append(markupToDom(child));
  return node;
}

/** Ready for the keyboard, as the React app is: it moves the focus to its own first row. */
export function focusFirstRow(container: HTMLElement): void {
  container.querySelector<HTMLElement>('[data-testid="popup-followup"]')?.focus();
}

/** The whole popup for `answer`, in place of what `container` holds, with the focus on its first row. */
export function paintPopupFirst(container: HTMLElement, answer: PopupFollowUps, locale: string): void {
  container.replaceChildren(markupToDom(popupFirstPaintMarkup(answer, locale, t)));
  focusFirstRow(container);
}
