/**
 * The built popup.html rewritten for its first paint (scripts/build/popup-page.ts): its stylesheet
 * written into the page, its app module handed to the first script, and a build that fails rather than
 * ship a page whose app would never load.
 */
import { describe, expect, it } from 'vitest';
import { popupPageWithOneFetch } from '../../../scripts/build/popup-page';

const BUILT = `<!DOCTYPE html>
<html lang="en">
  <head>
    <title>Dealside</title>
    <script type="module" crossorigin src="/chunks/popup-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/chunks/_virtual_wxt-html-plugins-def.js">
    <link rel="stylesheet" crossorigin href="/assets/popup-123.css">
  </head>
  <body>
    <div id="root"></div>
    <script src="/popup-first.js" ></script>
  </body>
</html>`;

const CSS = '.ds-popup{width:380px}.ds-icon{background:url(/assets/icon.svg)}';
const assets = (files: Record<string, string>) => (name: string) => {
  const css = files[name];
  if (css === undefined) throw new Error(`${name} is not in the build.`);
  return css;
};

describe('the built popup page', () => {
  it('loads nothing before its first script: the stylesheet is in the page, the app is the script’s', () => {
    const { page, inlined } = popupPageWithOneFetch(BUILT, assets({ 'assets/popup-123.css': CSS }));
    expect(inlined).toEqual(['assets/popup-123.css']);
    expect(page).toContain(`<style>${CSS}</style>`);
    expect(page).toContain('<script src="/popup-first.js" data-app="/chunks/popup-abc.js" ></script>');
    expect(page).not.toMatch(/<link|type="module"/);
    // The first script still comes after the root it draws into.
    expect(page.indexOf('id="root"')).toBeLessThan(page.indexOf('popup-first.js'));
  });

  it('fails the build when the page is not as expected', () => {
    const css = assets({ 'assets/popup-123.css': CSS });
    expect(() => popupPageWithOneFetch(BUILT.replace(/<script type="module"[^\n]*\n/, ''), css)).toThrow(
      /one app module/,
    );
    expect(() =>
      popupPageWithOneFetch(BUILT.replace('<script src="/popup-first.js" ></script>', ''), css),
    ).toThrow(/first script is missing/);
    expect(() => popupPageWithOneFetch(BUILT, assets({}))).toThrow(/not in the build/);
  });

  it('refuses a stylesheet that would not read the same inside the page', () => {
    const relative = assets({ 'assets/popup-123.css': '.ds-icon{background:url(icon.svg)}' });
    expect(() => popupPageWithOneFetch(BUILT, relative)).toThrow(/relative url/);
    const closing = assets({ 'assets/popup-123.css': '.a::after{content:"</style>"}' });
    expect(() => popupPageWithOneFetch(BUILT, closing)).toThrow(/cannot be written/);
  });
});
