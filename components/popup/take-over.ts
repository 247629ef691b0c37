/**
 * The React app's side of opening the popup: once the first script's drawing is on screen, React and the
 * app load and take it over (./handoff.ts). Without a first script (it failed to load or to run), the
 * app loads its lists itself.
 */
import type { PopupHandoff } from './handoff';

export async function takeOverPopup(handoff: Promise<PopupHandoff> | undefined): Promise<void> {
  const given = await handoff?.catch(() => undefined);
  const { mountPopupApp } = await import('./mount');
  mountPopupApp(given?.start ?? {}, given?.afterTakeover);
}
