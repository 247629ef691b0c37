/**
 * Touches in real Chromium: opening two Gmail threads of a tracked account, and one of them again the
 * same day from another folder, records exactly two touches; the panel's "last touch" names the newest
 * and its timeline lists both; turning touches off in options stops the recording; "Delete all touches"
 * empties them. Data is seeded through the background from an extension page.
 *
 * Gmail threads differ only in their URL's fragment, which never reaches the server, so the two fixture
 * threads are served from two mailboxes' paths (`/mail/u/0/`, `/mail/u/1/`).
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './support/accessibility';
import { launchWithExtension, panelFrame, serveFixture, type ExtensionBrowser } from './support/browser';

const THREAD_ID = 'FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
const PILOT_THREAD = `https://mail.google.com/mail/u/0/#inbox/${THREAD_ID}`;
const PILOT_THREAD_FROM_ALL_MAIL = `https://mail.google.com/mail/u/0/#all/${THREAD_ID}`;
const FORWARDED_THREAD = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXKcZbhLrNmQpWvTdSxHfJgBkD';
const PILOT_SUBJECT = 'Re: Pilot scope for the Q1 rollout';
const FORWARDED_SUBJECT = 'Fwd: Angebot Förderband-Module (Lang Automation)';
const NORTHWIND = 'northwind-trading.com';

describe('touches and the timeline', () => {
  let browser: ExtensionBrowser;
  let options: Page;

  /** Sends one message to the background from the options page, as the extension's messenger does. */
  async function send<T>(type: string, data: unknown): Promise<T> {
    return options.evaluate(
      async ({ type, data }) => {
        const runtime = (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
          }
        ).chrome.runtime;
        const reply = (await runtime.sendMessage({
          id: Math.random(),
          type,
          data,
          timestamp: Date.now(),
        })) as {
          res?: unknown;
          err?: { message: string };
        };
        if (reply.err) throw new Error(reply.err.message);
        return reply.res as T;
      },
      { type, data },
    ) as Promise<T>;
  }

  const touchCount = async () => (await send<{ count: number }>('countTouches', {})).count;

  async function open(url: string): Promise<{ page: Page; panel: Frame }> {
    const page = await browser.context.newPage();
    await page.goto(url);
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('account-key').textContent()).toBe(NORTHWIND);
    return { page, panel };
  }

  /** The panel at its real width and its timeline, when DEALSIDE_SCREENSHOT_DIR is set. */
  async function screenshot(panel: Frame, name: string): Promise<void> {
    const directory = process.env.DEALSIDE_SCREENSHOT_DIR;
    if (!directory) return;
    await (await panel.frameElement()).screenshot({ path: path.join(directory, `${name}.png`) });
    await panel.getByTestId('timeline').screenshot({ path: path.join(directory, `${name}-timeline.png`) });
  }

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mail.google.com/mail/u/0/**', 'sites/gmail/thread.html');
    await serveFixture(
      browser.context,
      'https://mail.google.com/mail/u/1/**',
      'sites/gmail/thread-forwarded-listitems.html',
    );
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // Touches are kept for accounts the rep tracks: Northwind has a stage.
    await send('setStage', { accountKey: NORTHWIND, stageId: 'discovery', locale: 'en' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('records one touch per thread a day; "last touch" names the newest and the timeline lists them', async () => {
    const first = await open(PILOT_THREAD);
    await expect.poll(() => first.panel.getByTestId('last-touch').textContent()).toContain(PILOT_SUBJECT);
    expect(await first.panel.getByTestId('last-touch').textContent()).toMatch(/^Last touch: .* · Gmail · /);
    await first.page.close();

    const second = await open(FORWARDED_THREAD);
    await expect
      .poll(() => second.panel.getByTestId('last-touch').textContent())
      .toContain(FORWARDED_SUBJECT);
    await second.page.close();

    // The first thread again, opened from All Mail: the same thread the same day records nothing new.
    const again = await open(PILOT_THREAD_FROM_ALL_MAIL);
    const timelineTouches = again.panel.locator('[data-testid="timeline-item"][data-kind="touch"]');
    await expect.poll(() => timelineTouches.count()).toBe(2);
    expect(await touchCount()).toBe(2);
    expect(await again.panel.getByTestId('last-touch').textContent()).toContain(FORWARDED_SUBJECT);
    expect(await timelineTouches.allTextContents()).toEqual([
      expect.stringContaining(FORWARDED_SUBJECT),
      expect.stringContaining(PILOT_SUBJECT),
    ]);
    // The stage move is on the timeline too, below the touches that came after it.
    await expect
      .poll(() => again.panel.getByTestId('timeline-item').last().getAttribute('data-kind'))
      .toBe('stage');
    const link = again.panel.getByTestId('last-touch').getByRole('link');
    expect(await link.getAttribute('href')).toBe(FORWARDED_THREAD);
    expect(await link.getAttribute('target')).toBe('_blank');
    const violations = await seriousAccessibilityViolations(again.panel);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshot(again.panel, 'touches-panel-en');
    await again.page.close();
  });

  it('records nothing while touches are turned off in options', async () => {
    await options.reload();
    const touchesSwitch = options.getByTestId('touches-switch');
    await touchesSwitch.uncheck();
    await expect
      .poll(() => send<{ settings: { recordTouches: boolean } }>('getSettings', {}))
      .toMatchObject({
        settings: { recordTouches: false },
      });
    const before = await touchCount();

    // A thread not opened today: with touches on it would record.
    const { page, panel } = await open(
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKdBvWnHrTsLpQmJcXzGkFh00',
    );
    await panel.getByTestId('timeline-item').first().waitFor();
    await page.waitForTimeout(500);
    expect(await touchCount()).toBe(before);
    await page.close();

    await touchesSwitch.check();
    await expect
      .poll(() => send<{ settings: { recordTouches: boolean } }>('getSettings', {}))
      .toMatchObject({
        settings: { recordTouches: true },
      });
  });

  it('"Delete all touches" empties them after a confirmation, and the panel says there are none', async () => {
    await options.reload();
    const card = options.getByTestId('touches-card');
    await expect.poll(() => card.getByTestId('touches-count').getAttribute('data-count')).toBe('2');
    const { page, panel } = await open(PILOT_THREAD);
    await card.getByTestId('touches-delete').click();
    await card.getByTestId('touches-delete-confirm').click();
    await expect.poll(() => card.getByTestId('touches-status').textContent()).toBe('Deleted 2 touches.');
    expect(await touchCount()).toBe(0);
    await expect.poll(() => panel.getByTestId('last-touch').textContent()).toBe('No touches yet');
    expect(await panel.locator('[data-testid="timeline-item"][data-kind="touch"]').count()).toBe(0);
    await page.close();
  });

  it('shows the same in Simplified Chinese', async () => {
    // Chosen in options, which reloads itself in the new language (a message sent from it would lose
    // its answer to that reload).
    await options.getByTestId('settings-language').selectOption('zh-CN');
    await expect.poll(() => options.locator('h1').first().textContent()).toBe('Dealside 设置');
    const { page, panel } = await open(PILOT_THREAD);
    // Deleted touches leave no memory: opening the thread again records it anew.
    await expect.poll(() => panel.getByTestId('last-touch').textContent()).toContain(PILOT_SUBJECT);
    expect(await panel.getByTestId('last-touch').textContent()).toMatch(/^上次接触：/);
    expect(await panel.getByTestId('timeline-item').first().textContent()).toContain('打开');
    await screenshot(panel, 'touches-panel-zh');
    await page.close();
  });
});
