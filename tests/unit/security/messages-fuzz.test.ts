/**
 * Boundary 4 of the design ("every message is validated where it is received"), fuzzed: whatever a sender
 * puts in a message, the background either admits a payload its schema accepts or refuses the message
 * with a `MessageRefused` that names it, and a refused message writes nothing.
 *
 * The background is started for real with a messenger that only records the listeners the router
 * registers, so the sender policy under test is the one main.ts wires up, not a copy of it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '../../../lib/background/db-connection';
import { startBackground } from '../../../lib/background/main';
import { tabPage } from '../../../lib/background/page-registry';
import { admitMessage } from '../../../lib/background/router';
import { DB_NAME } from '../../../lib/db/schema';
import { COMPOSE_TEXT_MAX_LENGTH, NOTE_MAX_LENGTH } from '../../../lib/limits';
import { TRANSFER_CHUNK_CHARS } from '../../../lib/data-transfer/limits';
import { messages, type MessageType, type SenderKind } from '../../../lib/messaging/messages';
import { installFakeHostAccess } from '../support/fake-host-access';

type Listener = (message: { data: unknown; sender: unknown }) => unknown;

const registered = vi.hoisted(() => new Map<string, Listener>());

// Broadcasts go nowhere; registrations are recorded so each message's real listener can be called.
vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: async () => undefined,
  onMessage: (type: string, listener: Listener) => {
    registered.set(type, listener);
    return () => registered.delete(type);
  },
}));

type Sender = Parameters<typeof admitMessage>[2];
type HandledMessageType = MessageType;
type CallerKind = SenderKind;

const TAB_ID = 7;
const TYPES = Object.keys(messages) as HandledMessageType[];
const STORES = ['accounts', 'contacts', 'deals', 'notes', 'followUps', 'stageEvents', 'questionLog'] as const;

const ownId = () => fakeBrowser.runtime.id;
const senders = {
  /** The options page (or popup, or side panel): our page, in no web page's tab. */
  extensionPage: (): Sender => ({ id: ownId(), url: `chrome-extension://${ownId()}/options.html` }),
  /** The in-page panel: our panel page in a sub-frame of a web page's tab. */
  panelFrame: (): Sender => ({
    id: ownId(),
    url: `chrome-extension://${ownId()}/panel.html`,
    tab: { id: TAB_ID } as never,
    frameId: 5,
  }),
  contentScript: (): Sender => ({
    id: ownId(),
    url: 'https://mail.google.com/mail/u/0/#inbox',
    tab: { id: TAB_ID } as never,
    frameId: 0,
  }),
  subFrameContentScript: (): Sender => ({
    id: ownId(),
    url: 'https://mail.google.com/mail/u/0/#inbox',
    tab: { id: TAB_ID } as never,
    frameId: 3,
  }),
  otherExtensionPage: (): Sender => ({
    id: 'abcdefghijklmnopabcdefghijklmnop',
    url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/panel.html',
    tab: { id: TAB_ID } as never,
    frameId: 0,
  }),
  otherExtensionContentScript: (): Sender => ({
    id: 'abcdefghijklmnopabcdefghijklmnop',
    url: 'https://mail.google.com/mail/u/0/#inbox',
    tab: { id: TAB_ID } as never,
    frameId: 0,
  }),
  noUrl: (): Sender => ({ id: ownId(), tab: { id: TAB_ID } as never, frameId: 0 }),
  noUrlNoTab: (): Sender => ({ id: ownId() }),
};

/** Well-formed payloads, so a refusal in the sender tests is about the sender, not the payload. */
const VALID: { [T in HandledMessageType]: unknown } = {
  reportPage: {
    url: 'https://mail.google.com/mail/u/0/#inbox/x',
    context: {
      site: 'gmail',
      kind: 'thread',
      participants: [{ email: 'jane.cooper@northwind-trading.com', role: 'from', order: 0 }],
    },
  },
  getPanelState: {},
  saveNote: { id: 'n1', accountKey: 'northwind-trading.com', kind: 'note', body: 'x', baseRevision: null },
  listOlderNotes: {
    accountKey: 'northwind-trading.com',
    before: { createdAt: 1_700_000_000_000, id: 'n1' },
    limit: 50,
  },
  setPanelCollapsed: { collapsed: true },
  getPlaybook: {},
  pickContact: { email: 'jane.cooper@northwind-trading.com' },
  attachAccount: { accountKey: 'northwind-trading.com' },
  addDeal: {
    accountKey: 'northwind-trading.com',
    contactEmail: 'jane.cooper@northwind-trading.com',
    title: 'Cold-chain pilot',
    value: 48_000,
    currency: 'EUR',
    closeDate: '2026-09-30',
    stageId: 'qualify',
    locale: 'en',
  },
  editDeal: {
    id: 'd1',
    title: 'Cold-chain pilot, 3 sites',
    value: null,
    currency: null,
    closeDate: '2026-10-30',
  },
  closeDeal: { id: 'd1', outcome: 'lost', lostReason: 'price' },
  insertIntoCompose: { text: 'Dear Jane,' },
  setStage: { accountKey: 'northwind-trading.com', dealId: 'd1', stageId: 'qualify', locale: 'en' },
  setIndustry: { accountKey: 'northwind-trading.com', industry: 'saas' },
  setChecklistItem: {
    accountKey: 'northwind-trading.com',
    dealId: 'd1',
    stageId: 'qualify',
    itemId: 'budget',
    done: true,
  },
  setContactRoles: {
    accountKey: 'northwind-trading.com',
    email: 'jane.cooper@northwind-trading.com',
    roles: ['decision-maker', 'champion'],
  },
  logQuestion: { accountKey: 'northwind-trading.com', questionId: 'q1', spinType: 'S', asked: true },
  addFollowUp: {
    accountKey: 'northwind-trading.com',
    dealId: 'd1',
    title: 'Call back',
    due: 1_700_000_000_000,
  },
  updateFollowUp: { id: 'f1', action: 'done' },
  editFollowUp: { id: 'f1', title: 'Call back', due: 1_700_000_000_000 },
  deleteFollowUp: { id: 'f1' },
  restoreFollowUp: {
    followUp: {
      id: 'f1',
      accountKey: 'northwind-trading.com',
      title: 'Call back',
      due: 1_700_000_000_000,
      status: 'open',
      source: 'manual',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
    },
  },
  getPopupFollowUps: {},
  openFollowUp: { id: 'f1' },
  getRemindersStatus: {},
  getInsights: { period: '30' },
  searchNotes: { query: 'pilot', offset: 0, limit: 10 },
  repairNotesSearch: {},
  savePlaybook: { playbook: {}, stageMoves: [] },
  countAccountsByIndustry: {},
  getSettings: {},
  saveSettings: { remindersEnabled: false },
  addCustomSite: { host: 'crm.example.com' },
  removeCustomSite: { host: 'crm.example.com' },
  mergeAccounts: { from: 'a.example', into: 'b.example' },
  prepareExport: { kind: 'json', locale: 'en' },
  readExportChunk: { exportId: 'e1', index: 0 },
  uploadImportChunk: { uploadId: 'u1', index: 0, count: 1, text: '{}' },
  previewImport: { uploadId: 'u1' },
  applyImport: { uploadId: 'u1', replacePlaybook: false, replaceSettings: false },
  listDataAccounts: { query: '' },
  accountNotesMarkdown: { accountKey: 'northwind-trading.com', locale: 'en' },
  deleteAccountData: { accountKey: 'northwind-trading.com' },
  deleteAllData: { confirmation: 'DELETE' },
  getBackupStatus: {},
  setBackupSchedule: { frequency: 'daily' },
  runBackupNow: {},
  listReadFailures: {},
  clearReadFailures: {},
  countTouches: {},
  deleteAllTouches: {},
  getSyncStatus: {},
  resolveNoteConflict: { noteId: 'n1', rev: '2-abc', action: 'keep' },
  testSyncConnection: { url: 'https://couch.example.com', database: 'team', username: 'rep', password: 'pw' },
  startSync: { url: 'https://couch.example.com', database: 'team', username: 'rep', password: 'pw' },
  stopSync: {},
  syncNow: {},
  publishPlaybook: {},
  getTeamPlaybook: {},
  settleTeamPlaybook: { publishedAt: 1, state: 'kept-own' },
  getPipeline: {},
  openAccountPage: { accountKey: 'northwind-trading.com' },
};

/**
 * The only messages a web page's content script may send (design, boundary 4): its page report and the
 * page-side handle that opens the collapsed panel. Every other message is privileged.
 */
const CONTENT_SCRIPT_MESSAGES: readonly HandledMessageType[] = ['reportPage', 'setPanelCollapsed'];

/**
 * What the panel docked in a web page may ask: its own page and account, and the account search of
 * "attach this page". Everything else (settings, the playbook, import, export, deletion, the popup's
 * lists) is for our pages outside web pages, so a page that took over its tab cannot drive the panel
 * frame into it.
 */
const PANEL_FRAME_MESSAGES: readonly HandledMessageType[] = [
  'setPanelCollapsed',
  'getPanelState',
  'getPlaybook',
  'pickContact',
  'attachAccount',
  'insertIntoCompose',
  'saveNote',
  'listOlderNotes',
  'addDeal',
  'editDeal',
  'closeDeal',
  'setStage',
  'setIndustry',
  'setChecklistItem',
  'setContactRoles',
  'logQuestion',
  'addFollowUp',
  'updateFollowUp',
  'editFollowUp',
  'deleteFollowUp',
  'restoreFollowUp',
  'listDataAccounts',
  'getSyncStatus',
  'resolveNoteConflict',
];

/** A sender of ours of a kind the message allows. */
function ownSenderFor(kinds: readonly CallerKind[]): Sender {
  if (kinds.includes('extension-page')) return senders.extensionPage();
  return kinds.includes('panel-frame') ? senders.panelFrame() : senders.contentScript();
}

/**
 * The longest string each message may carry anywhere in its payload; every other message carries none
 * longer than `DEFAULT_STRING_BOUND`. Written out here, not read from the schemas: a schema that forgets
 * a bound makes the fuzz below fail.
 */
const DEFAULT_STRING_BOUND = 500;
const STRING_BOUNDS: Partial<Record<HandledMessageType, number>> = {
  saveNote: NOTE_MAX_LENGTH,
  insertIntoCompose: COMPOSE_TEXT_MAX_LENGTH,
  uploadImportChunk: TRANSFER_CHUNK_CHARS,
  addFollowUp: 10_000,
  editFollowUp: 10_000,
  restoreFollowUp: 10_000,
  addCustomSite: 2_048,
  // The sync server's address as typed (a CouchDB behind a proxy may sit under a long path).
  testSyncConnection: 2_000,
  startSync: 2_000,
};
/** The longest list any payload may hold (a page's participants; settings lists are shorter). */
const ARRAY_BOUND = 500;

/** Why an admitted payload is not bounded and plain, or undefined when it is. */
function unboundedPart(type: HandledMessageType, value: unknown, path = '', depth = 0): string | undefined {
  if (depth > 6) return `${path}: nested deeper than any message`;
  if (typeof value === 'string') {
    const bound = STRING_BOUNDS[type] ?? DEFAULT_STRING_BOUND;
    return value.length > bound ? `${path}: ${value.length} characters` : undefined;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path}: ${value}`;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value) && value.length > ARRAY_BOUND) return `${path}: ${value.length} items`;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== Array.prototype) return `${path}: not a plain object`;
  for (const key of Object.keys(value)) {
    if (['__proto__', 'constructor', 'prototype'].includes(key)) return `${path}.${key}: a prototype key`;
    const inner = unboundedPart(type, (value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

/** The messages that change stored data (the database, settings or the playbook). */
const WRITE_MESSAGES: readonly HandledMessageType[] = [
  'reportPage',
  'saveNote',
  'setPanelCollapsed',
  'pickContact',
  'attachAccount',
  'addDeal',
  'editDeal',
  'closeDeal',
  'setStage',
  'setIndustry',
  'setChecklistItem',
  'setContactRoles',
  'logQuestion',
  'addFollowUp',
  'updateFollowUp',
  'editFollowUp',
  'deleteFollowUp',
  'restoreFollowUp',
  'savePlaybook',
  'saveSettings',
  'addCustomSite',
  'removeCustomSite',
  'mergeAccounts',
  'uploadImportChunk',
  'applyImport',
  'deleteAccountData',
  'deleteAllData',
  'setBackupSchedule',
  'runBackupNow',
  'clearReadFailures',
  'startSync',
  'stopSync',
  'syncNow',
  'resolveNoteConflict',
  'publishPlaybook',
  'settleTeamPlaybook',
];

function listenerFor(type: HandledMessageType): Listener {
  const listener = registered.get(type);
  if (!listener) throw new Error(`no listener registered for ${type}`);
  return listener;
}

/** Calls the registered listener as the messenger would; answers with the refusal, if any. */
async function send(type: HandledMessageType, data: unknown, sender: Sender): Promise<Error | undefined> {
  try {
    await listenerFor(type)({ data, sender });
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

/**
 * The sender kinds each registered listener accepts, read from the refusal the router gives a sender
 * that is no kind at all ("… (extension-page or content-script only)").
 */
async function allowedKindsOf(type: HandledMessageType): Promise<CallerKind[]> {
  const refusal = await send(type, VALID[type], senders.noUrlNoTab());
  const kinds = /\(([a-z -]+) only\)/.exec(refusal?.message ?? '')?.[1];
  if (!kinds) throw new Error(`could not read the sender kinds of ${type}: ${refusal?.message}`);
  return kinds.split(' or ') as CallerKind[];
}

function expectRefusal(error: unknown, type: string): void {
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe('MessageRefused');
  expect((error as Error).message).toContain(`"${type}"`);
}

// ---- Payload generators ----

const oversize = [61, 101, 261, 321, 401, 501, 2_049, 4_097, 10_001, 100_001].map((length) =>
  'x'.repeat(length),
);

function deeplyNested(depth: number, leaf: unknown = 'x'): unknown {
  let value: unknown = leaf;
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
}

const hostileObjects = [
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
  Object.create(null) as unknown,
  deeplyNested(200),
  deeplyNested(2_000),
];

/** A value of (most likely) the wrong type or size for any field. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    false,
    0,
    -1,
    1.5,
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 2,
    8.64e15 + 1,
    '',
    ' ',
    '__proto__',
    'constructor',
    [],
    {},
    ...hostileObjects,
  ),
  fc.constantFrom(...oversize),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 4 }),
  fc.anything({ maxDepth: 2 }),
);

/** The keys a message's schema knows; for a union of objects (closeDeal), the keys of every option. */
function schemaKeys(type: HandledMessageType): string[] {
  const schema = messages[type].request as unknown as {
    shape?: Record<string, unknown>;
    options?: { shape: Record<string, unknown> }[];
  };
  const shapes = schema.shape ? [schema.shape] : (schema.options ?? []).map((option) => option.shape);
  return [...new Set(shapes.flatMap((shape) => Object.keys(shape)))];
}

/** Objects with the schema's own keys (some left out), each holding a wrong or hostile value. */
function nearMiss(type: HandledMessageType): fc.Arbitrary<unknown> {
  const keys = [...schemaKeys(type), '__proto__', 'constructor', 'prototype', 'tabId'];
  const valid = VALID[type] as Record<string, unknown>;
  return fc
    .tuple(
      fc.dictionary(fc.constantFrom(...keys), wrongValue, { maxKeys: keys.length }),
      fc.boolean(),
      fc.constantFrom<unknown>(...hostileObjects),
    )
    .map(([fields, startValid, hostile]) => {
      // Half start from a valid payload so one wrong field is what decides; JSON.parse makes
      // `__proto__` an own key, as it is when a message arrives.
      const base = startValid ? { ...valid } : {};
      const payload = JSON.parse('{}') as Record<string, unknown>;
      for (const [key, value] of Object.entries(base)) payload[key] = value;
      for (const [key, value] of Object.entries(fields))
        Object.defineProperty(payload, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return startValid && Object.keys(fields).length === 0 ? hostile : payload;
    });
}

const anyPayload = (type: HandledMessageType) =>
  fc.oneof(fc.anything({ withNullPrototype: true, withObjectString: true }), nearMiss(type));

// ---- Tests ----

const allowed = new Map<HandledMessageType, CallerKind[]>();

beforeAll(async () => {
  // The fake browser has no permissions events; custom-site sync listens to them.
  installFakeHostAccess();
  const noEvent = { addListener() {}, removeListener() {}, hasListener: () => false };
  Object.assign(fakeBrowser, { commands: { onCommand: noEvent } });
  startBackground();
  const quiet = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  for (const type of TYPES) allowed.set(type, await allowedKindsOf(type));
  quiet.mockRestore();
});

beforeEach(() => {
  installFakeHostAccess();
  // The router logs each refusal; thousands of them are noise here.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterAll(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('the background’s message handlers', () => {
  it('are registered for exactly the messages that have a schema', () => {
    expect([...registered.keys()].filter((type) => type in messages).sort()).toEqual([...TYPES].sort());
  });

  it('accept content scripts only for the page report and the panel handle', () => {
    const contentScriptTypes = TYPES.filter((type) => allowed.get(type)?.includes('content-script'));
    expect(contentScriptTypes.sort()).toEqual([...CONTENT_SCRIPT_MESSAGES].sort());
    // And the page report is for content scripts alone: no extension page describes a tab's page.
    expect(allowed.get('reportPage')).toEqual(['content-script']);
  });

  it('accept the in-page panel frame only for its page, its account, the account search and the sync status', () => {
    const panelFrameTypes = TYPES.filter((type) => allowed.get(type)?.includes('panel-frame'));
    expect(panelFrameTypes.sort()).toEqual([...PANEL_FRAME_MESSAGES].sort());
    // The side panel asks what the in-page frame asks, about the tab it follows.
    for (const type of PANEL_FRAME_MESSAGES.filter((candidate) => candidate !== 'setPanelCollapsed')) {
      expect(allowed.get(type), type).toContain('extension-page');
    }
  });
});

describe('admitMessage with arbitrary payloads', () => {
  it.each(TYPES)('%s: admits only bounded plain data, refuses everything else by name', (type) => {
    const kinds = allowed.get(type) ?? [];
    const sender = ownSenderFor(kinds);
    fc.assert(
      fc.property(anyPayload(type), (payload) => {
        let admitted: { payload: unknown } | undefined;
        try {
          admitted = admitMessage(type, payload, sender);
        } catch (error) {
          expectRefusal(error, type);
          return;
        }
        // The playbook is checked by parsePlaybook after admission, with its own bounds.
        const checked =
          type === 'savePlaybook' ? { ...(admitted.payload as object), playbook: null } : admitted.payload;
        expect(unboundedPart(type, checked), JSON.stringify(checked)?.slice(0, 200)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the well-formed samples admissible (the fuzz above is not refusing everything)', () => {
    for (const type of TYPES) {
      const kinds = allowed.get(type) ?? [];
      const sender = ownSenderFor(kinds);
      expect(() => admitMessage(type, VALID[type], sender), type).not.toThrow();
    }
  });
});

describe('deal messages', () => {
  const panel = () => senders.panelFrame();

  it('admit a lost deal only with its reason, and no outcome but won, lost or open', () => {
    expect(() => admitMessage('closeDeal', { id: 'd1', outcome: 'lost' }, panel())).toThrow(/malformed/);
    expect(() => admitMessage('closeDeal', { id: 'd1', outcome: 'abandoned' }, panel())).toThrow(/malformed/);
    expect(admitMessage('closeDeal', { id: 'd1', outcome: 'won' }, panel()).payload).toEqual({
      id: 'd1',
      outcome: 'won',
    });
    // A reason sent with another outcome is not kept.
    expect(
      admitMessage('closeDeal', { id: 'd1', outcome: 'open', lostReason: 'price' }, panel()).payload,
    ).toEqual({ id: 'd1', outcome: 'open' });
  });

  it('admit only real calendar days, ISO currency codes and values a deal can have', () => {
    const deal = VALID.addDeal as Record<string, unknown>;
    for (const change of [
      { closeDate: '2026-02-30' },
      { closeDate: '30/09/2026' },
      { currency: 'eur' },
      { currency: '€' },
      { value: -1 },
      { value: Number.POSITIVE_INFINITY },
      { title: '   ' },
      { title: 'x'.repeat(201) },
    ]) {
      expect(() => admitMessage('addDeal', { ...deal, ...change }, panel()), JSON.stringify(change)).toThrow(
        /malformed/,
      );
    }
    // An edit may clear the value, currency and close day, but not the title.
    expect(() =>
      admitMessage('editDeal', { id: 'd1', value: null, currency: null, closeDate: null }, panel()),
    ).not.toThrow();
    expect(() => admitMessage('editDeal', { id: 'd1', title: null }, panel())).toThrow(/malformed/);
  });
});

describe('payloads the schemas cannot read', () => {
  // Structured clone (Firefox's runtime messages) carries cycles and BigInts, and a schema check that
  // serialises the value cannot read them: they must still be refused by name, with nothing written.
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  let deep: Record<string, unknown> = {};
  for (let depth = 0; depth < 100_000; depth++) deep = { next: deep };
  it.each([
    ['cyclic', cyclic],
    ['BigInt-holding', { n: 1n }],
    ['100,000 levels deep', deep],
  ])('savePlaybook: a %s playbook is refused with MessageRefused', (_, playbook) => {
    let refusal: unknown;
    try {
      admitMessage('savePlaybook', { playbook, stageMoves: [] }, senders.extensionPage());
    } catch (error) {
      refusal = error;
    }
    expectRefusal(refusal, 'savePlaybook');
  });
});

describe('the sender policy', () => {
  it.each(TYPES.filter((type) => !CONTENT_SCRIPT_MESSAGES.includes(type)))(
    '%s: a web page’s content script is refused',
    async (type) => {
      expectRefusal(await send(type, VALID[type], senders.contentScript()), type);
    },
  );

  const strangers = [
    'subFrameContentScript',
    'otherExtensionPage',
    'otherExtensionContentScript',
    'noUrl',
  ] as const;
  it.each(TYPES)('%s: sub-frames, other extensions and senders without a URL are refused', async (type) => {
    for (const stranger of strangers) {
      const refusal = await send(type, VALID[type], senders[stranger]());
      expectRefusal(refusal, type);
      expect(refusal?.message, stranger).toMatch(/not accepted from this sender/);
    }
  });

  it('refuses any sender that is neither our page nor a top-frame content script, for any payload', () => {
    const sender = fc.record(
      {
        id: fc.oneof(fc.constant(ownId()), fc.string({ maxLength: 32 })),
        url: fc.oneof(
          fc.constantFrom(
            'http://localhost/',
            'file:///etc/passwd',
            'about:blank',
            'data:text/html,x',
            'javascript:void 0',
            'not a url',
            'chrome://settings',
          ),
          fc.webUrl(),
        ),
        tab: fc.option(fc.record({ id: fc.nat() }), { nil: undefined }),
        frameId: fc.option(fc.integer({ min: -1, max: 10 }), { nil: undefined }),
      },
      { requiredKeys: ['id'] },
    );
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), sender, (type, candidate) => {
        const ours = candidate.id === ownId();
        const topFrameScript =
          ours &&
          candidate.tab !== undefined &&
          candidate.frameId === 0 &&
          /^https?:/.test(candidate.url ?? '');
        const kinds = allowed.get(type) ?? [];
        if (topFrameScript && kinds.includes('content-script')) return;
        expect(() => admitMessage(type, VALID[type], candidate as Sender)).toThrow(
          /not accepted from this sender/,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('reportPage', () => {
  it('describes only the sender’s own tab: a tabId in the payload is stripped', async () => {
    const report = { ...(VALID.reportPage as object), tabId: 99 };
    const admitted = admitMessage('reportPage', report, senders.contentScript());
    // The page's URL is the browser's for the sender, never the one the report names.
    const pageUrl = senders.contentScript().url;
    expect(admitted.caller).toEqual({ kind: 'content-script', tabId: TAB_ID, pageUrl });
    expect(admitted.payload).not.toHaveProperty('tabId');
    expect(admitted.payload).not.toHaveProperty('url');

    expect(await send('reportPage', report, senders.contentScript())).toBeUndefined();
    expect(await tabPage(TAB_ID)).toMatchObject({ url: pageUrl });
    expect(await tabPage(99)).toBeUndefined();
  });
});

function deleteDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('could not delete the database'));
  });
}

async function storeCounts(): Promise<Record<string, number>> {
  const db = await database();
  const counts: Record<string, number> = {};
  for (const store of STORES) counts[store] = await db.count(store);
  return counts;
}

const EMPTY = Object.fromEntries(STORES.map((store) => [store, 0]));

describe('a refused write', () => {
  beforeEach(async () => {
    await deleteDatabase();
  });

  it('writes nothing: malformed payloads from our pages, valid ones from strangers', async () => {
    expect(await storeCounts()).toEqual(EMPTY);
    const storedBefore = await fakeBrowser.storage.local.get(null);
    const sessionBefore = await fakeBrowser.storage.session.get(null);

    for (const type of WRITE_MESSAGES) {
      const kinds = allowed.get(type) ?? [];
      const samples = fc.sample(anyPayload(type), { numRuns: 40, seed: 42 });
      for (const payload of samples) {
        if (messages[type].request.safeParse(payload).success) continue; // only the refused ones here
        const sender = ownSenderFor(kinds);
        expectRefusal(await send(type, payload, sender), type);
      }
      const strangers = [
        senders.subFrameContentScript(),
        senders.otherExtensionPage(),
        senders.noUrl(),
        ...(kinds.includes('content-script') ? [] : [senders.contentScript()]),
      ];
      for (const sender of strangers) expectRefusal(await send(type, VALID[type], sender), type);
    }

    expect(await storeCounts()).toEqual(EMPTY);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(storedBefore);
    expect(await fakeBrowser.storage.session.get(null)).toEqual(sessionBefore);
  });

  it('deletes nothing: refused deletions leave the rep’s data alone', async () => {
    const db = await database();
    await db.put('accounts', { key: 'northwind-trading.com' } as never);
    const before = await storeCounts();
    expect(before.accounts).toBe(1);

    for (const confirmation of ['delete', 'DELETE ', '', null, ['DELETE'], { toString: 'DELETE' }]) {
      expectRefusal(await send('deleteAllData', { confirmation }, senders.extensionPage()), 'deleteAllData');
    }
    expectRefusal(
      await send('deleteAllData', { confirmation: 'DELETE' }, senders.contentScript()),
      'deleteAllData',
    );
    expectRefusal(
      await send('deleteAccountData', { accountKey: 'northwind-trading.com' }, senders.contentScript()),
      'deleteAccountData',
    );
    expectRefusal(
      await send('deleteAccountData', { accountKey: 'x'.repeat(321) }, senders.extensionPage()),
      'deleteAccountData',
    );
    expect(await storeCounts()).toEqual(before);
  });
});
