import { takeOverPopup } from '@/components/popup/take-over';
// The page's one stylesheet: the build writes it into popup.html (scripts/build/popup-page.ts), so the
// first paint (entrypoints/popup-first.ts) draws with it before any module loads.
import '@/components/popup/popup-page.css';

void takeOverPopup(window.dealsidePopupHandoff);
