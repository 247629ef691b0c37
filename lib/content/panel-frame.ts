/**
 * The in-page panel: an iframe of the extension's `panel.html`, docked at the right edge, plus a slim
 * handle shown while it is collapsed. The host page can see that the frame exists, never what is in it:
 * the frame is another origin, and our data only ever travels between the frame and the background.
 *
 * Both live in a closed shadow root so the page's CSS cannot restyle or hide them by accident.
 */
export const PANEL_WIDTH_PX = 360;

export interface PanelFrame {
  /** `hidden` (the site is switched off) is kept as it is when left out. */
  setCollapsed(collapsed: boolean, hidden?: boolean): void;
  remove(): void;
}

// Collapsed, the panel shrinks to the small handle on the right edge, at mid-height where mail and CRM
// apps keep no controls of their own. `[c]` marks the collapsed state on the host.
const STYLE =
  ':host{all:initial}iframe,button{position:fixed;right:0;z-index:2147483646;border:0;margin:0}' +
  `iframe{top:0;width:${PANEL_WIDTH_PX}px;height:100vh;box-shadow:-2px 0 12px #0003}` +
  'button{top:calc(50vh - 32px);width:22px;height:64px;padding:0;border-radius:8px 0 0 8px;' +
  'background:#1f6feb;color:#fff;font:600 13px system-ui,sans-serif;cursor:pointer;display:none}' +
  ':host([c]) iframe{visibility:hidden}:host([c]) button{display:block}:host([h]) *{display:none!important}';

export function mountPanelFrame(
  document: Document,
  src: string,
  labels: { open: string; frameTitle: string },
  onOpenRequested: () => void,
): PanelFrame {
  const host = document.createElement('dealside-panel-host');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;

  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = labels.frameTitle;

  const handle = document.createElement('button');
  handle.title = labels.open;
  handle.setAttribute('aria-label', labels.open);
  handle.textContent = 'D';
  handle.onclick = onOpenRequested;

  root.append(style, frame, handle);
  (document.body ?? document.documentElement).append(host);

  return {
    setCollapsed(collapsed, hidden) {
      // The frame stays loaded while hidden, so an unsaved note keeps its place.
      host.toggleAttribute('c', collapsed);
      if (hidden !== undefined) host.toggleAttribute('h', hidden);
    },
    remove: () => host.remove(),
  };
}
