/**
 * Puts text the rep chose in the panel into the message they are writing, at the caret, as plain text.
 *
 * Clicking in the panel moves focus out of the page, so the caret is remembered as it moves inside a
 * compose body (`SiteAdapter.composeBodySelector`) and restored before inserting. The text goes in through
 * `insertText`, the editing command a keyboard uses: the editor sees ordinary typing (its undo, its draft
 * saving), and the text is never parsed as HTML. Without a remembered caret, the text goes at the start of
 * the only compose body on the page, where mail apps leave the rep's own text above the signature and
 * the quoted thread; with several bodies open it would be a guess, so the rep is asked to click first.
 *
 * Only the background can send the command (see `onBackgroundMessage`): the page cannot make the
 * extension type into its own editor.
 */
import type { SiteAdapter } from '../sites/types';
import { all, shown } from '../sites/dom';
import type { ComposeInsertOutcome } from '../messaging/protocol';
import type { Lifecycle } from './lifecycle';
import { onBackgroundMessage } from './messages';

export function acceptComposeInserts(ctx: Lifecycle, adapter: SiteAdapter): void {
  const selector = adapter.composeBodySelector!;
  const bodies = () => all(document, selector, 20);
  /** The compose body a range is in, while both are on the page. */
  const bodyOf = (range?: Range) => range && bodies().find((body) => body.contains(range.startContainer));
  let caret: Range | undefined;

  document.addEventListener(
    'selectionchange',
    () => {
      const selection = getSelection();
      const range = selection?.rangeCount ? selection.getRangeAt(0) : undefined;
      if (bodyOf(range)) caret = range!.cloneRange();
    },
    { signal: ctx.signal },
  );

  const insert = (text: string): ComposeInsertOutcome => {
    let range = bodyOf(caret) && caret;
    if (!range) {
      const open = bodies().filter(shown);
      if (open.length !== 1) return open[0] ? 'no-caret' : 'no-compose';
      range = document.createRange();
      range.setStart(open[0]!, 0);
    }
    (bodyOf(range) as HTMLElement).focus();
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    // Browsers without the editing command get a text node: still text, never markup.
    if (!document.execCommand('insertText', false, text)) range.insertNode(document.createTextNode(text));
    return 'inserted';
  };
  onBackgroundMessage(ctx, 'insertComposeText', ({ text }) => insert(text));
}
