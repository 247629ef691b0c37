import { browser } from 'wxt/browser';

type ToolbarButton = typeof browser.action;

/** The toolbar button: `action` in Manifest V3, `browserAction` in Firefox's Manifest V2. */
export function toolbarButton(): ToolbarButton | undefined {
  return (
    (browser.action as ToolbarButton | undefined) ??
    (browser as unknown as { browserAction?: ToolbarButton }).browserAction
  );
}
