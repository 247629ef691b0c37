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
import { browser } from 'wxt/browser';
import * as z from 'zod/v4/core';

export type StorageAreaName = 'local' | 'session';

/** What the registry knows of every key: where it lives and whether only a migration still reads it. */
export interface StorageKey {
  readonly area: StorageAreaName;
  readonly key: string;
  /** True for what an older version kept: read once to move it elsewhere, then removed. */
  readonly legacy: boolean;
}

export interface StorageItem<T> extends StorageKey {
  readonly legacy: false;
  readonly defaultValue: T;
  /** The stored value, or the default when there is none or it is damaged. */
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  /**
   * Calls `onChange` with the new and the previous value (each as `get` would read it) whenever any
   * extension context changes the key. Returns the function that stops watching.
   */
  watch(onChange: (newValue: T, oldValue: T) => void): () => void;
}

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

/** `stored` checked against the schema: its output, or undefined when nothing is stored or it is damaged. */
function checked<S extends z.$ZodType>(
  area: StorageAreaName,
  key: string,
  schema: S,
  stored: unknown,
): { value: z.output<S> } | undefined {
  if (stored === undefined) return undefined;
  const parsed = z.safeParse(schema, stored);
  if (parsed.success) return { value: parsed.data };
  // Where the schema has no null, null means "nothing", as it did when these keys went through WXT's
  // storage (and as some change events report a removed key): the default, and nothing to log.
  if (stored === null) return undefined;
  console.warn(
    `[dealside] storage.${area} "${key}" is damaged and was ignored`,
    parsed.error.issues.slice(0, 3),
  );
  return undefined;
}

async function readStored(area: StorageAreaName, key: string): Promise<unknown> {
  const stored: Record<string, unknown> = await browser.storage[area].get(key);
  return stored[key];
}

export function defineStorageItem<S extends z.$ZodType>(
  area: StorageAreaName,
  key: string,
  schema: S,
  defaultValue: z.output<S>,
): StorageItem<z.output<S>> {
  type Value = z.output<S>;
  const read = (stored: unknown): Value => {
    const valid = checked(area, key, schema, stored);
    // A fresh copy of the default each time: a caller that changes what it read must not change it.
    return valid ? valid.value : structuredClone(defaultValue);
  };
  return {
    area,
    key,
    legacy: false,
    defaultValue,
    async get() {
      return read(await readStored(area, key));
    },
    async set(value: Value) {
      await browser.storage[area].set({ [key]: value });
    },
    async remove() {
      await browser.storage[area].remove(key);
    },
    watch(onChange) {
      const listener = (
        changes: Record<string, { newValue?: unknown; oldValue?: unknown }>,
        changedArea: string,
      ): void => {
        const change = changes[key];
        if (changedArea !== area || change === undefined) return;
        onChange(read(change.newValue), read(change.oldValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
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
      return checked(area, key, schema, stored) ? (stored as z.input<S>) : undefined;
    },
    async remove() {
      await browser.storage[area].remove(keys);
    },
  };
}
