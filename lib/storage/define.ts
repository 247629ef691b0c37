/**
 * How a key of the extension's `storage.local` or `storage.session` is declared: its area, the zod schema
 * every read is checked against, and the value a missing or damaged one reads as. The declarations
 * themselves are in ./items.ts (what Dealside keeps now) and ./legacy-items.ts (what older versions kept
 * and a migration still reads); nothing else touches those areas.
 *
 * Reads are checked because what is stored is not necessarily ours: an older version wrote it, or, on
 * Firefox, a content script (which a page that took over its renderer can drive) may write
 * `storage.local`. A damaged value reads as the default and is logged, never thrown at the caller.
 */
import * as z from 'zod/v4/core';
import {
  checkedStored,
  defineCheckedStorageItem,
  readStored,
  removeStored,
  type StorageAreaName,
  type StorageItem,
  type StorageKey,
  type StoredCheck,
} from './checked-item';

export type { StorageAreaName, StorageItem, StorageKey };

export interface LegacyStorageItem<T> extends StorageKey {
  readonly legacy: true;
  /**
   * What the older version left, exactly as it was stored (the schema only checks it: what is moved is
   * copied as it was, and checked again wherever it is read next); undefined when nothing is there or it
   * is damaged.
   */
  get(): Promise<T | undefined>;
  /** Removes the key (and the bookkeeping kept beside it). */
  remove(): Promise<void>;
}

/** A zod schema as the registry's check: its output, or its issues. */
function schemaCheck<S extends z.$ZodType>(schema: S): StoredCheck<z.output<S>> {
  return (stored) => {
    const parsed = z.safeParse(schema, stored);
    return parsed.success
      ? { valid: true, value: parsed.data }
      : { valid: false, issues: parsed.error.issues };
  };
}

export function defineStorageItem<S extends z.$ZodType>(
  area: StorageAreaName,
  key: string,
  schema: S,
  defaultValue: z.output<S>,
): StorageItem<z.output<S>> {
  return defineCheckedStorageItem(area, key, schemaCheck(schema), defaultValue);
}

export interface LegacyStorageOptions {
  /**
   * WXT's storage kept a versioned item's version beside it under `<key>$`; it goes with the item.
   */
  versionKeyBeside?: boolean;
}

export function defineLegacyStorageItem<S extends z.$ZodType>(
  area: StorageAreaName,
  key: string,
  schema: S,
  options: LegacyStorageOptions = {},
): LegacyStorageItem<z.input<S>> {
  const keys = options.versionKeyBeside ? [key, `${key}$`] : [key];
  return {
    area,
    key,
    legacy: true,
    async get() {
      const stored = await readStored(area, key);
      return checkedStored(area, key, schemaCheck(schema), stored) ? (stored as z.input<S>) : undefined;
    },
    async remove() {
      await removeStored(area, keys);
    },
  };
}
