import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { openPopup } from '@/components/popup/open-popup';

// The popup's first paint, loaded by popup.html before its modules (see components/popup/handoff.ts).
export default defineUnlistedScript(() => openPopup());
