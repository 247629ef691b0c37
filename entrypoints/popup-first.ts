import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { appModuleAddress, loadAppModule } from '@/components/popup/load-app';
import { openPopup } from '@/components/popup/open-popup';

// The popup's first paint, loaded by popup.html before anything else (see components/popup/handoff.ts);
// it loads the app once its drawing is on screen, and in any case.
export default defineUnlistedScript({
  globalName: false, // scripts/build/lean-content-scripts.ts
  main: () => {
    const app = appModuleAddress();
    try {
      openPopup();
    } finally {
      loadAppModule(app, window.dealsidePopupHandoff);
    }
  },
});
