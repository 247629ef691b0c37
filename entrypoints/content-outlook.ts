import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { acceptComposeInserts } from '@/lib/content/compose-insert';
import { runContentScript } from '@/lib/content/run';
import { outlook } from '@/lib/sites/outlook';

// A content script: declared in the manifest from the site registry (see wxt.config.ts).
export default defineUnlistedScript({
  globalName: false, // scripts/build/lean-content-scripts.ts
  main: () => runContentScript(outlook, acceptComposeInserts),
});
