import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runContentScript } from '@/lib/content/run';
import { salesforce } from '@/lib/sites/salesforce';

// A content script: declared in the manifest from the site registry (see wxt.config.ts).
export default defineUnlistedScript({
  globalName: false, // scripts/build/lean-content-scripts.ts
  main: () => runContentScript(salesforce),
});
