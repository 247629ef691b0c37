/**
 * Follow-ups a rep can live with, in real Chromium: edit one in its row, delete it and undo, download it
 * as a calendar file that parses as one VEVENT, and cadence proposals that skip the rep's weekend.
 * The browser's clock is real here: the Friday-to-Monday rule and daylight-saving changes are covered by
 * the unit tests (tests/unit/dates/business-days.test.ts, tests/unit/background/follow-up-writes.test.ts).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './support/accessibility';
import { launchWithExtension, panelFrame, serveFixture, type ExtensionBrowser } from './support/browser';

const JANE_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';

const pad = (value: number) => String(value).padStart(2, '0');
/** A local wall-clock reading as a datetime-local value. */
const localValue = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

describe('follow-ups in the panel', () => {
  let browser: ExtensionBrowser;
  let downloads: string;

  beforeAll(async () => {
    downloads = await mkdtemp(path.join(tmpdir(), 'dealside-ics-'));
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
  });
  afterAll(async () => {
    await browser?.close();
    await rm(downloads, { recursive: true, force: true });
  });

  async function openThread() {
    const page = await browser.context.newPage();
    await page.goto(JANE_THREAD);
    const panel = await panelFrame(page);
    await expect
      .poll(() => panel.getByTestId('contact-email').textContent())
      .toBe('jane.cooper@northwind-trading.com');
    return { page, panel };
  }

  it('edits a follow-up, deletes it and brings it back, and downloads it as a calendar event', async () => {
    const { page, panel } = await openThread();
    const title = `Send the ROI summary ${Date.now()}`;
    await panel.getByTestId('followup-title').fill(title);
    await panel.getByTestId('followup-add').click();
    const item = panel.getByTestId('followup-item').filter({ hasText: title });
    await item.waitFor();

    // Edit the title and the due time in the row.
    const edited = 'Quote: 3,000 units; 跟进报价 🚀';
    const due = new Date();
    due.setDate(due.getDate() + 3);
    due.setHours(15, 45, 0, 0);
    await item.getByTestId('followup-edit').click();
    await panel.getByTestId('followup-edit-title').fill(edited);
    await panel.getByTestId('followup-edit-due').fill(localValue(due));
    await panel.getByTestId('followup-edit-save').click();
    const editedItem = panel.getByTestId('followup-item').filter({ hasText: edited });
    await editedItem.waitFor();
    await expect
      .poll(() => editedItem.locator('time').first().getAttribute('datetime'))
      .toBe(due.toISOString());
    expect(await panel.getByTestId('followup-item').filter({ hasText: title }).count()).toBe(0);

    // Download it as a calendar file and read it back as one VEVENT.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      editedItem.getByTestId('followup-ics').click(),
    ]);
    expect(download.suggestedFilename()).toBe('Quote 3,000 units; 跟进报价 🚀.ics');
    const file = path.join(downloads, 'follow-up.ics');
    await download.saveAs(file);
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    const event = new ICAL.Event(vevents[0]!);
    const id = await editedItem.getAttribute('data-followup-id');
    expect(event.uid).toBe(`${id}@dealside`);
    expect(event.summary).toBe(edited);
    expect(event.startDate.toJSDate().getTime()).toBe(due.getTime());
    expect(event.description).toContain('northwind-trading.com');
    expect(event.description).toContain('jane.cooper@northwind-trading.com');

    // Delete at once; undo brings the same follow-up back.
    await editedItem.getByTestId('followup-delete').click();
    await expect.poll(() => editedItem.count()).toBe(0);
    const status = panel.getByTestId('followup-undo-status');
    expect(await status.getAttribute('role')).toBe('status');
    await expect.poll(() => status.textContent()).toContain(edited);
    const violations = await seriousAccessibilityViolations(panel);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await panel.getByTestId('followup-undo').click();
    await editedItem.waitFor();
    expect(await editedItem.getAttribute('data-followup-id')).toBe(id);
    await expect
      .poll(() => editedItem.locator('time').first().getAttribute('datetime'))
      .toBe(due.toISOString());

    // Still there after a reload: the undo reached the database.
    await page.reload();
    const reloaded = await panelFrame(page);
    await reloaded.getByTestId('followup-item').filter({ hasText: edited }).waitFor();
    await page.close();
  });

  it("counts a cadence's days on working days only: with six weekend days a one-day step is a week away", async () => {
    // The clock is real, so the weekend is chosen around today: every day but today's weekday is off.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const setting = options.getByTestId('weekend-setting');
    await setting.getByTestId('weekend-custom').check();
    const todayIso = new Date().getDay() || 7;
    const box = (day: number) => setting.locator(`[data-testid="weekend-day"][data-day="${day}"]`);
    await expect.poll(() => box(todayIso).isEnabled()).toBe(true);
    if (await box(todayIso).isChecked()) await box(todayIso).uncheck();
    await expect.poll(() => box(todayIso).isChecked()).toBe(false);
    for (let day = 1; day <= 7; day += 1) {
      if (day === todayIso || (await box(day).isChecked())) continue;
      await box(day).check();
      await expect.poll(() => box(day).isChecked()).toBe(true);
    }
    // The last working day cannot be taken too.
    await expect.poll(() => box(todayIso).isDisabled()).toBe(true);
    await options.close();

    const { page, panel } = await openThread();
    await panel.getByTestId('stage-select').selectOption('negotiation');
    const proposal = panel.getByTestId('followup-proposal').filter({ hasText: 'Confirm the agreed terms' });
    await proposal.waitFor();
    const now = new Date();
    const expected = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 7, 9, 0, 0, 0);
    await expect
      .poll(() => proposal.locator('time').first().getAttribute('datetime'))
      .toBe(expected.toISOString());
    await page.close();
  });
});
