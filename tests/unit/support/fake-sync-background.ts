/**
 * A stand-in for the background's sync engine in component tests: each request is checked against the
 * message table's schema (as the router does), recorded in `log` with the browser's permission prompts,
 * and answered from what the test set. The real engine needs a server; these tests are about the screen.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messages, type MessageType } from '../../../lib/messaging/messages';
import type { PublishPlaybookResult } from '../../../lib/sync/team-playbook';
import type { StartSyncResult, SyncStatus, SyncTestResult } from '../../../lib/sync/types';

export interface FakeSyncBackground {
  status: SyncStatus;
  /** What `testSyncConnection` answers. */
  testAnswer: SyncTestResult;
  /** What `startSync` answers; `started` turns the status to it. */
  startAnswer: StartSyncResult;
  /** What `syncNow` turns the status to, and answers. */
  syncNowAnswer: SyncStatus;
  /** While set, `syncNow` waits for it before answering (an exchange under way). */
  syncNowHold: Promise<void> | undefined;
  /** When `publishPlaybook` (with sync on) says the playbook was published. */
  publishAt: number;
  /** Run by `publishPlaybook` with sync on, before it answers (what the engine writes, say). */
  onPublish: (() => Promise<void> | void) | undefined;
  /** What the rep answers the browser's permission prompt. */
  allow: boolean;
  /** In order: `permission <origins>` for each prompt, and each message type with its payload. */
  log: { event: string; data?: unknown }[];
  /** The message types sent, in order (polls of the status left out). */
  sent(): string[];
}

export function createFakeSyncBackground(): FakeSyncBackground {
  const background: FakeSyncBackground = {
    status: { state: 'off', pending: 0 },
    testAnswer: { kind: 'answer', outcome: 'connected' },
    startAnswer: { kind: 'answer', outcome: 'cannot-reach' },
    syncNowAnswer: { state: 'off', pending: 0 },
    syncNowHold: undefined,
    publishAt: 0,
    onPublish: undefined,
    allow: true,
    log: [],
    sent: () => background.log.map((entry) => entry.event).filter((event) => event !== 'getSyncStatus'),
  };
  return background;
}

/** Routes the browser's permission prompt to `background.allow`, logging what was asked. */
export function installPermissionPrompt(background: FakeSyncBackground): void {
  Object.assign(fakeBrowser.permissions, {
    request: ({ origins = [] }: { origins?: string[] }) => {
      background.log.push({ event: `permission ${origins.join(' ')}` });
      return Promise.resolve(background.allow);
    },
  });
}

/** The messenger's `sendMessage`, answered by `background`. */
export function fakeSyncMessenger(background: () => FakeSyncBackground) {
  return {
    onMessage: () => () => undefined,
    sendMessage: async (type: string, data: unknown): Promise<unknown> => {
      const fake = background();
      const spec = messages[type as MessageType];
      if (!spec) throw new Error(`unknown message ${type}`);
      const payload: unknown = spec.request.parse(data);
      fake.log.push({ event: type, data: payload });
      switch (type) {
        case 'getSyncStatus':
          return structuredClone(fake.status);
        case 'testSyncConnection':
          return structuredClone(fake.testAnswer);
        case 'startSync':
          if (fake.startAnswer.kind === 'started') fake.status = fake.startAnswer.status;
          return structuredClone(fake.startAnswer);
        case 'syncNow':
          await fake.syncNowHold;
          fake.status = fake.syncNowAnswer;
          return structuredClone(fake.status);
        case 'publishPlaybook': {
          if (fake.status.state === 'off') return { ok: false, reason: 'sync-off' } as PublishPlaybookResult;
          await fake.onPublish?.();
          return { ok: true, publishedAt: fake.publishAt } as PublishPlaybookResult;
        }
        case 'stopSync':
          fake.status = { state: 'off', pending: 0 };
          return structuredClone(fake.status);
        default:
          throw new Error(`unexpected message ${type}`);
      }
    },
  };
}
