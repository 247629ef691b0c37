import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import { PanelApp } from './PanelApp';

/**
 * The browser's side panel: the same panel, following the active tab of its window. When the rep
 * switches to a tab Dealside does not read (a call in a meeting app, say), it keeps the last customer
 * until they switch to another mail or CRM tab.
 */
export function SidePanelApp() {
  const [followed, setFollowed] = useState<{ tabId: number | null; kept: boolean }>();
  const current = useRef<number | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    const follow = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const candidate = tab?.id ?? null;
      const state =
        candidate === null
          ? null
          : await sendMessage('getPanelState', { tabId: candidate }).catch(() => null);
      if (!live) return;
      const keepPrevious = !state?.page && current.current !== undefined && current.current !== null;
      if (!keepPrevious) current.current = candidate;
      setFollowed({ tabId: current.current ?? null, kept: keepPrevious && candidate !== current.current });
    };
    const onActivated = () => void follow();
    const onUpdated = (_id: number, change: { status?: string }, tab: { active?: boolean }) => {
      if (tab.active && change.status === 'complete') void follow();
    };
    void follow();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  if (!followed) return null;
  return (
    <>
      {followed.kept ? (
        <p className="ds-banner" role="status">
          {t('sidePanelKeptContact')}
        </p>
      ) : null}
      <PanelApp key={followed.tabId ?? 'none'} target={{ kind: 'tab', tabId: followed.tabId }} />
    </>
  );
}
