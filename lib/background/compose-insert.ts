/**
 * Text from the panel into the message the rep is writing. The panel cannot reach the page (it is
 * another origin, and the page must never be able to drive it), so it asks the background, and the
 * background sends the one tab's content script the command. Only the page's top frame is asked: the
 * panel's own frame in the same tab is not a compose window.
 */
import { sendMessage } from '../messaging/messenger';
import type { ComposeInsertResult } from '../messaging/protocol';

export async function insertIntoCompose(
  text: string,
  tabId: number | undefined,
): Promise<ComposeInsertResult> {
  if (tabId === undefined) return { ok: false, reason: 'no-page' };
  let outcome: unknown;
  try {
    outcome = await sendMessage('insertComposeText', { text }, { tabId, frameId: 0 });
  } catch {
    // No content script in the tab (a page we do not read, a reload under way): nobody answered.
    return { ok: false, reason: 'unreachable' };
  }
  if (outcome === 'inserted') return { ok: true };
  if (outcome === 'no-compose' || outcome === 'no-caret') return { ok: false, reason: outcome };
  return { ok: false, reason: 'unreachable' };
}
