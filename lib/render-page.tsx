import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadChosenLanguage, reloadOnLanguageChange, uiLanguage } from './i18n';

/**
 * Mounts an extension page's React tree, in the rep's chosen language, and sets the document language
 * for screen readers and fonts.
 */
export function renderPage(app: () => ReactNode): void {
  void loadChosenLanguage().then(() => {
    document.documentElement.lang = uiLanguage();
    reloadOnLanguageChange();
    const container = document.getElementById('root');
    if (!container) throw new Error('The page has no #root element.');
    createRoot(container).render(<StrictMode>{app()}</StrictMode>);
  });
}
