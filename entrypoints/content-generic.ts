import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runContentScript } from '@/lib/content/run';
import { generic } from '@/lib/sites/generic';

// The content script for sites the rep adds: registered at runtime for the hosts the rep granted.
export default defineUnlistedScript({
  globalName: false, // scripts/build/lean-content-scripts.ts
  main: () => runContentScript(generic),
});
