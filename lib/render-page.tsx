import { StrictMode, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { loadChosenLanguage, reloadOnLanguageChange, uiLanguage } from './i18n';

/**
 * Mounts an extension page's React tree, in the rep's chosen language, and sets the document language
 * for screen readers and fonts. With `onRendered`, the first render is done at once rather than scheduled,
 * and `onRendered` runs right after it is in the page (the popup then hands over what the rep did on its
 * first paint).
 */
export function renderPage(app: () => ReactNode, onRendered?: () => void): void {
  void loadChosenLanguage().then(() => {
    document.documentElement.lang = uiLanguage();
    reloadOnLanguageChange();
    const container = document.getElementById('root');
    if (!container) throw new Error('The page has no #root element.');
    const root = createRoot(container);
    const render = () => root.render(<StrictMode>{app()}</StrictMode>);
    if (!onRendered) return render();
    flushSync(render);
    onRendered();
  });
}
