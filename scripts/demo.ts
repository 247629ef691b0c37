/**
 * `npm run demo`: builds the extension and opens Chromium with it on a bundled demo mail page, served at
 * Gmail's real address by request routing. With a display it leaves the browser open for you; without
 * one it runs headless and writes screenshots.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_NOTES, DEMO_THREAD_URL } from '../demo/sample-data';
import { launchWithExtension, panelFrame } from '../tests/e2e/support/browser';
import { readFile } from 'node:fs/promises';

const OUTPUT_DIR = path.resolve('demo-output');
const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY;

async function main(): Promise<void> {
  if (!args.has('--no-build')) {
    console.log('Building the extension…');
    execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  }

  const browser = await launchWithExtension({ headless });
  const { context } = browser;
  const demoPage = await readFile(path.resolve('demo/pages/gmail-thread.html'), 'utf8');
  await context.route('https://mail.google.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: demoPage }),
  );

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(DEMO_THREAD_URL);
  const panel = await panelFrame(page);
  await panel.getByTestId('contact-email').waitFor();

  // Seed the sample notes through the panel, the way a rep would type them.
  if ((await panel.getByTestId('note-item').count()) === 0) {
    for (const note of DEMO_NOTES) {
      await panel.getByRole('button', { name: /new note/i }).click();
      await panel.getByTestId('note-editor').fill(note);
      await panel.getByTestId('note-editor').blur();
      await panel.getByText(note).first().waitFor();
    }
    await panel.getByRole('button', { name: /new note/i }).click();
  }

  if (headless) {
    await mkdir(OUTPUT_DIR, { recursive: true });
    const shot = path.join(OUTPUT_DIR, 'gmail-thread.png');
    await page.screenshot({ path: shot });
    console.log(`Headless run: screenshots written to ${OUTPUT_DIR}/ (${path.basename(shot)})`);
    await browser.close();
    return;
  }
  console.log('Dealside is running on the demo page. Close the browser window to finish.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
