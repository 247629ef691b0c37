import { SidePanelApp } from '@/components/panel/SidePanelApp';
import { renderPage } from '@/lib/render-page';

renderPage(() => <SidePanelApp />);
