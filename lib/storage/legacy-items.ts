/**
 * What older versions kept in `storage.local` and a migration still reads: before schema version 3 the
 * settings, the playbook and the contacts picked per page lived there, open to content scripts on
 * Firefox. The background moves them into its database at start-up (lib/background/private-items-db.ts) and
 * removes them here. Nothing writes these keys any more.
 *
 * Each is checked with the schema the database applies to the same item, so a damaged value is logged
 * and not carried over.
 */
import { contactPicksSchema } from '../db/private-items';
import { playbookSchema } from '../playbook/schema';
import { settingsSchema } from '../settings/schema';
import { defineLegacyStorageItem } from './define';

// Older versions stored these through WXT's storage with a version, which it kept under `<key>$`.
export const legacySettingsItem = defineLegacyStorageItem('local', 'settings', settingsSchema, {
  versionKeyBeside: true,
});
export const legacyPlaybookItem = defineLegacyStorageItem('local', 'playbook', playbookSchema, {
  versionKeyBeside: true,
});
export const legacyContactPicksItem = defineLegacyStorageItem(
  'local',
  'contactPicks',
  // Without the database's fallback to no picks, so damage is logged rather than read as "none".
  contactPicksSchema.unwrap(),
  { versionKeyBeside: true },
);

export const legacyStorageItems = [legacySettingsItem, legacyPlaybookItem, legacyContactPicksItem] as const;
