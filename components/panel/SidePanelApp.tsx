import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { PanelApp } from './PanelApp';

/** The browser's side panel: the same panel, following whichever tab is active in this window. */
export function SidePanelApp() {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);

  useEffect(() => {
    const follow = () => {
      void browser.tabs
        .query({ active: true, currentWindow: true })
        .then(([tab]) => setTabId(tab?.id ?? null));
    };
    follow();
    browser.tabs.onActivated.addListener(follow);
    return () => browser.tabs.onActivated.removeListener(follow);
  }, []);

  if (tabId === undefined) return null;
  return <PanelApp key={tabId ?? 'none'} target={{ kind: 'tab', tabId }} />;
}
