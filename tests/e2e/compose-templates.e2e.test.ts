/**
 * Compose help in real Chromium: on a Gmail and an Outlook compose window, the panel's template goes
 * into the message body at the caret the rep left there (clicking in the panel takes focus away), as
 * text: markup in a template lands literally and the editor gets no element but its own line breaks.
 * Copy puts the same filled text on the clipboard.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, panelFrame, serveFixture, type ExtensionBrowser } from './support/browser';

const GMAIL_COMPOSE = 'https://mail.google.com/mail/u/0/#inbox?compose=new';
const OUTLOOK_COMPOSE = 'https://outlook.office.com/mail/deeplink/compose';

const HOSTILE = 'Hi {firstName}, <b>not bold</b> <img src=x onerror=alert(1)> – {senderName}';
const TWO_LINES = 'First line for {firstName}\nSecond line';

/** Sends one message to the background from an extension page, as the extension's messenger does. */
async function send<T>(page: Page, type: string, data: unknown): Promise<T> {
  return page.evaluate(
    async ({ type, data }) => {
      const runtime = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }
      ).chrome.runtime;
      const reply = (await runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() })) as {
        res?: unknown;
        err?: { message: string };
      };
      if (reply.err) throw new Error(reply.err.message);
      return reply.res;
    },
    { type, data },
  ) as Promise<T>;
}

/** The compose body's text, its element children's tags, and the caret put at `offset` in its first text. */
async function placeCaret(page: Page, bodySelector: string, offset: number) {
  return page.evaluate(
    ({ bodySelector, offset }) => {
      const body = document.querySelector(bodySelector)!;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const first = walker.nextNode()!;
      const range = document.createRange();
      range.setStart(first, offset);
      range.collapse(true);
      (body as HTMLElement).focus();
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return { text: body.textContent!, tags: [...body.querySelectorAll('*')].map((el) => el.tagName) };
    },
    { bodySelector, offset },
  );
}

async function bodyState(page: Page, bodySelector: string) {
  return page.evaluate((selector) => {
    const body = document.querySelector(selector) as HTMLElement;
    return {
      text: body.textContent!,
      innerText: body.innerText,
      tags: [...body.querySelectorAll('*')].map((el) => el.tagName),
      focused: document.activeElement === body,
    };
  }, bodySelector);
}

/** Waits until the item's own status says something, and returns it. */
async function statusOf(item: ReturnType<Frame['getByTestId']>): Promise<string> {
  const status = item.getByRole('status');
  await expect.poll(() => status.textContent()).not.toBe('');
  return (await status.textContent())!;
}

describe('compose help: templates inserted at the caret', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/compose.html');
    await serveFixture(browser.context, 'https://outlook.office.com/**', 'sites/outlook/compose-popout.html');
    // A playbook whose first stage (the one suggested while no stage is set) has two test templates,
    // and the rep's name, both through the background as options saves them.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const playbook = await send<{ stages: { templates?: unknown[] }[] }>(options, 'getPlaybook', {});
    playbook.stages[0]!.templates = [
      { id: 'hostile', name: { en: 'Hostile', 'zh-CN': '恶意' }, body: { en: HOSTILE, 'zh-CN': HOSTILE } },
      {
        id: 'two-lines',
        name: { en: 'Two lines', 'zh-CN': '两行' },
        body: { en: TWO_LINES, 'zh-CN': TWO_LINES },
      },
    ];
    expect(await send(options, 'savePlaybook', { playbook, stageMoves: [] })).toMatchObject({ ok: true });
    await send(options, 'saveSettings', { senderName: 'Alex Morgan' });
    await options.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openCompose(url: string) {
    const page = await browser.context.newPage();
    await page.goto(url);
    const panel = await panelFrame(page);
    await panel.getByTestId('template-item').first().waitFor();
    const item = (id: string) => panel.locator(`[data-testid="template-item"][data-template-id="${id}"]`);
    return { page, panel, item };
  }

  it.each([
    {
      site: 'Gmail',
      url: GMAIL_COMPOSE,
      body: 'div.editable[contenteditable=true]:not([hidden] *)',
      // The contact's name as Gmail shows it is Chinese, so the greeting uses the whole name.
      firstName: '林美 (Mei Lin)',
    },
    {
      site: 'Outlook',
      url: OUTLOOK_COMPOSE,
      body: '[id^=editorParent_] [contenteditable=true]',
      firstName: 'Mei',
    },
  ])('puts a template into the $site body at the caret, as text', async ({ url, body, firstName }) => {
    const { page, item } = await openCompose(url);
    const filled = `Hi ${firstName}, <b>not bold</b> <img src=x onerror=alert(1)> – Alex Morgan`;
    expect(await item('hostile').locator('.ds-compose-body').textContent()).toBe(filled);

    const before = await placeCaret(page, body, 4);
    // Clicking in the panel takes focus from the page: the insertion uses the caret it remembered.
    await item('hostile').getByTestId('template-insert').click();
    expect(await statusOf(item('hostile'))).toBe('Inserted into your message');
    const after = await bodyState(page, body);
    expect(after.text).toBe(before.text.slice(0, 4) + filled + before.text.slice(4));
    expect(after.tags).toEqual(before.tags);
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);

    // The caret moved past the inserted text: the next insertion follows it, and a line break is the
    // editor's own (a <br> or a new block), never markup from the template.
    await item('two-lines').getByTestId('template-insert').click();
    expect(await statusOf(item('two-lines'))).toBe('Inserted into your message');
    const twice = await bodyState(page, body);
    expect(twice.innerText).toContain(`${filled}First line for ${firstName}\nSecond line`);
    const newTags = [...twice.tags];
    for (const tag of after.tags) newTags.splice(newTags.indexOf(tag), 1);
    expect(newTags.length).toBeGreaterThan(0);
    expect(newTags.every((tag) => tag === 'BR' || tag === 'DIV')).toBe(true);
    await page.close();
  });

  it('copies the filled template to the clipboard', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://outlook.office.com',
    });
    const { page, item } = await openCompose(OUTLOOK_COMPOSE);
    await item('hostile').getByTestId('template-copy').click();
    expect(await statusOf(item('hostile'))).toBe('Copied');
    await page.bringToFront();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('Hi Mei, <b>not bold</b> <img src=x onerror=alert(1)> – Alex Morgan');
    await page.close();
  });

  it('offers the next SPIN question as an item to insert or copy', async () => {
    const { page, panel } = await openCompose(OUTLOOK_COMPOSE);
    const question = panel.locator('[data-testid="template-item"][data-question-id]');
    await question.waitFor();
    expect(await question.getByTestId('template-insert').count()).toBe(1);
    expect(await question.getByTestId('template-copy').count()).toBe(1);
    await page.close();
  });
});
