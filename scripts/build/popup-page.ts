/**
 * popup.html rewritten so that the popup's first paint waits for one file only: its first script
 * (entrypoints/popup-first.ts). A page of the extension loads each of its files through the browser one
 * after another, in the order they appear, and every file ahead of the first script (the app's module,
 * the modules it preloads, the stylesheet) made the first paint later. So, in the built page:
 *
 * - the stylesheets are written into the page (`<style>`; extension pages allow inline styles, only
 *   inline scripts are forbidden), which also takes them off the paint's path;
 * - the app's module and its preloads are no longer in the page: the first script loads the module
 *   itself once its drawing is on screen, from the address it finds on its own tag (`data-app`).
 *
 * Only the production build is rewritten: in development Vite serves the page as written. Should the
 * page not have the expected shape, the build fails rather than ship a popup that never loads its app.
 */

/** The first script's tag in the written page (entrypoints/popup/index.html). */
const FIRST_SCRIPT = '<script src="/popup-first.js"';

interface OutputAsset {
  type: 'asset';
  fileName: string;
  source: string | Uint8Array;
}
interface OutputChunk {
  type: 'chunk';
  fileName: string;
  code: string;
}

/** A Vite plugin, typed by hand: WXT builds with its own copy of Vite, whose types differ from the project's. */
interface BundlePlugin {
  name: string;
  apply: 'build';
  enforce: 'post';
  generateBundle(options: unknown, bundle: Record<string, OutputAsset | OutputChunk>): void;
}

const text = (source: string | Uint8Array) =>
  typeof source === 'string' ? source : new TextDecoder().decode(source);

/**
 * `html` with its stylesheets inlined and its module scripts handed to the first script; `inlined` names
 * the stylesheets written into it.
 */
export function popupPageWithOneFetch(
  html: string,
  readAsset: (fileName: string) => string,
): { page: string; inlined: string[] } {
  const inlined: string[] = [];
  const modules = [...html.matchAll(/<script type="module" crossorigin src="\/([^"]+)"><\/script>\s*/g)];
  if (modules.length !== 1) throw new Error(`popup.html: expected one app module, found ${modules.length}.`);
  const [moduleTag, moduleFile] = modules[0]!;
  let page = html
    .replace(moduleTag, '')
    .replace(/<link rel="modulepreload" crossorigin href="[^"]+">\s*/g, '')
    .replace(/<link rel="stylesheet" crossorigin href="\/([^"]+)">/g, (_tag, file: string) => {
      const css = readAsset(file);
      inlined.push(file);
      if (/<\/style/i.test(css)) throw new Error(`popup.html: ${file} cannot be written into the page.`);
      // A relative url() would resolve against the page instead of the stylesheet's folder.
      if (/url\(\s*['"]?(?!data:|\/|#)/i.test(css)) {
        throw new Error(`popup.html: ${file} has a relative url(), which inlining would break.`);
      }
      return `<style>${css}</style>`;
    });
  if (!page.includes(FIRST_SCRIPT)) throw new Error('popup.html: the first script is missing.');
  page = page.replace(FIRST_SCRIPT, `${FIRST_SCRIPT} data-app="/${moduleFile}"`);
  if (/<link rel="(stylesheet|modulepreload)"|<script type="module"/.test(page)) {
    throw new Error('popup.html: a stylesheet or module is left that the first paint would wait for.');
  }
  return { page, inlined };
}

export function popupPageOneFetch(): BundlePlugin {
  return {
    name: 'dealside:popup-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const html = text(file.source);
        if (!html.includes(FIRST_SCRIPT)) continue;
        const { page, inlined } = popupPageWithOneFetch(html, (fileName) => {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') throw new Error(`popup.html: ${fileName} is not in the build.`);
          return text(asset.source);
        });
        file.source = page;
        // A stylesheet now in the page and named by no other file would ship unused.
        for (const stylesheet of inlined) {
          const named = Object.values(bundle).some(
            (other) =>
              other.fileName !== stylesheet &&
              (other.type === 'chunk' ? other.code : text(other.source)).includes(stylesheet),
          );
          if (!named) delete bundle[stylesheet];
        }
      }
    },
  };
}
