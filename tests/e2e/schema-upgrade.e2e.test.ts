/**
 * A version-1 user updates the extension: the committed version-1 snapshot
 * (tests/fixtures/db/v1-realistic.json) is written into a browser profile by the version-1 migration
 * itself, the browser is closed, and the current build starts on that profile. The background upgrades
 * the database in real Chromium; every record must come through as stored, and the panel and the
 * insights must read it.
 *
 * The version-1 database is built in an extension page (the extension's own IndexedDB) from
 * lib/db/open.ts and migration 001 bundled with esbuild, after the service worker is stopped so no
 * connection of the current build holds the database while it is replaced.
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
const KEY_PATH: Record<(typeof STORES)[number], string> = {
  accounts: 'key',
  contacts: 'email',
  notes: 'id',
  followUps: 'id',
  stageEvents: 'id',
  questionLog: 'id',
};
type Row = Record<string, unknown>;
const v1 = snapshot.stores as unknown as Record<(typeof STORES)[number], Row[]>;
const V1_GLOBAL = '__dealsideVersion1';

/** lib/db/open.ts with migration 001 only, as a script that sets `globalThis.__dealsideVersion1`. */
function version1Opener(): Promise<string> {
  return bundleForPage(
    {
      source:
        "export { openDealsideDb } from './lib/db/open';\n" +
        "export { initialStores } from './lib/db/migrations/001-initial-stores';\n",
      resolveDir: process.cwd(),
    },
    V1_GLOBAL,
  );
}

/** Replaces the extension's database with a version-1 one holding the snapshot's rows, written raw. */
async function writeVersion1Database(page: Page): Promise<void> {
  await page.evaluate(await version1Opener());
  await page.evaluate(
    async ({ global, stores }) => {
      const { openDealsideDb, initialStores } = (globalThis as Record<string, unknown>)[global] as {
        openDealsideDb: (options: object) => Promise<IDBDatabase & { version: number }>;
        initialStores: unknown;
      };
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('dealside');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('the database is still open elsewhere'));
      });
      const db = await openDealsideDb({ targetVersion: 1, migrations: [initialStores] });
      const tx = db.transaction(Object.keys(stores), 'readwrite');
      for (const [store, rows] of Object.entries(stores))
        for (const row of rows) tx.objectStore(store).put(row);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { global: V1_GLOBAL, stores: v1 },
  );
}

interface StoredDatabase {
  version: number;
  indexes: Record<string, string[]>;
  rows: Record<string, Row[]>;
}

/** The extension's database as stored: version, index names and every row of every store. */
function readDatabase(page: Page): Promise<StoredDatabase> {
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
  }, STORES);
}

const sortedBy = (key: string) => (rows: Row[]) =>
  [...rows].sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0));

describe('a version-1 database on disk, opened by the current build', () => {
  it('is upgraded in place with every record as stored, and the panel and the insights read it', async () => {
    const first = await launchWithExtension({ keepProfile: true });
    let second: ExtensionBrowser | undefined;
    try {
      await stopServiceWorker(first);
      const setup = await first.context.newPage();
      await setup.goto(`chrome-extension://${first.extensionId}/manifest.json`);
      await writeVersion1Database(setup);
      const before = await readDatabase(setup);
      expect(before.version).toBe(1);
      expect(before.indexes.questionLog).toEqual(['by-account']);
      await first.close();

      second = await launchWithExtension({ profileDir: first.profileDir });
      await serveFixture(second.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
      const page = await second.context.newPage();
      await page.goto(THREAD_URL);
      const panel = await panelFrame(page);
      await expect.poll(() => panel.getByTestId('contact-email').textContent()).toBe(JANE);

      // The panel reads the upgraded database: Northwind's stage, notes and open follow-ups.
      await expect
        .poll(() => panel.getByTestId('stage-select').inputValue())
        .toBe(v1.accounts.find((row) => row.key === NORTHWIND)!.stageId);
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
      const after = await readDatabase(probe);
      expect(after.version).toBe(DB_VERSION);
      expect(after.indexes.questionLog).toEqual(['by-account', 'by-asked']);
      for (const store of STORES) {
        const byKey = sortedBy(KEY_PATH[store]);
        expect(byKey(after.rows[store]!), store).toEqual(byKey(v1[store]));
      }

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
