import { browser } from 'wxt/browser';

/**
 * Opens the pipeline page in a new tab of the window the rep is in, from the popup or options (the popup
 * closes as the tab takes the focus).
 */
export function openPipelinePage(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/pipeline.html'), active: true });
}
