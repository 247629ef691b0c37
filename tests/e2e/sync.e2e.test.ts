/**
 * Sync in real Chromium: two browser profiles (two reps, Anna and Ben, or one rep's two computers)
 * against one CouchDB-protocol server on this machine (tests/support/couch-server.ts), user names and
 * passwords required.
 *
 * - Set-up in options: a wrong password says so and keeps the local data; the right one starts sync and
 *   the rep's existing notes reach the server.
 * - A note written in A shows in B's open panel.
 * - Both offline, both edit the same note and move the same deal; back online: both texts kept (the
 *   other as a conflicting version the rep settles in the panel), the same stage on both.
 * - The server stopped mid-sync and restarted: nothing lost, nothing doubled.
 * - A private note never reaches the server (checked on the server).
 * - The only place the extension talked to is the configured server (each browser fails on close if
 *   any other request left it).
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchDoc, type CouchServer } from '../support/couch-server';
import {
  grantHostPermission,
  launchWithExtension,
  panelFrame,
  serveFixture,
  type ExtensionBrowser,
} from './support/browser';
import { sendFromPage } from './support/messages';

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
const ACCOUNT = 'northwind-trading.com';
const DATABASE = 'dealside';
const ANNA = { name: 'anna', password: 'anna-secret-1' };
const BEN = { name: 'ben', password: 'ben-secret-2' };

interface Rep {
  browser: ExtensionBrowser;
  options: Page;
  user: { name: string; password: string };
}

interface SavedNote {
  status: string;
  note: { id: string; revision: number; body: string };
}

let couch: CouchServer;
let anna: Rep;
let ben: Rep;

async function launchRep(user: Rep['user']): Promise<Rep> {
  const browser = await launchWithExtension({ allowedOrigins: [couch.url] });
  await grantHostPermission(browser, 'http://127.0.0.1/*');
  await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  // Each rep signs with their name: what they write and move carries it.
  await sendFromPage(options, 'saveSettings', { senderName: user.name });
  return { browser, options, user };
}

function saveNote(
  rep: Rep,
  note: { id: string; body: string; baseRevision: number | null },
): Promise<SavedNote> {
  return sendFromPage<SavedNote>(rep.options, 'saveNote', { accountKey: ACCOUNT, kind: 'note', ...note });
}

async function serverNotes(): Promise<CouchDoc[]> {
  return (await couch.allDocs(DATABASE)).filter((doc) => doc._id.startsWith('notes:') && !doc._deleted);
}

async function openPanel(rep: Rep): Promise<{ page: Page; panel: Frame }> {
  const page = await rep.browser.context.newPage();
  await page.goto(THREAD);
  const panel = await panelFrame(page);
  await expect
    .poll(() => panel.getByTestId('contact-email').textContent())
    .toBe('jane.cooper@northwind-trading.com');
  return { page, panel };
}

/** Sync started the way the rep does it: the options page, which asks the browser for the one origin. */
async function startInOptions(rep: Rep): Promise<void> {
  const { options, user } = rep;
  await options.getByTestId('sync-url').fill(couch.url);
  await options.getByTestId('sync-db').fill(DATABASE);
  await options.getByTestId('sync-user').fill(user.name);
  await options.getByTestId('sync-password').fill(user.password);
  await options.getByTestId('sync-start').click();
  await expect
    .poll(() => options.getByTestId('sync-status').textContent(), { timeout: 20_000 })
    .toContain('Up to date');
}

/** With DEALSIDE_SCREENSHOT_DIR set, saves a picture to look at (never compared). */
async function screenshot(target: Page | Frame, name: string): Promise<void> {
  const directory = process.env.DEALSIDE_SCREENSHOT_DIR;
  if (!directory) return;
  const page = 'page' in target ? target.page() : target;
  await page.screenshot({ path: path.join(directory, `${name}.png`), fullPage: false });
}

const noteTexts = (panel: Frame) => panel.getByTestId('note-item').allTextContents();

beforeAll(async () => {
  couch = await startCouchServer({
    users: [ANNA, BEN],
    databases: [{ name: DATABASE, members: [ANNA.name, BEN.name] }],
  });
  anna = await launchRep(ANNA);
  ben = await launchRep(BEN);
}, 120_000);

afterAll(async () => {
  await anna?.browser.close();
  await ben?.browser.close();
  await couch?.close();
});

describe('sync between two browsers through one server', () => {
  it('starts from options: a wrong password is named and keeps local data; the right one syncs', async () => {
    const { options } = anna;
    const before = await saveNote(anna, {
      id: 'written-before-sync',
      body: 'Met Jane at the fair',
      baseRevision: null,
    });
    expect(before.status).toBe('saved');

    await options.getByTestId('sync-url').fill(couch.url);
    await options.getByTestId('sync-db').fill(DATABASE);
    await options.getByTestId('sync-user').fill(ANNA.name);
    await options.getByTestId('sync-password').fill('not-her-password');
    await options.getByTestId('sync-test').click();
    await expect
      .poll(() => options.getByTestId('sync-test-result').textContent())
      .toContain('Wrong user name or password');
    await options.getByTestId('sync-start').click();
    await expect
      .poll(() => options.getByTestId('sync-test-result').textContent())
      .toContain('Wrong user name or password');
    expect(await options.getByTestId('sync-status').textContent()).toContain('Sync is off');
    const kept = await sendFromPage<{ markdown: string }>(options, 'accountNotesMarkdown', {
      accountKey: ACCOUNT,
      locale: 'en',
    });
    expect(JSON.stringify(kept)).toContain('Met Jane at the fair');

    await options.getByTestId('sync-password').fill(ANNA.password);
    await options.getByTestId('sync-test').click();
    await expect.poll(() => options.getByTestId('sync-test-result').textContent()).toContain('Connected');
    await options.getByTestId('sync-start').click();
    await expect
      .poll(() => options.getByTestId('sync-status').textContent(), { timeout: 20_000 })
      .toContain('Up to date');
    expect(await options.getByTestId('sync-status').textContent()).toMatch(/0 changes waiting/);
    await expect
      .poll(async () => (await serverNotes()).map((doc) => (doc.row as { body: string }).body))
      .toEqual(['Met Jane at the fair']);
    await options.getByTestId('sync-section').scrollIntoViewIfNeeded();
    await screenshot(options, 'sync-options-on');
    // The password went in once and never comes back out.
    expect(await options.getByTestId('sync-password').inputValue()).toBe('');
  });

  it('shows a note written in one browser in the other browser’s open panel', async () => {
    await startInOptions(ben);
    const { panel } = await openPanel(ben);
    await expect
      .poll(() => noteTexts(panel), { timeout: 20_000 })
      .toEqual([expect.stringContaining('Met Jane at the fair')]);
    await expect.poll(() => panel.getByTestId('sync-indicator').count()).toBe(1);

    await saveNote(anna, { id: 'from-anna', body: 'Jane wants the pilot in May', baseRevision: null });
    await expect
      .poll(() => noteTexts(panel), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Jane wants the pilot in May')]));
  });

  it('keeps both texts and agrees on one stage after both browsers worked offline', async () => {
    const deal = await sendFromPage<{ id: string }>(anna.options, 'addDeal', {
      accountKey: ACCOUNT,
      title: 'Fleet renewal',
      stageId: 'discovery',
      locale: 'en',
    });
    await saveNote(anna, { id: 'agenda', body: 'Agenda: pricing', baseRevision: null });
    const annaPanel = (await openPanel(anna)).panel;
    const benPanel = (await openPanel(ben)).panel;
    await expect
      .poll(() => noteTexts(benPanel), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Agenda: pricing')]));

    await couch.stop();
    await saveNote(anna, { id: 'agenda', body: 'Agenda: pricing, then the pilot', baseRevision: 1 });
    await saveNote(ben, { id: 'agenda', body: 'Agenda: pricing and the security review', baseRevision: 1 });
    await sendFromPage(anna.options, 'setStage', {
      accountKey: ACCOUNT,
      dealId: deal.id,
      stageId: 'solution',
      locale: 'en',
    });
    await sendFromPage(ben.options, 'setStage', {
      accountKey: ACCOUNT,
      dealId: deal.id,
      stageId: 'negotiation',
      locale: 'en',
    });
    await couch.start();
    for (const rep of [anna, ben, anna, ben]) await sendFromPage(rep.options, 'syncNow');

    const stages = async () => [
      await annaPanel.getByTestId('stage-current').textContent(),
      await benPanel.getByTestId('stage-current').textContent(),
    ];
    await expect.poll(async () => new Set(await stages()).size, { timeout: 15_000 }).toBe(1);
    // Each panel shows the winning text as the note, and the other text as a version to settle.
    const texts = ['Agenda: pricing, then the pilot', 'Agenda: pricing and the security review'];
    for (const panel of [annaPanel, benPanel]) {
      await expect
        .poll(
          async () =>
            [
              ...(await noteTexts(panel)),
              ...(await panel.getByTestId('note-conflict').allTextContents()),
            ].join('|'),
          { timeout: 15_000 },
        )
        .toSatisfy((all: string) => texts.every((text) => all.includes(text)));
    }
    await benPanel.getByTestId('note-conflict').first().scrollIntoViewIfNeeded();
    await screenshot(benPanel, 'sync-panel-conflict');
    // Settled in one browser: gone from both, and the kept text is the note's everywhere.
    await benPanel.getByTestId('note-conflict-keep').click();
    for (const panel of [benPanel, annaPanel]) {
      await expect.poll(() => panel.getByTestId('note-conflict').count(), { timeout: 15_000 }).toBe(0);
    }
    const kept = await benPanel.getByTestId('note-item').first().textContent();
    await expect
      .poll(() => annaPanel.getByTestId('note-item').first().textContent(), { timeout: 15_000 })
      .toBe(kept);

    // Ben's insights: the deal is Anna's (she added it), so it counts in the team's figures, not his.
    const insights = ben.options.getByTestId('insights-section');
    const openDealsCounted = async () => {
      const counts = await insights
        .getByTestId('funnel-stage')
        .evaluateAll((stages) => stages.map((stage) => Number(stage.getAttribute('data-count'))));
      return counts.reduce((sum, count) => sum + count, 0);
    };
    await insights.getByTestId('insights-scope').getByRole('radio', { name: 'Team' }).check();
    await expect.poll(openDealsCounted, { timeout: 15_000 }).toBe(1);
    await insights.scrollIntoViewIfNeeded();
    await screenshot(ben.options, 'sync-insights-team');
    await insights.getByTestId('insights-scope').getByRole('radio', { name: 'Mine' }).check();
    await expect.poll(openDealsCounted, { timeout: 15_000 }).toBe(0);
  });

  it('loses and doubles nothing when the server stops in the middle of a sync', async () => {
    const burst = Array.from({ length: 60 }, (_, index) =>
      saveNote(anna, { id: `call-${index}`, body: `Call log ${index}`, baseRevision: null }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await couch.stop();
    await Promise.all(burst);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await couch.start();
    for (const rep of [anna, ben]) await sendFromPage(rep.options, 'syncNow');

    const onServer = async () => (await serverNotes()).filter((doc) => doc._id.startsWith('notes:call-'));
    await expect.poll(async () => (await onServer()).length, { timeout: 20_000 }).toBe(60);
    // Each written once: one revision per note on the server, one row per note in the other browser.
    expect((await onServer()).every((doc) => doc._rev?.startsWith('1-'))).toBe(true);
    const benNotes = async () => {
      const { markdown } = await sendFromPage<{ markdown: string }>(ben.options, 'accountNotesMarkdown', {
        accountKey: ACCOUNT,
        locale: 'en',
      });
      return markdown.match(/Call log \d+/g)?.length ?? 0;
    };
    await expect.poll(benNotes, { timeout: 20_000 }).toBe(60);
  });

  it('keeps a private note off the server', async () => {
    const { panel } = await openPanel(anna);
    await panel.getByTestId('notes-new').click();
    await panel.getByTestId('note-private').check();
    await panel.getByTestId('note-editor').fill('Jane hinted the budget is 40k');
    await expect.poll(() => panel.getByTestId('note-private-badge').count()).toBe(1);
    // A shared note written after it reaches the server: the private one was not merely late.
    await saveNote(anna, {
      id: 'after-the-private-one',
      body: 'Sent Jane the pilot plan',
      baseRevision: null,
    });
    await sendFromPage(anna.options, 'syncNow');
    await expect
      .poll(async () => (await serverNotes()).map((doc) => doc._id), { timeout: 15_000 })
      .toContain('notes:after-the-private-one');
    expect(JSON.stringify(await couch.allDocs(DATABASE))).not.toContain('40k');
  });

  it('talked to the configured server only, and only with the rep’s own credentials', () => {
    for (const rep of [anna, ben]) {
      expect(rep.browser.externalRequestsFromExtension).toEqual([]);
      expect(rep.browser.allowedRequestsFromExtension.length).toBeGreaterThan(0);
      expect(
        rep.browser.allowedRequestsFromExtension.every((request) => request.includes(`${couch.url}/`)),
      ).toBe(true);
    }
  });
});
