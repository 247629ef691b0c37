/**
 * The browser's host permissions and registered content scripts, as far as custom CRM sites use them.
 * WXT's fake browser leaves both unimplemented; this keeps their state so tests can check what the
 * background granted, registered and gave back.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

interface Script {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: string;
  persistAcrossSessions?: boolean;
}

export interface FakeHostAccess {
  granted: Set<string>;
  scripts: Map<string, Script>;
  /** What `permissions.request` answers (the rep's click in the browser's prompt). */
  answer: boolean;
}

const noEvent = {
  addListener() {},
  removeListener() {},
  hasListener: () => false,
  hasListeners: () => false,
};

export function installFakeHostAccess(): FakeHostAccess {
  const state: FakeHostAccess = { granted: new Set(), scripts: new Map(), answer: true };
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins = [] }: { origins?: string[] }) =>
      origins.every((origin) => state.granted.has(origin)),
    request: async ({ origins = [] }: { origins?: string[] }) => {
      if (state.answer) for (const origin of origins) state.granted.add(origin);
      return state.answer;
    },
    remove: async ({ origins = [] }: { origins?: string[] }) => {
      for (const origin of origins) state.granted.delete(origin);
      return true;
    },
    onAdded: noEvent,
    onRemoved: noEvent,
  });
  Object.assign(fakeBrowser.scripting, {
    registerContentScripts: async (scripts: Script[]) => {
      for (const script of scripts) {
        if (state.scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      }
      for (const script of scripts) state.scripts.set(script.id, script);
    },
    updateContentScripts: async (scripts: Script[]) => {
      for (const script of scripts)
        state.scripts.set(script.id, { ...state.scripts.get(script.id), ...script });
    },
    getRegisteredContentScripts: async (filter?: { ids?: string[] }) =>
      [...state.scripts.values()].filter((script) => !filter?.ids || filter.ids.includes(script.id)),
    unregisterContentScripts: async (filter?: { ids?: string[] }) => {
      for (const id of filter?.ids ?? [...state.scripts.keys()]) state.scripts.delete(id);
    },
  });
  return state;
}
