/**
 * The storage registry's mechanics without zod: an item read through any check of what is stored. Most
 * items are declared with a zod schema (./define.ts wraps it into such a check); the interface language is
 * declared with a plain check here, because the popup reads it before its first paint and must not load zod
 * for it (./ui-language.ts).
 */
import { browser } from 'wxt/browser';

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

/** A stored value checked: the value to use, or what is wrong with it (logged, a few at most). */
export type StoredCheck<T> = (
  stored: unknown,
) => { valid: true; value: T } | { valid: false; issues: readonly unknown[] };

/** `stored` checked: the value to use, or undefined when nothing is stored or it is damaged. */
export function checkedStored<T>(
  area: StorageAreaName,
  key: string,
  check: StoredCheck<T>,
  stored: unknown,
): { value: T } | undefined {
  if (stored === undefined) return undefined;
  const result = check(stored);
  if (result.valid) return { value: result.value };
  // Where the check has no null, null means "nothing", as it did when these keys went through WXT's
  // storage (and as some change events report a removed key): the default, and nothing to log.
  if (stored === null) return undefined;
  console.warn(`[dealside] storage.${area} "${key}" is damaged and was ignored`, result.issues.slice(0, 3));
  return undefined;
}

export async function readStored(area: StorageAreaName, key: string): Promise<unknown> {
  const stored: Record<string, unknown> = await browser.storage[area].get(key);
  return stored[key];
}

export async function removeStored(area: StorageAreaName, keys: string | string[]): Promise<void> {
  await browser.storage[area].remove(keys);
}

export function defineCheckedStorageItem<T>(
  area: StorageAreaName,
  key: string,
  check: StoredCheck<T>,
  defaultValue: T,
): StorageItem<T> {
  const read = (stored: unknown): T => {
    const valid = checkedStored(area, key, check, stored);
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
    async set(value: T) {
      await browser.storage[area].set({ [key]: value });
    },
    async remove() {
      await removeStored(area, key);
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
