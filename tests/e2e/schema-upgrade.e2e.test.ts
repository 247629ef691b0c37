/**
 * A user of the previous version updates the extension: the committed snapshot
 * (tests/fixtures/db/v1-realistic.json: rows as schema versions 1 to 3 store them, which 002 and 003 did
 * not change) is written into a browser profile by the previous version's own migrations (001–003), the
 * browser is closed, and the current build starts on that profile. The background upgrades the
 * database in real Chromium; every record must come through (each staged account's stage, checklist and
 * history as one open deal), and the panel and the insights must read it.
 *
 * The old database is built in an extension page (the extension's own IndexedDB) from lib/db/open.ts and
 * the migrations bundled with esbuild, after the service worker is stopped so no connection of the
 * current build holds the database while it is replaced.
 */
import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import snapshot from '../fixtures/db/v1-realistic.json';
import { DB_VERSION } from '../../lib/db/migrations';
import {
  launchWithExtension,
  panelFrame,
  serveFixture,
  stopServiceWorker,
  type ExtensionBrowser,
} from './support/browser';
import { bundleForPage } from './support/page-bundle';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
const JANE = 'jane.cooper@northwind-trading.com';
const NORTHWIND = 'northwind-trading.com';
const STORES = ['accounts', 'contacts', 'notes', 'followUps', 'stageEvents', 'questionLog'] as const;
const KEY_PATH: Record<(typeof STORES)[number] | 'deals', string> = {
  accounts: 'key',
  deals: 'id',
  contacts: 'email',
  notes: 'id',
  followUps: 'id',
  stageEvents: 'id',
  questionLog: 'id',
};
type Row = Record<string, unknown>;
const v1 = snapshot.stores as unknown as Record<(typeof STORES)[number], Row[]>;
const OLD_GLOBAL = '__dealsidePreviousVersion';
/** The schema version of the release before deals. */
const PREVIOUS_VERSION = 3;

/** lib/db/open.ts with every migration, as a script that sets `globalThis.__dealsidePreviousVersion`. */
function previousVersionOpener(): Promise<string> {
  return bundleForPage(
    {
      source:
        "export { openDealsideDb } from './lib/db/open';\n" +
        "export { migrations } from './lib/db/migrations';\n",
      resolveDir: process.cwd(),
    },
    OLD_GLOBAL,
  );
}

/** Replaces the extension's database with a previous-version one holding the snapshot's rows, written raw. */
async function writePreviousVersionDatabase(page: Page): Promise<void> {
  await page.evaluate(await previousVersionOpener());
  await page.evaluate(
    async ({ global, stores, version }) => {
      const { openDealsideDb, migrations } = (globalThis as Record<string, unknown>)[global] as {
        openDealsideDb: (options: object) => Promise<IDBDatabase & { version: number }>;
        migrations: { version: number }[];
      };
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('dealside');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('the database is still open elsewhere'));
      });
      const db = await openDealsideDb({
        targetVersion: version,
        migrations: migrations.filter((step) => step.version <= version),
      });
      const tx = db.transaction(Object.keys(stores), 'readwrite');
      for (const [store, rows] of Object.entries(stores))
        for (const row of rows) tx.objectStore(store).put(row);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { global: OLD_GLOBAL, stores: v1, version: PREVIOUS_VERSION },
  );
}

/** What migration 004 makes of a snapshot row (the unit test upgrade-from-v1 states the same). */
function expectedAfterUpgrade(store: (typeof STORES)[number], row: Row): Row {
  if (store === 'accounts') {
    const { stageId: _stageId, checklist: _checklist, ...rest } = row;
    void _stageId;
    void _checklist;
    return rest;
  }
  if (store === 'stageEvents') return { ...row, dealId: `deal:${String(row.accountKey)}` };
  const staged = v1.accounts.some(
    (account) => account.key === row.accountKey && account.stageId !== undefined,
  );
  if (store === 'followUps' && staged) return { ...row, dealId: `deal:${String(row.accountKey)}` };
  return row;
}

interface StoredDatabase {
  version: number;
  indexes: Record<string, string[]>;
  rows: Record<string, Row[]>;
}

/** The extension's database as stored: version, index names and every row of the stores named. */
function readDatabase(page: Page, storeNames: readonly string[]): Promise<StoredDatabase> {
  return page.evaluate(async (stores) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dealside');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const tx = db.transaction([...stores], 'readonly');
      const indexes: Record<string, string[]> = {};
      const rows: Record<string, Row[]> = {};
      for (const store of stores) {
        const objectStore = tx.objectStore(store);
        indexes[store] = [...objectStore.indexNames].sort();
        rows[store] = await new Promise<Row[]>((resolve, reject) => {
          const request = objectStore.getAll();
          request.onsuccess = () => resolve(request.result as Row[]);
          request.onerror = () => reject(request.error);
        });
      }
      return { version: db.version, indexes, rows };
    } finally {
      db.close();
    }
  }, storeNames);
}

const sortedBy = (key: string) => (rows: Row[]) =>
  [...rows].sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0));

describe('a previous-version database on disk, opened by the current build', () => {
  it('is upgraded in place with every record as stored, and the panel and the insights read it', async () => {
    const first = await launchWithExtension({ keepProfile: true });
    let second: ExtensionBrowser | undefined;
    try {
      await stopServiceWorker(first);
      const setup = await first.context.newPage();
      await setup.goto(`chrome-extension://${first.extensionId}/manifest.json`);
      await writePreviousVersionDatabase(setup);
      const before = await readDatabase(setup, STORES);
      expect(before.version).toBe(PREVIOUS_VERSION);
      expect(before.indexes.accounts).toEqual(['by-stage', 'by-updated']);
      await first.close();

      second = await launchWithExtension({ profileDir: first.profileDir });
      await serveFixture(second.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
      const page = await second.context.newPage();
      await page.goto(THREAD_URL);
      const panel = await panelFrame(page);
      await expect.poll(() => panel.getByTestId('contact-email').textContent()).toBe(JANE);

      // The panel reads the upgraded database: Northwind's deal in its stage, notes and open follow-ups.
      await expect.poll(() => panel.getByTestId('deal-item').count()).toBe(1);
      expect(await panel.getByTestId('deal-item').getAttribute('aria-current')).toBe('true');
      await expect
        .poll(() => panel.getByTestId('stage-select').inputValue())
        .toBe(v1.accounts.find((row) => row.key === NORTHWIND)!.stageId);
      expect(await panel.getByTestId('deal-outcome').getAttribute('data-outcome')).toBe('open');
      const northwindNotes = v1.notes.filter((row) => row.accountKey === NORTHWIND);
      await expect.poll(() => panel.getByTestId('note-item').count()).toBe(northwindNotes.length);
      const openTitles = v1.followUps
        .filter((row) => row.accountKey === NORTHWIND && row.status === 'open')
        .map((row) => String(row.title));
      const shownFollowUps = await panel.getByTestId('followup-item').allTextContents();
      for (const title of openTitles) expect(shownFollowUps).toContainEqual(expect.stringContaining(title));

      // Every record as stored, now at the current version with the current indexes.
      const probe = await second.context.newPage();
      await probe.goto(`chrome-extension://${second.extensionId}/manifest.json`);
      const after = await readDatabase(probe, [...STORES, 'deals']);
      expect(after.version).toBe(DB_VERSION);
      expect(after.indexes.questionLog).toEqual(['by-account', 'by-asked']);
      expect(after.indexes.accounts).toEqual(['by-updated']);
      for (const store of STORES) {
        const byKey = sortedBy(KEY_PATH[store]);
        expect(byKey(after.rows[store]!), store).toEqual(
          byKey(v1[store].map((row) => expectedAfterUpgrade(store, row))),
        );
      }
      // One open deal per staged account, holding its stage and every ticked item.
      const staged = v1.accounts.filter((row) => row.stageId !== undefined);
      const dealOf = (account: Row) => `deal:${String(account.key)}`;
      expect(sortedBy(KEY_PATH.deals)(after.rows.deals!)).toEqual(
        [...staged]
          .sort((a, b) => (dealOf(a) < dealOf(b) ? -1 : 1))
          .map((account) =>
            expect.objectContaining({
              id: dealOf(account),
              accountKey: account.key,
              stageId: account.stageId,
              checklist: account.checklist,
              outcome: 'open',
            }),
          ),
      );

      // The insights read the SPIN log through the new index: every question asked, by type.
      // Sent the way the extension's pages send (@webext-core/messaging's envelope), from an extension page.
      const report = (await probe.evaluate(
        `chrome.runtime.sendMessage(${JSON.stringify({ id: 1, type: 'getInsights', data: { period: 'all' }, timestamp: Date.now() })})`,
      )) as { res?: { spin: Record<string, number> }; err?: unknown };
      const expectedSpin = { S: 0, P: 0, I: 0, N: 0 } as Record<string, number>;
      for (const row of v1.questionLog) expectedSpin[String(row.spinType)]! += 1;
      expect(report.err).toBeUndefined();
      expect(report.res?.spin).toEqual(expectedSpin);
    } finally {
      await second?.close();
      await rm(first.profileDir, { recursive: true, force: true });
    }
  });
});
