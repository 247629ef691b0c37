import { PopupApp } from '@/components/popup/PopupApp';
import { renderPage } from '@/lib/render-page';

renderPage(() => <PopupApp />);
