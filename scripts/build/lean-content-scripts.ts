/**
 * The content scripts' entry without the build tool's generic wrapper. WXT starts every unlisted script
 * through a module of its own that initialises its runtime plugins and logs a startup crash; in a
 * production build the logger prints nothing, yet its messages are still in the file (about 500 bytes of
 * each content script's 12 KB budget), and no runtime plugin runs in our content scripts. This Vite
 * plugin replaces that module, for `entrypoints/content-*.ts` and the popup's first script
 * (`entrypoints/popup-first.ts`, all the popup loads before its first paint), by a call to the script's
 * `main`; every other entrypoint keeps WXT's wrapper. Should WXT rename its module, nothing here matches, the
 * wrapper comes back, and the manifest audit's size check says so.
 *
 * Those scripts are declared with `globalName: false`: the replaced entry returns nothing, so there is no
 * variable for WXT's default footer (a line naming the script's result, for `scripting.executeScript`) to
 * name, and that line would throw a ReferenceError at the end of every run.
 */

const WXT_UNLISTED_ENTRY = '\0virtual:wxt-unlisted-script-entrypoint?';

/** A Vite plugin, typed by hand: WXT builds with its own copy of Vite, whose types differ from the project's. */
interface TransformPlugin {
  name: string;
  transform(code: string, id: string): { code: string; map: null } | undefined;
}

export function leanContentScripts(): TransformPlugin {
  return {
    name: 'dealside:lean-content-scripts',
    transform(_code, id) {
      if (!id.startsWith(WXT_UNLISTED_ENTRY)) return undefined;
      const inputPath = id.slice(WXT_UNLISTED_ENTRY.length);
      if (!/\/entrypoints\/(content-[\w-]+|popup-first)\.ts$/.test(inputPath)) return undefined;
      return {
        code: `import definition from ${JSON.stringify(inputPath)};\ndefinition.main();\n`,
        map: null,
      };
    },
  };
}
