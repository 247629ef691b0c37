/**
 * One browser with the built extension and one large database, shared by the data benchmarks
 * (panel-data, popup-data, insights-search): seeding is the slow part, so it is done once, in steps, as
 * the groups need it.
 *
 * The rows (./in-page/scale-rows.ts) are written straight into the extension's IndexedDB from an
 * extension page, in batched transactions, after the background has created the database. The page used
 * for seeding, for the baselines and for sending messages is the extension's own built `manifest.json`
 * opened in a tab: an extension-origin document, so IndexedDB and runtime messaging are the extension's,
 * with none of the app's scripts running beside the measurement (the options page and the popup refresh
 * themselves on every change event).
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../../tests/e2e/support/browser';
import { bundleForPage } from '../../tests/e2e/support/page-bundle';
import type { MessageType, ProtocolMap } from '../../lib/messaging/protocol';
import type * as PageApi from './in-page/scale-page';
import { SCALE } from './in-page/scale-rows';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const GLOBAL_NAME = '__dealsideBenchScale';

type Api = typeof PageApi;
type Request<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
type Response<K extends MessageType> = ReturnType<ProtocolMap[K]>;

/** Progress lines for the console while a group runs. */
export type Progress = (line: string) => void;

export interface SeedStep {
  what: string;
  rows: Record<string, number>;
  seconds: number;
}

let bundled: Promise<string> | undefined;

/** ./in-page/scale-page.ts and what it imports, as one script that sets `window.__dealsideBenchScale`. */
function pageBundle(): Promise<string> {
  bundled ??= bundleForPage({ file: path.join(HERE, 'in-page/scale-page.ts') }, GLOBAL_NAME);
  return bundled;
}

/** Adds the in-page code to an extension page or frame (once per document). */
export async function injectPageCode(target: Page | Frame): Promise<void> {
  if (await target.evaluate(`typeof ${GLOBAL_NAME} !== 'undefined'`)) return;
  await target.evaluate(await pageBundle());
}

/** Calls one function of ./in-page/scale-page.ts in `target` (arguments and result as JSON). */
export async function callInPage<K extends Exclude<keyof Api, 'send'>>(
  target: Page | Frame,
  fn: K,
  ...args: Parameters<Api[K]>
): Promise<Awaited<ReturnType<Api[K]>>> {
  return (await target.evaluate(`${GLOBAL_NAME}.${fn}(...${JSON.stringify(args)})`)) as Awaited<
    ReturnType<Api[K]>
  >;
}

/** Sends one protocol message from `target` and times its round trip there. */
export async function sendFrom<K extends MessageType>(
  target: Page | Frame,
  type: K,
  data: Request<K>,
): Promise<{ ms: number; result: Response<K> }> {
  return (await target.evaluate(`${GLOBAL_NAME}.send(${JSON.stringify(type)}, ${JSON.stringify(data)})`)) as {
    ms: number;
    result: Response<K>;
  };
}

/**
 * A page of the extension's origin that shows one word and runs one line (a performance mark), added to
 * the benchmark's copy of the build: opened like the popup, it is the floor any page of the extension
 * stands on — the browser's own time to open a window on the extension, load a document and paint it.
 */
export const BLANK_PAGE = 'bench-blank.html';

/** The built extension copied with BLANK_PAGE added; the build itself stays as it was built. */
async function extensionCopyWithBlankPage(): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'dealside-scale-extension-'));
  await cp(EXTENSION_DIR, copy, { recursive: true });
  await writeFile(
    path.join(copy, BLANK_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head>' +
      '<body><p>Blank</p><script type="module" src="/bench-blank.js"></script></body></html>\n',
  );
  await writeFile(path.join(copy, 'bench-blank.js'), "performance.mark('bench:blank-ready');\n");
  return copy;
}

/** The quiet extension page the data benchmarks work from, ready to send messages. */
async function openQuietPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
  await injectPageCode(page);
  return page;
}

export class ScaleBrowser {
  readonly seeding: SeedStep[] = [];
  private baseSeeded = false;
  private followUpsSeeded = 0;

  private constructor(
    private current: ExtensionBrowser,
    private currentPage: Page,
    /** Kept across `restart()`, removed by `close()`. */
    private readonly profileDir: string,
    /** The extension's copy this browser loads (with BLANK_PAGE), removed by `close()`. */
    private readonly extensionDir: string,
  ) {}

  get browser(): ExtensionBrowser {
    return this.current;
  }

  /** The quiet extension page the data benchmarks work from (a new one after `restart()`). */
  get page(): Page {
    return this.currentPage;
  }

  static async launch(): Promise<ScaleBrowser> {
    const profileDir = await mkdtemp(path.join(tmpdir(), 'dealside-scale-'));
    const extensionDir = await extensionCopyWithBlankPage();
    const removeBoth = () =>
      Promise.all([profileDir, extensionDir].map((dir) => rm(dir, { recursive: true, force: true })));
    const browser = await launchWithExtension({ profileDir, extensionDir }).catch(async (error: unknown) => {
      await removeBoth();
      throw error;
    });
    try {
      const page = await openQuietPage(browser);
      // Any read makes the background open the database, which creates it with every migration.
      await sendFrom(page, 'getPopupFollowUps', {});
      return new ScaleBrowser(browser, page, profileDir, extensionDir);
    } catch (error) {
      await browser.close();
      await removeBoth();
      throw error;
    }
  }

  /**
   * Quits the browser and starts it again on the same profile, as a rep's browser after a restart: the
   * database is kept; the service worker, its memory and the pages are new.
   */
  async restart(): Promise<void> {
    await this.current.close();
    this.current = await launchWithExtension({
      profileDir: this.profileDir,
      extensionDir: this.extensionDir,
    });
    this.currentPage = await openQuietPage(this.current);
  }

  /**
   * Makes sure the database holds the accounts, people, notes, stage events and SPIN log, and at least
   * `followUps` follow-ups (seeded in index order, so 50,000 now and 50,000 later give the same rows as
   * 100,000 at once).
   */
  async ensure(followUps: number, progress: Progress): Promise<void> {
    const now = Date.now();
    if (!this.baseSeeded) {
      progress(
        `seeding ${SCALE.accounts.toLocaleString('en-US')} accounts with their people, ` +
          `${SCALE.notes.toLocaleString('en-US')} notes, ${SCALE.stageEvents.toLocaleString('en-US')} stage events ` +
          `and ${SCALE.questionLog.toLocaleString('en-US')} SPIN log rows…`,
      );
      const report = await callInPage(this.page, 'seedBase', now);
      this.seeding.push({
        what: 'accounts, deals, people, notes, stage events, SPIN log, touches',
        rows: report.rows,
        seconds: report.ms / 1000,
      });
      progress(`  seeded in ${(report.ms / 1000).toFixed(1)} s`);
      this.baseSeeded = true;
    }
    if (this.followUpsSeeded < followUps) {
      const from = this.followUpsSeeded;
      progress(`seeding follow-ups ${from.toLocaleString('en-US')}–${followUps.toLocaleString('en-US')}…`);
      const report = await callInPage(this.page, 'seedFollowUps', from, followUps, now);
      this.seeding.push({
        what: `follow-ups ${from}–${followUps}`,
        rows: report.rows,
        seconds: report.ms / 1000,
      });
      progress(`  seeded in ${(report.ms / 1000).toFixed(1)} s`);
      this.followUpsSeeded = followUps;
    }
  }

  /** Rows per store as the database has them now. */
  counts(): Promise<Record<string, number>> {
    return callInPage(this.page, 'countRows');
  }

  async close(): Promise<void> {
    try {
      await this.current.close();
    } finally {
      await rm(this.profileDir, { recursive: true, force: true });
      await rm(this.extensionDir, { recursive: true, force: true });
    }
  }
}
