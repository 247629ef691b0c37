/**
 * The rep's daily loop in the panel, in real Chromium: see the contact, move the deal, tick the
 * checklist, see SPIN questions, write a note, add a follow-up due today, reload and find it all again —
 * and another customer's page shows none of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './support/accessibility';
import { launchWithExtension, panelFrame, serveFixture, type ExtensionBrowser } from './support/browser';

const JANE_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
// The hash never reaches the server, so the other thread is told apart by the mailbox index in the path.
const OLIVER_THREAD = 'https://mail.google.com/mail/u/1/#label/Customers/FMfcgzQXKcLlnVbzTpCg';

/** A local time later today (or in a minute, just before midnight), as a datetime-local value. */
function laterToday(): string {
  const due = new Date(Date.now() + 60_000);
  if (due.getHours() < 23) due.setHours(23, 30, 0, 0);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}T${pad(due.getHours())}:${pad(due.getMinutes())}`;
}

describe('the rep loop', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await browser.context.route('https://mail.google.com/**', async (route) => {
      const fixture = route.request().url().includes('/mail/u/1/')
        ? 'sites/gmail/thread-rep-replied-last.html'
        : 'sites/gmail/thread.html';
      const { readFile } = await import('node:fs/promises');
      await route.fulfill({
        contentType: 'text/html',
        body: await readFile(`tests/fixtures/${fixture}`, 'utf8'),
      });
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps stage, checklist, questions, notes and follow-ups across a reload, per account', async () => {
    const page = await browser.context.newPage();
    await page.goto(JANE_THREAD);
    const panel = await panelFrame(page);
    await expect
      .poll(() => panel.getByTestId('contact-email').textContent())
      .toBe('jane.cooper@northwind-trading.com');

    await panel.getByTestId('stage-select').selectOption('discovery');
    await expect.poll(() => panel.getByTestId('stage-current').textContent()).toContain('Needs discovery');

    const firstItem = panel.getByTestId('checklist-item').first();
    const itemId = await firstItem.getAttribute('data-item-id');
    await firstItem.getByRole('checkbox').check();
    await expect.poll(() => firstItem.getByRole('checkbox').isChecked()).toBe(true);

    const types = new Set(
      await panel
        .getByTestId('spin-question')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-spin-type'))),
    );
    expect(types.size).toBeGreaterThanOrEqual(2);

    const note = `Discovery call: three warehouses ${Date.now()}`;
    await panel.getByTestId('note-editor').fill(note);
    await panel.getByTestId('note-editor').blur();
    await expect
      .poll(() => panel.getByTestId('note-item').allTextContents())
      .toContainEqual(expect.stringContaining(note));

    await panel.getByTestId('followup-title').fill('Send the ROI summary');
    await panel.getByTestId('followup-due').fill(laterToday());
    await panel.getByTestId('followup-add').click();
    await expect
      .poll(() => panel.getByTestId('followup-item').allTextContents())
      .toContainEqual(expect.stringContaining('Send the ROI summary'));

    await page.reload();
    const reloaded = await panelFrame(page);
    await expect.poll(() => reloaded.getByTestId('stage-current').textContent()).toContain('Needs discovery');
    await expect
      .poll(() =>
        reloaded.locator(`[data-testid="checklist-item"][data-item-id="${itemId}"] input`).isChecked(),
      )
      .toBe(true);
    expect(await reloaded.getByTestId('note-item').allTextContents()).toContainEqual(
      expect.stringContaining(note),
    );
    expect(await reloaded.getByTestId('followup-item').allTextContents()).toContainEqual(
      expect.stringContaining('Send the ROI summary'),
    );

    const violations = await seriousAccessibilityViolations(reloaded);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // Another customer's thread shows none of Jane's account.
    const other = await browser.context.newPage();
    await other.goto(OLIVER_THREAD);
    const otherPanel = await panelFrame(other);
    await expect
      .poll(() => otherPanel.getByTestId('account-key').textContent())
      .toBe('contoso-industrial.co.uk');
    expect(await otherPanel.getByTestId('note-item').count()).toBe(0);
    expect(await otherPanel.getByTestId('followup-item').count()).toBe(0);
    expect(await otherPanel.getByTestId('stage-current').textContent()).not.toContain('Needs discovery');
    await other.close();
    await page.close();
  });
});

describe('in Simplified Chinese', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension({ locale: 'zh-CN' });
    await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the panel and the playbook in Chinese', async () => {
    const page = await browser.context.newPage();
    await page.goto(JANE_THREAD);
    const panel = await panelFrame(page);
    await expect
      .poll(() => panel.getByTestId('contact-email').textContent())
      .toBe('jane.cooper@northwind-trading.com');
    await panel.getByTestId('stage-select').selectOption('discovery');
    await expect.poll(() => panel.getByTestId('stage-current').textContent()).toContain('需求沟通');
    expect(await panel.locator('html').getAttribute('lang')).toBe('zh-CN');
    const question = await panel.getByTestId('spin-question').first().textContent();
    expect(question).toMatch(/[\u4e00-\u9fff]/);
    const violations = await seriousAccessibilityViolations(panel);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });
});
