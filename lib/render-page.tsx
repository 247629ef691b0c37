import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { uiLanguage } from './i18n';

/** Mounts an extension page's React tree and sets the document language for screen readers. */
export function renderPage(app: ReactNode): void {
  document.documentElement.lang = uiLanguage();
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element.');
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
