/** The background's sync engine, wired to the browser: the database, PouchDB, permissions, alarms. */
import { browser } from 'wxt/browser';
import { broadcastDataChanged } from '../broadcast';
import { sendMessage } from '../../messaging/messenger';
import { currentAuthor } from '../author';
import { database } from '../db-connection';
import { savePlaybook } from '../handlers/options-playbook';
import { mergeAccounts, saveSettings } from '../handlers/options-settings';
import { onSettingsChanged, readSettings } from '../settings-store';
import { readPlaybook } from '../playbook-store';
import { hostPermissionFor } from '../../sync/server-address';
import type { RecordDocBody } from '../../sync/documents';
import { SyncEngine } from './engine';
import { openMirror, SyncPouch } from './pouch';

export const SYNC_ALARM = 'dealside-sync';
/** Accounts named per change event (the event's schema allows 10,000). */
const ANNOUNCE_CHUNK = 5_000;

/** Requests to the server carry the rep's credentials only, never the browser's cookies. */
const withoutCookies: typeof fetch = (input, init) => fetch(input, { ...init, credentials: 'omit' });

export const syncEngine = new SyncEngine({
  database,
  openMirror,
  openRemote: (server, credentials) =>
    new SyncPouch<RecordDocBody>(server.databaseUrl, {
      adapter: 'http',
      skip_setup: true,
      auth: credentials.username ? credentials : undefined,
      fetch: (url, init) => withoutCookies(url, init),
    }),
  hasPermission: (server) => browser.permissions.contains({ origins: [hostPermissionFor(server)] }),
  fetch: withoutCookies,
  now: () => Date.now(),
  announce(accountKeys) {
    for (let start = 0; start < accountKeys.length; start += ANNOUNCE_CHUNK) {
      broadcastDataChanged({ accountKeys: accountKeys.slice(start, start + ANNOUNCE_CHUNK) });
    }
  },
  playbooks: {
    current: readPlaybook,
    adopt: async (playbook) => (await savePlaybook({ playbook, stageMoves: [] })).ok,
  },
  playbookChanged: () => void sendMessage('playbookChanged', {}).catch(() => undefined),
  teamPlaybookChanged: () => void sendMessage('teamPlaybookChanged', {}).catch(() => undefined),
  author: currentAuthor,
  aliases: {
    current: async () => (await readSettings()).accountAliases,
    merge: async (from, into) => (await mergeAccounts({ from, into })).ok,
    async remove(from, into) {
      const { accountAliases } = await readSettings();
      if (accountAliases[from] !== into) return;
      const { [from]: _removed, ...rest } = accountAliases;
      await saveSettings({ accountAliases: rest });
    },
  },
  async setAlarm(on) {
    if (!on) {
      await browser.alarms.clear(SYNC_ALARM);
      return;
    }
    if (!(await browser.alarms.get(SYNC_ALARM))) {
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1, delayInMinutes: 1 });
    }
  },
});

function logged(work: Promise<unknown>): void {
  work.catch((error: unknown) => console.warn('[dealside] sync:', error));
}

/** Registered once at the top of the background, so the alarm can wake it. */
export function registerSync(): void {
  syncEngine.register();
  onSettingsChanged(() => syncEngine.settingsChanged());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) logged(syncEngine.onAlarm());
  });
  // After a browser restart the alarm may be gone: set it again and catch up now.
  browser.runtime.onStartup.addListener(() => logged(syncEngine.resume()));
}
