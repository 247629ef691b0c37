/**
 * Touches recorded from page reports, through the background's real handlers and database: one per
 * thread a day (across folders, across a day boundary, with two tabs racing), only for accounts the rep
 * tracks, never with the setting off; deleted with all touches or with their account; and read bounded
 * for the panel.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordTabPage, resetPageRegistryMemory } from '../../../lib/background/page-registry';
import { panelStateForTab } from '../../../lib/background/panel-state';
import { updateSettings } from '../../../lib/background/settings-store';
import { forgetRecordedVisits, recordTouchForPage } from '../../../lib/background/touches';
import type { Caller } from '../../../lib/background/sender';
import { changeDealStage } from '../../../lib/db/deals';
import { listAccountTouches, PANEL_TOUCHES_LIMIT } from '../../../lib/db/touches';
import type { PageContext } from '../../../lib/messaging/messages';
import { PAGE_URL_MAX_LENGTH } from '../../../lib/limits';
import { clearDataStores, database } from '../support/database';
import { inProcessMessenger } from '../support/in-process-messenger';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const { dispatch } = await import('../../../lib/background/router');
const { handlers } = await import('../../../lib/background/handlers');

const NORTHWIND = 'northwind-trading.com';
const CONTOSO = 'contoso.com';
const GMAIL = 'https://mail.google.com/mail/u/0/';
const THREAD_A = `${GMAIL}#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb`;
const THREAD_B = `${GMAIL}#inbox/FMfcgzQXKcZbhLrNmQpWvTdSxHfJgBkD`;
const TAB = 11;
const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute).getTime();

function thread(title: string | undefined, email = 'jane.cooper@northwind-trading.com'): PageContext {
  return {
    site: 'gmail',
    kind: 'thread',
    ...(title === undefined ? {} : { title }),
    participants: [
      { email: 'alex.morgan@dealside-demo.com', role: 'self' },
      { email, name: 'Jane Cooper', role: 'from', order: 0 },
    ],
  };
}

const page = (url: string, context: PageContext) => ({ url, context, reportedAt: 1 });

async function track(accountKey: string) {
  await changeDealStage(await database(), { accountKey, stageId: 'lead', proposals: [] }, 1, () =>
    crypto.randomUUID(),
  );
}

async function touchesOf(accountKey: string) {
  return listAccountTouches(await database(), accountKey, 1_000);
}

beforeEach(async () => {
  resetPageRegistryMemory();
  forgetRecordedVisits();
  await clearDataStores();
  await (await database()).clear('privateItems');
});

afterEach(() => {
  vi.useRealTimers();
});

describe('recording a touch when the rep opens a thread', () => {
  it('records one per thread a day: another folder of the same thread the same day adds nothing', async () => {
    await track(NORTHWIND);
    expect(
      await recordTouchForPage(page(THREAD_A, thread('Re: Pilot scope')), undefined, at(9, 9)),
    ).toMatchObject({
      accountKey: NORTHWIND,
      contactEmail: 'jane.cooper@northwind-trading.com',
      title: 'Re: Pilot scope',
    });
    await recordTouchForPage(page(THREAD_B, thread('Renewal quote')), undefined, at(9, 10));
    const again = THREAD_A.replace('#inbox/', '#all/');
    expect(
      await recordTouchForPage(page(again, thread('Re: Pilot scope (2)')), undefined, at(9, 11)),
    ).toBeNull();
    // Even with the service worker's memory gone, the database says it is recorded.
    forgetRecordedVisits();
    expect(await recordTouchForPage(page(again, thread('Re: Pilot scope')), undefined, at(9, 12))).toBeNull();

    const touches = await touchesOf(NORTHWIND);
    expect(touches.map((touch) => [touch.title, touch.at, touch.url])).toEqual([
      ['Renewal quote', at(9, 10), THREAD_B],
      // The first opening of the day is the one kept.
      ['Re: Pilot scope', at(9, 9), THREAD_A],
    ]);
  });

  it('records the same thread again after midnight', async () => {
    await track(NORTHWIND);
    await recordTouchForPage(page(THREAD_A, thread('Re: Pilot scope')), undefined, at(9, 23, 58));
    await recordTouchForPage(page(THREAD_A, thread('Re: Pilot scope')), undefined, at(10, 0, 2));
    expect((await touchesOf(NORTHWIND)).map((touch) => touch.at)).toEqual([at(10, 0, 2), at(9, 23, 58)]);
  });

  it('keeps one row when two tabs record the same visit at once', async () => {
    await track(NORTHWIND);
    const results = await Promise.all([
      recordTouchForPage(page(THREAD_A, thread('Re: Pilot scope')), undefined, at(9, 9)),
      recordTouchForPage(page(THREAD_A, thread('Re: Pilot scope')), undefined, at(9, 9)),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await touchesOf(NORTHWIND)).toHaveLength(1);
  });

  it('records nothing for an account the rep does not track, nor for lists and composes', async () => {
    expect(await recordTouchForPage(page(THREAD_A, thread('Newsletter')), undefined, at(9, 9))).toBeNull();
    await track(NORTHWIND);
    const list: PageContext = { site: 'gmail', kind: 'list', participants: [] };
    const compose: PageContext = { ...thread('Draft'), kind: 'compose' };
    expect(await recordTouchForPage(page(`${GMAIL}#inbox`, list), undefined, at(9, 9))).toBeNull();
    expect(
      await recordTouchForPage(page(`${THREAD_A}?compose=new`, compose), undefined, at(9, 9)),
    ).toBeNull();
    // Once the account is tracked, the thread records (the earlier report left no memory of it).
    expect(
      await recordTouchForPage(page(THREAD_A, thread('Re: Pilot')), undefined, at(9, 10)),
    ).not.toBeNull();
    expect(await (await database()).count('touches')).toBe(1);
  });

  it('records nothing while the rep has touches turned off', async () => {
    await track(NORTHWIND);
    await updateSettings((settings) => ({ ...settings, recordTouches: false }));
    expect(await recordTouchForPage(page(THREAD_A, thread('Re: Pilot')), undefined, at(9, 9))).toBeNull();
    expect(await touchesOf(NORTHWIND)).toEqual([]);
    await updateSettings((settings) => ({ ...settings, recordTouches: true }));
    expect(
      await recordTouchForPage(page(THREAD_A, thread('Re: Pilot')), undefined, at(9, 10)),
    ).not.toBeNull();
  });

  it("takes the tab's title when the page gave no subject, and keeps no link to an address too long to keep", async () => {
    await track(NORTHWIND);
    const long = `${THREAD_A}?${'q'.repeat(PAGE_URL_MAX_LENGTH)}`.slice(0, PAGE_URL_MAX_LENGTH);
    const touch = await recordTouchForPage(page(long, thread(undefined)), 'Re: Pilot - Gmail', at(9, 9));
    expect(touch).toMatchObject({ title: 'Re: Pilot - Gmail' });
    expect(touch).not.toHaveProperty('url');
  });

  it("is recorded from the content script's page report, with the tab's address and title from the browser", async () => {
    await track(NORTHWIND);
    const changed: unknown[] = [];
    inProcessMessenger.onMessage('dataChanged', ({ data }) => void changed.push(data));
    const caller: Caller = { kind: 'content-script', tabId: TAB, pageUrl: THREAD_A, pageTitle: 'Tab title' };
    await dispatch(handlers, 'reportPage', { context: thread('Re: Pilot scope') }, caller);
    await vi.waitFor(async () => expect(await touchesOf(NORTHWIND)).toHaveLength(1));
    expect((await touchesOf(NORTHWIND))[0]).toMatchObject({ url: THREAD_A, title: 'Re: Pilot scope' });
    expect(changed).toContainEqual({ accountKeys: [NORTHWIND] });
  });
});

describe('deleting touches', () => {
  async function recordBoth() {
    await track(NORTHWIND);
    await track(CONTOSO);
    await recordTouchForPage(page(THREAD_A, thread('Re: Pilot')), undefined, at(9, 9));
    await recordTouchForPage(page(THREAD_B, thread('Line 3', 'oliver@contoso.com')), undefined, at(9, 10));
  }

  it('"delete all touches" empties them, keeps the accounts, and the next opening records anew', async () => {
    await recordBoth();
    expect(await dispatch(handlers, 'countTouches', {}, { kind: 'extension-page' })).toEqual({ count: 2 });
    const changed: unknown[] = [];
    inProcessMessenger.onMessage('dataChanged', ({ data }) => void changed.push(data));
    expect(await dispatch(handlers, 'deleteAllTouches', {}, { kind: 'extension-page' })).toEqual({
      count: 2,
    });
    expect(await (await database()).count('touches')).toBe(0);
    expect(await (await database()).count('accounts')).toBe(2);
    expect(changed).toEqual([{ accountKeys: [CONTOSO, NORTHWIND] }]);
    expect(
      await recordTouchForPage(page(THREAD_A, thread('Re: Pilot')), undefined, at(9, 11)),
    ).not.toBeNull();
  });

  it('is refused from the in-page panel', async () => {
    await recordBoth();
    const frame: Caller = { kind: 'panel-frame', tabId: TAB, frameId: 3 };
    await expect(dispatch(handlers, 'deleteAllTouches', {}, frame)).rejects.toThrow(/not accepted/);
    expect(await (await database()).count('touches')).toBe(2);
  });

  it("deleting an account deletes its touches and no other account's", async () => {
    await recordBoth();
    const deleted = await dispatch(
      handlers,
      'deleteAccountData',
      { accountKey: NORTHWIND },
      { kind: 'extension-page' },
    );
    expect(deleted.touches).toBe(1);
    expect(await touchesOf(NORTHWIND)).toEqual([]);
    expect(await touchesOf(CONTOSO)).toHaveLength(1);
  });
});

describe('the panel reads touches bounded', () => {
  it('has the newest 50 of 200 touches, newest first, and its newest stage moves', async () => {
    await track(NORTHWIND);
    const db = await database();
    const tx = db.transaction('touches', 'readwrite');
    for (let index = 0; index < 200; index++) {
      void tx.store.put({
        id: `t${index}`,
        accountKey: NORTHWIND,
        at: at(1, 8) + index * 60_000,
        site: 'gmail',
        title: `Thread ${index}`,
        url: `${GMAIL}#inbox/t${index}`,
        visitKey: `gmail t${index}`,
      });
    }
    await tx.done;
    await recordTabPage(TAB, page(THREAD_A, thread('Re: Pilot')));
    const state = await panelStateForTab(TAB);
    expect(state.touches).toHaveLength(PANEL_TOUCHES_LIMIT);
    expect(state.touches[0]).toMatchObject({ id: 't199', siteName: 'Gmail', title: 'Thread 199' });
    expect(state.touches.at(-1)?.id).toBe('t150');
    expect(state.stageEvents.map((event) => event.to)).toEqual(['lead']);
  });

  it('gives no link for a touch whose address is not a web page', async () => {
    await track(NORTHWIND);
    await (
      await database()
    ).put('touches', {
      id: 'imported',
      accountKey: NORTHWIND,
      at: 5,
      site: 'gmail',
      title: 'Imported',
      url: 'javascript:alert(1)',
      visitKey: 'imported',
    });
    await recordTabPage(TAB, page(THREAD_A, thread('Re: Pilot')));
    const [touch] = (await panelStateForTab(TAB)).touches;
    expect(touch).toMatchObject({ id: 'imported', title: 'Imported' });
    expect(touch).not.toHaveProperty('url');
  });
});
