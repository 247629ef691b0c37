import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runContentScript } from '@/lib/content/run';
import { zoho } from '@/lib/sites/zoho';

// A content script: declared in the manifest from the site registry (see wxt.config.ts).
export default defineUnlistedScript({
  globalName: false, // scripts/build/lean-content-scripts.ts
  main: () => runContentScript(zoho),
});
