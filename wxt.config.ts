import { defineConfig } from 'wxt';
import { siteAdapters } from './lib/sites/registry';
import { leanContentScripts } from './scripts/build/lean-content-scripts';
import { popupPageOneFetch } from './scripts/build/popup-page';

/** Origins the extension may be granted later, one at a time, when the rep asks for them. */
const OPTIONAL_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

// See https://wxt.dev/api/config.html
export default defineConfig({
  hooks: {
    // Each supported site gets its own small content script (entrypoints/content-<site>.ts), declared
    // here from the site registry so the manifest and the adapters can never disagree.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = siteAdapters.map((adapter) => ({
        matches: adapter.matches,
        js: [`content-${adapter.id}.js`],
        run_at: 'document_idle',
      }));
    },
  },
  modules: ['@wxt-dev/module-react'],
  vite: () => ({ plugins: [leanContentScripts(), popupPageOneFetch()] }),
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  // The sources archive Firefox review asks for: what builds the extension, not local output.
  zip: { excludeSources: ['demo-output/**', 'scripts/tmp/**', 'test-results/**', 'docs/**'] },
  // Parallel builds (benchmarks, a second checkout's tests) can write elsewhere.
  outDir: process.env.DEALSIDE_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      // Registers the generic content script on custom CRM hosts the rep granted.
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Custom CRM hosts and the sync server are requested one origin at a time at runtime, never up
    // front; plain HTTP only for a sync server on this computer.
    optional_host_permissions: OPTIONAL_ORIGINS,
    // Automatic backups save files through the downloads API: asked for when the rep turns them on.
    // Manifest V2 (Firefox) has no optional_host_permissions: optional origins are optional permissions.
    optional_permissions: ['downloads', ...(browser === 'firefox' ? OPTIONAL_ORIGINS : [])],
    web_accessible_resources: [
      // Only the panel page, only through the per-session dynamic URL: a session-random id known to our
      // content scripts, which no page can guess to probe for the extension or frame the panel itself.
      // The matches cannot be just the supported sites: custom CRM hosts are granted at runtime, these
      // matches are fixed at build time, and (measured on Chromium 156) a registered content script's
      // frame is refused on a granted host outside them.
      { resources: ['panel.html'], matches: ['https://*/*'], use_dynamic_url: true },
    ],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_commandTogglePanel__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'dealside@dealside.invalid',
              strict_min_version: '115.0',
              // Firefox asks every extension to declare what it collects: nothing leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
