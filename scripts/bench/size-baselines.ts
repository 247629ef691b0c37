/**
 * Third-party Gmail integration libraries, minified the same way as our content scripts (esbuild,
 * minify), for the content-script size comparison. Installed as development dependencies only for this.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, transform } from 'esbuild';
import type { SizeBaseline } from './content-size';

const require = createRequire(import.meta.url);
let outDir: Promise<string> | undefined;
const scratch = () => (outDir ??= mkdtemp(path.join(tmpdir(), 'dealside-size-baselines-')));

/** InboxSDK injects its content script and a page-world script: both count. */
async function inboxSdk(): Promise<string> {
  const parts = await Promise.all(
    ['@inboxsdk/core/inboxsdk.js', '@inboxsdk/core/pageWorld.js'].map(async (file) => {
      const source = await readFile(require.resolve(file), 'utf8');
      return (await transform(source, { minify: true, loader: 'js' })).code;
    }),
  );
  const file = path.join(await scratch(), 'inboxsdk-content-and-page-world.min.js');
  await writeFile(file, parts.join('\n'));
  return file;
}

/** gmail.js needs jQuery in the page. */
async function gmailJsWithJquery(): Promise<string> {
  const dir = await scratch();
  const entry = path.join(dir, 'gmail-js-entry.js');
  await writeFile(
    entry,
    `import $ from 'jquery';\nimport { Gmail } from 'gmail-js';\nglobalThis.gmail = new Gmail($);\n`,
  );
  const file = path.join(dir, 'gmail-js-with-jquery.min.js');
  await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    outfile: file,
    nodePaths: [path.resolve('node_modules')],
    logLevel: 'silent',
  });
  return file;
}

export const THIRD_PARTY_BASELINES: SizeBaseline[] = [
  {
    label: 'InboxSDK (@inboxsdk/core)',
    note: 'content script + page-world script, esbuild-minified',
    compareWith: 'content-gmail.js',
    resolve: inboxSdk,
  },
  {
    label: 'gmail.js + jQuery',
    note: 'bundled and esbuild-minified',
    compareWith: 'content-gmail.js',
    resolve: gmailJsWithJquery,
  },
];
