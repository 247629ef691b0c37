/**
 * The React app's side of opening the popup: once the first script's drawing is on screen, React and the
 * app load and take it over (./handoff.ts), as soon as both the app and what it starts from are there.
 * The built page loads this module from the first script (scripts/build/popup-page.ts); in development the
 * page loads it, and should the first script not have run, the app loads its lists itself.
 */
import type { PopupHandoff } from './handoff';
import type { PopupStart } from './mount';

export async function takeOverPopup(handoff: Promise<PopupHandoff> | undefined): Promise<void> {
  const given = await handoff?.catch(() => undefined);
  const [{ mountPopupApp }, start] = await Promise.all([
    import('./mount'),
    given?.start.catch((): PopupStart => ({})) ?? ({} as PopupStart),
  ]);
  mountPopupApp(start, given?.afterTakeover);
}
