/**
 * Project modules as one script to run in a page or frame with `evaluate`: esbuild bundles the entry as
 * an IIFE, and the script hands its exports to `globalThis[globalName]`.
 */
import { build } from 'esbuild';

export async function bundleForPage(
  entry: { file: string } | { source: string; resolveDir: string },
  globalName: string,
): Promise<string> {
  const result = await build({
    ...('file' in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.source, resolveDir: entry.resolveDir, loader: 'ts' as const } }),
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${globalName}`);
  // Evaluated inside a function, where `var` stays local: hand the object out explicitly.
  return `globalThis.${globalName} = (() => {\n${output.text}\nreturn ${globalName};\n})();`;
}
