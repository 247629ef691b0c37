/**
 * The in-page panel: an iframe of the extension's `panel.html`, docked at the right edge, plus a slim
 * handle shown while it is collapsed. The host page can see that the frame exists, never what is in it:
 * the frame is another origin, and our data only ever travels between the frame and the background.
 *
 * Both live in a closed shadow root so the page's CSS cannot restyle or hide them by accident.
 */
export const PANEL_WIDTH_PX = 360;

export interface PanelFrame {
  setCollapsed(collapsed: boolean): void;
  remove(): void;
}

const HOST_STYLE = 'all:initial;position:fixed;top:0;right:0;z-index:2147483646;';

export function mountPanelFrame(
  document: Document,
  src: string,
  labels: { open: string; frameTitle: string },
  onOpenRequested: () => void,
): PanelFrame {
  const host = document.createElement('dealside-panel-host');
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });

  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = labels.frameTitle;
  frame.setAttribute('data-dealside-frame', '');
  frame.setAttribute(
    'style',
    `position:fixed;top:0;right:0;width:${PANEL_WIDTH_PX}px;height:100vh;border:0;margin:0;` +
      'box-shadow:-2px 0 12px rgba(0,0,0,.18);color-scheme:normal;background:transparent;',
  );

  // Collapsed, the panel shrinks to this small tab on the right edge, at mid-height where mail and CRM
  // apps keep no controls of their own.
  const handle = document.createElement('button');
  handle.type = 'button';
  handle.title = labels.open;
  handle.setAttribute('aria-label', labels.open);
  handle.textContent = 'D';
  handle.setAttribute(
    'style',
    'position:fixed;top:calc(50vh - 32px);right:0;width:22px;height:64px;padding:0;border:0;' +
      'border-radius:8px 0 0 8px;background:#1f6feb;color:#fff;font:600 13px/1 system-ui,sans-serif;' +
      'cursor:pointer;box-shadow:-1px 0 6px rgba(0,0,0,.25);',
  );
  handle.addEventListener('click', onOpenRequested);

  root.append(frame, handle);
  (document.body ?? document.documentElement).append(host);

  return {
    setCollapsed(collapsed) {
      // The frame stays loaded while hidden, so an unsaved note keeps its place.
      frame.style.visibility = collapsed ? 'hidden' : 'visible';
      frame.style.pointerEvents = collapsed ? 'none' : 'auto';
      handle.style.display = collapsed ? 'block' : 'none';
      host.setAttribute('data-collapsed', String(collapsed));
    },
    remove() {
      host.remove();
    },
  };
}
