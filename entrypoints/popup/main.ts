import { takeOverPopup } from '@/components/popup/take-over';
// The page's one stylesheet, linked from popup.html: the first paint (entrypoints/popup-first.ts) draws
// with it before any module runs.
import '@/components/popup/popup-page.css';

void takeOverPopup(window.dealsidePopupHandoff);
