import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { acceptComposeInserts } from '@/lib/content/compose-insert';
import { runContentScript } from '@/lib/content/run';
import { gmail } from '@/lib/sites/gmail';

// A content script: declared in the manifest from the site registry (see wxt.config.ts).
export default defineUnlistedScript({
  globalName: false, // scripts/build/lean-content-scripts.ts
  main: () => runContentScript(gmail, acceptComposeInserts),
});
