import { PanelApp } from '@/components/panel/PanelApp';
import { renderPage } from '@/lib/render-page';

// Shown in the iframe the content script docks into supported pages.
renderPage(() => <PanelApp target={{ kind: 'frame' }} />);
