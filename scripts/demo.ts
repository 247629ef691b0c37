/**
 * `npm run demo`: builds the extension and opens Chromium with it on a bundled demo mail page, served at
 * Gmail's real address by request routing (nothing is fetched from the internet). With a display it
 * leaves the browser open for you; without one it runs headless and writes screenshots of the panel in
 * light and dark themes and in Simplified Chinese.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { errorText } from '../lib/error-text';
import {
  DEMO_CHECKLIST_DONE,
  DEMO_FOLLOW_UP,
  DEMO_NOTES,
  DEMO_STAGE,
  DEMO_THREAD_URL,
} from '../demo/sample-data';
import { launchWithExtension, panelFrame } from '../tests/e2e/support/browser';

const OUTPUT_DIR = path.resolve('demo-output');
const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY;

interface Variant {
  name: string;
  locale?: string;
  colorScheme?: 'light' | 'dark';
}

const SCREENSHOT_VARIANTS: Variant[] = [
  { name: 'panel-light' },
  { name: 'panel-dark', colorScheme: 'dark' },
  { name: 'panel-zh', locale: 'zh-CN' },
];

/** Enters the sample history through the panel, the way a rep would type it. */
async function seedSampleData(panel: Frame): Promise<void> {
  if ((await panel.getByTestId('note-item').count()) > 0) return;
  await panel.getByTestId('stage-select').selectOption(DEMO_STAGE);
  const items = panel.getByTestId('checklist-item');
  await items.first().waitFor();
  for (let index = 0; index < DEMO_CHECKLIST_DONE; index++)
    await items.nth(index).getByRole('checkbox').check();
  for (const note of DEMO_NOTES) {
    await panel.getByTestId('note-editor').fill(note);
    await panel.getByTestId('note-editor').blur();
    await panel
      .getByTestId('note-item')
      .filter({ hasText: note.slice(0, 40) })
      .first()
      .waitFor();
    await panel.getByTestId('notes-new').click();
  }
  await panel.getByTestId('followup-title').fill(DEMO_FOLLOW_UP);
  await panel.getByTestId('followup-pick-tomorrow').click();
  await panel.getByTestId('followup-add').click();
  await panel.getByTestId('followup-item').filter({ hasText: DEMO_FOLLOW_UP }).waitFor();
}

async function openDemo(variant: Variant) {
  const browser = await launchWithExtension({
    headless,
    locale: variant.locale,
    colorScheme: variant.colorScheme,
  });
  const demoPage = await readFile(path.resolve('demo/pages/gmail-thread.html'), 'utf8');
  await browser.context.route('https://mail.google.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: demoPage }),
  );
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(DEMO_THREAD_URL);
  const panel = await panelFrame(page);
  await panel.getByTestId('contact-email').waitFor();
  await seedSampleData(panel);
  return { browser, page, panel };
}

async function main(): Promise<void> {
  if (!args.has('--no-build')) {
    console.log('Building the extension…');
    execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  }

  if (!headless) {
    const { browser } = await openDemo({ name: 'interactive' });
    console.log('Dealside is running on the demo page. Close the browser window to finish.');
    await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
    return;
  }

  await mkdir(OUTPUT_DIR, { recursive: true });
  for (const variant of SCREENSHOT_VARIANTS) {
    const { browser, page, panel } = await openDemo(variant);
    // Let the last autosave and refresh settle, then show the panel from its top.
    await page.waitForTimeout(500);
    await panel.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: path.join(OUTPUT_DIR, `${variant.name}.png`) });
    await browser.close();
  }
  console.log(
    `Headless run: screenshots written to ${OUTPUT_DIR}/ (${SCREENSHOT_VARIANTS.map((v) => `${v.name}.png`).join(', ')})`,
  );
}

main().catch((error: unknown) => {
  console.error(errorText(error));
  process.exit(1);
});
