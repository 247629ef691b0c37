/**
 * Schema version 3: a `privateItems` store for what a web page must not read or forge — the settings
 * (own addresses and domains, account aliases, custom hosts), the playbook and the contacts picked per
 * page. They lived in `storage.local` (those keys: lib/storage/legacy-items.ts), which Firefox gives every
 * content script; the background moves them over at its next start (lib/background/private-items-db.ts),
 * because the upgrade transaction cannot wait for the extension storage API.
 */
import type { Migration } from './types';

export const privateItemsStore: Migration = {
  version: 3,
  description: 'settings, playbook and contact picks move out of storage.local',
  apply(db) {
    // Out-of-line keys: one row per item name ('settings', 'playbook', 'contactPicks').
    db.createObjectStore('privateItems');
  },
};
