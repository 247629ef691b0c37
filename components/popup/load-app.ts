/**
 * The popup's app module, loaded by its first script: the built popup.html names it on the first
 * script's tag instead of loading it itself (scripts/build/popup-page.ts), so that nothing but the first
 * script is loaded before the first paint.
 */

/** The app module's address on the running script's tag; none in development, where the page loads it. */
export function appModuleAddress(): string | undefined {
  const script = document.currentScript;
  return script instanceof HTMLScriptElement ? script.dataset.app : undefined;
}

/** Loads the app module at `address` once `after` has settled (however: the app shows any failure). */
export function loadAppModule(address: string | undefined, after: Promise<unknown> | undefined): void {
  if (!address) return;
  const load = () => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = address;
    document.body.append(script);
  };
  if (after) void after.then(load, load);
  else load();
}
