import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '../../../lib/background/db-connection';
import { updateSettings } from '../../../lib/background/settings-store';
import { settingsSchema } from '../../../lib/settings/schema';
import { addFollowUpFor, updateFollowUp } from '../../../lib/background/handlers/panel-writes';
import {
  catchUpReminders,
  DAY_TURN_ALARM,
  FOLLOW_UP_NOTIFICATION_PREFIX,
  followUpsChanged,
  onNotificationButtonClicked,
  onNotificationClicked,
  onReminderAlarm,
  registerReminders,
  REMINDER_ALARM,
  remindersStatus,
  setNotificationButtonsSupported,
  SUMMARY_NOTIFICATION_ID,
} from '../../../lib/background/reminders';
import { recordContactSeen } from '../../../lib/db/accounts';
import { changeDealStage } from '../../../lib/db/deals';
import { HOUR, local, useTimeZone } from './time-zone';

// Broadcasts to open pages go nowhere here: no page is open.
vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: async () => undefined,
  onMessage: () => () => undefined,
}));

const NORTHWIND = 'northwind-trading.com';
const JANE = 'jane.cooper@northwind-trading.com';
const STORES = ['accounts', 'contacts', 'notes', 'followUps', 'stageEvents', 'questionLog'] as const;

async function add(title: string, due: number) {
  const followUp = await addFollowUpFor({ accountKey: NORTHWIND, contactEmail: JANE, title, due });
  await followUpsChanged(); // the handler's own call is queued first; this waits for it
  return followUp;
}

async function alarm(name: string) {
  return fakeBrowser.alarms.get(name);
}

const badge = () => fakeBrowser.action.getBadgeText({});
/** What the notification centre shows now: id → options. */
const notifications = async () =>
  (await fakeBrowser.notifications.getAll()) as unknown as Record<string, Record<string, unknown>>;

/** Lets time pass until `until`, ringing every alarm whose time comes on the way, as the browser would. */
async function advanceTo(until: number): Promise<void> {
  for (;;) {
    const due = (await fakeBrowser.alarms.getAll())
      .filter((candidate) => candidate.scheduledTime <= until)
      .sort((a, b) => a.scheduledTime - b.scheduledTime)[0];
    if (!due) break;
    vi.setSystemTime(Math.max(due.scheduledTime, Date.now()));
    await fakeBrowser.alarms.clear(due.name); // one-shot alarms are gone once they ring
    await onReminderAlarm({ ...due });
  }
  vi.setSystemTime(until);
}

async function setSettings(settings: Record<string, unknown>) {
  await updateSettings(() => settingsSchema.parse(settings));
}

describe('reminders and badge', () => {
  useTimeZone('Europe/Berlin');

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(local(2025, 6, 12, 10));
    const db = await database();
    for (const store of STORES) await db.clear(store);
    await db.clear('privateItems');
    setNotificationButtonsSupported(true);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('badge: open follow-ups overdue or due today, not tomorrow, not proposals, not done', async () => {
    await add('overdue', local(2025, 6, 11, 15));
    const today = await add('today', local(2025, 6, 12, 16));
    await add('tomorrow', local(2025, 6, 13, 9));
    await changeDealStage(
      await database(),
      {
        accountKey: NORTHWIND,
        stageId: 'needs',
        proposals: [{ stepId: 's', title: 'proposed', due: local(2025, 6, 12, 11) }],
      },
      Date.now(),
      () => crypto.randomUUID(),
    );
    await followUpsChanged();
    expect(await badge()).toBe('2');
    expect(await fakeBrowser.action.getTitle({})).toContain('2');

    await updateFollowUp({ id: today.id, action: 'done' });
    await followUpsChanged();
    expect(await badge()).toBe('1');
  });

  it('arms one alarm for the next due time and moves it on every change', async () => {
    const first = await add('first', local(2025, 6, 12, 14));
    await add('second', local(2025, 6, 12, 15));
    await add('third', local(2025, 6, 20, 9));
    const names = (await fakeBrowser.alarms.getAll()).map((armed) => armed.name).sort();
    expect(names).toEqual([DAY_TURN_ALARM, REMINDER_ALARM]);
    expect((await alarm(REMINDER_ALARM))?.scheduledTime).toBe(local(2025, 6, 12, 14));

    await updateFollowUp({ id: first.id, action: 'done' });
    await followUpsChanged();
    expect((await alarm(REMINDER_ALARM))?.scheduledTime).toBe(local(2025, 6, 12, 15));

    await updateFollowUp({ id: first.id, action: 'reopen' });
    await updateFollowUp({ id: first.id, action: 'snooze', until: local(2025, 6, 12, 14, 30) });
    await followUpsChanged();
    expect((await alarm(REMINDER_ALARM))?.scheduledTime).toBe(local(2025, 6, 12, 14, 30));
  });

  it('at the due time shows a notification with Done and Snooze 1 h, which act on the follow-up', async () => {
    const followUp = await add('Send the pilot proposal', local(2025, 6, 12, 14));
    await advanceTo(local(2025, 6, 12, 14));
    const shown = await notifications();
    const id = `${FOLLOW_UP_NOTIFICATION_PREFIX}${followUp.id}`;
    expect(Object.keys(shown)).toEqual([id]);
    expect(shown[id]).toMatchObject({
      title: 'Send the pilot proposal',
      message: `${NORTHWIND} · ${JANE}`,
      buttons: [{ title: 'Done' }, { title: 'Snooze 1 h' }],
    });
    expect(await alarm(REMINDER_ALARM)).toBeUndefined();

    await onNotificationButtonClicked(id, 1);
    const snoozed = await (await database()).get('followUps', followUp.id);
    expect(snoozed).toMatchObject({ status: 'open', due: local(2025, 6, 12, 15) });
    expect((await alarm(REMINDER_ALARM))?.scheduledTime).toBe(local(2025, 6, 12, 15));
    expect(await notifications()).toEqual({});

    await advanceTo(local(2025, 6, 12, 15));
    await onNotificationButtonClicked(id, 0);
    expect(await (await database()).get('followUps', followUp.id)).toMatchObject({ status: 'done' });
    expect(await badge()).toBe('');
  });

  it('shows a plain notification where buttons are not supported (Firefox)', async () => {
    setNotificationButtonsSupported(false);
    const followUp = await add('Call Jane', local(2025, 6, 12, 14));
    await advanceTo(local(2025, 6, 12, 14));
    const shown = (await notifications())[`${FOLLOW_UP_NOTIFICATION_PREFIX}${followUp.id}`];
    expect(shown).toMatchObject({ title: 'Call Jane', type: 'basic' });
    expect(shown).not.toHaveProperty('buttons');
  });

  it('clicking a reminder opens where the contact was last seen', async () => {
    const followUp = await add('Call Jane', local(2025, 6, 12, 14));
    const thread = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
    await recordContactSeen(await database(), JANE, thread, Date.now());
    await advanceTo(local(2025, 6, 12, 14));
    await onNotificationClicked(`${FOLLOW_UP_NOTIFICATION_PREFIX}${followUp.id}`);
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(thread);
    expect(await notifications()).toEqual({});
  });

  it('a few falling due together arrive one by one; many at once as one summary', async () => {
    for (const title of ['a', 'b']) await add(title, local(2025, 6, 12, 14));
    await advanceTo(local(2025, 6, 12, 14));
    expect(Object.keys(await notifications())).toHaveLength(2);

    for (const title of ['c', 'd', 'e', 'f', 'g']) await add(title, local(2025, 6, 12, 16));
    await advanceTo(local(2025, 6, 12, 16));
    const shown = await notifications();
    expect(Object.keys(shown)).toHaveLength(3);
    expect(shown[SUMMARY_NOTIFICATION_ID]).toMatchObject({ title: '5 follow-ups came due' });
    expect(shown[SUMMARY_NOTIFICATION_ID]?.message).toContain('…and 2 more');
  });

  it('reminders missed while the browser was closed arrive as one summary at start-up', async () => {
    for (const hour of [12, 13, 15, 17, 19]) await add(`at ${hour}`, local(2025, 6, 12, hour));
    // The browser is closed from 11:00 until the next morning: no alarm rings meanwhile.
    vi.setSystemTime(local(2025, 6, 13, 8, 30));
    await catchUpReminders();
    const shown = await notifications();
    expect(Object.keys(shown)).toEqual([SUMMARY_NOTIFICATION_ID]);
    expect(shown[SUMMARY_NOTIFICATION_ID]).toMatchObject({ title: '5 follow-ups came due' });
    expect(await badge()).toBe('5');

    // Chrome also rings the alarm that was due while it was closed: nothing is announced twice.
    await fakeBrowser.notifications.clear(SUMMARY_NOTIFICATION_ID);
    await onReminderAlarm({ name: REMINDER_ALARM, scheduledTime: local(2025, 6, 12, 12) });
    expect(await notifications()).toEqual({});
  });

  it('the first start announces nothing that was overdue before', async () => {
    const db = await database();
    const { addFollowUp } = await import('../../../lib/db/follow-ups');
    await addFollowUp(
      db,
      { accountKey: NORTHWIND, title: 'old', due: local(2025, 6, 1, 9) },
      local(2025, 5, 1),
      'old-1',
    );
    await catchUpReminders();
    expect(await notifications()).toEqual({});
    expect(await badge()).toBe('1');
  });

  it('a follow-up created already overdue is listed and counted, not announced', async () => {
    await add('forgot to log this', local(2025, 6, 12, 9));
    expect(await badge()).toBe('1');
    expect(await alarm(REMINDER_ALARM)).toBeUndefined();
    await catchUpReminders();
    expect(await notifications()).toEqual({});
  });

  it('quiet hours hold a reminder back until they end', async () => {
    await setSettings({ quietHours: { enabled: true, start: '20:00', end: '08:00' } });
    const followUp = await add('Late call', local(2025, 6, 12, 21));
    expect((await alarm(REMINDER_ALARM))?.scheduledTime).toBe(local(2025, 6, 13, 8));

    await advanceTo(local(2025, 6, 13, 7, 59));
    expect(await notifications()).toEqual({});
    await advanceTo(local(2025, 6, 13, 8));
    expect(Object.keys(await notifications())).toEqual([`${FOLLOW_UP_NOTIFICATION_PREFIX}${followUp.id}`]);
  });

  it('an alarm that rings inside quiet hours (they were just switched on) waits for their end', async () => {
    await add('Evening', local(2025, 6, 12, 21));
    vi.setSystemTime(local(2025, 6, 12, 21));
    await setSettings({ quietHours: { enabled: true, start: '20:00', end: '08:00' } });
    await onReminderAlarm({ name: REMINDER_ALARM, scheduledTime: local(2025, 6, 12, 21) });
    expect(await notifications()).toEqual({});
    expect((await alarm(REMINDER_ALARM))?.scheduledTime).toBe(local(2025, 6, 13, 8));
    expect(await remindersStatus()).toMatchObject({ on: true, quietUntil: local(2025, 6, 13, 8) });
  });

  it('with notifications denied, the badge still counts and the status says why reminders are off', async () => {
    // The fake browser has no permission query; Chrome answers 'denied' when the rep blocked us.
    const notificationsApi = fakeBrowser.notifications as { getPermissionLevel?: () => Promise<string> };
    notificationsApi.getPermissionLevel = async () => 'denied';
    onTestFinished(() => {
      delete notificationsApi.getPermissionLevel;
    });
    await add('today', local(2025, 6, 12, 14));
    expect(await badge()).toBe('1');
    expect(await alarm(REMINDER_ALARM)).toBeUndefined();
    await advanceTo(local(2025, 6, 12, 15));
    expect(await notifications()).toEqual({});
    expect(await remindersStatus()).toMatchObject({
      on: false,
      reason: 'notifications-denied',
      nextReminderAt: null,
    });
  });

  it('turned off in the settings: nothing announced, and turning them on does not replay the past', async () => {
    registerReminders();
    await catchUpReminders(); // installed at 10:00 with reminders on
    await setSettings({ remindersEnabled: false });
    await add('today', local(2025, 6, 12, 14));
    expect(await remindersStatus()).toMatchObject({ on: false, reason: 'turned-off' });
    await advanceTo(local(2025, 6, 12, 15));
    expect(await notifications()).toEqual({});

    const later = await add('later', local(2025, 6, 12, 17));
    await setSettings({ remindersEnabled: true });
    // The settings watcher re-arms the alarm.
    await vi.waitFor(async () =>
      expect((await alarm(REMINDER_ALARM))?.scheduledTime).toBe(local(2025, 6, 12, 17)),
    );
    expect(await remindersStatus()).toMatchObject({ on: true, nextReminderAt: local(2025, 6, 12, 17) });
    await advanceTo(local(2025, 6, 12, 17));
    expect(Object.keys(await notifications())).toEqual([`${FOLLOW_UP_NOTIFICATION_PREFIX}${later.id}`]);
  });

  it("the badge turns at midnight: tomorrow's follow-ups count from 00:00", async () => {
    vi.setSystemTime(local(2025, 6, 12, 23, 30));
    await add('tomorrow', local(2025, 6, 13, 9));
    expect(await badge()).toBe('');
    expect((await alarm(DAY_TURN_ALARM))?.scheduledTime).toBe(local(2025, 6, 13));
    await advanceTo(local(2025, 6, 13, 0, 0));
    expect(await badge()).toBe('1');
  });

  it('across the spring-forward night: the day turns at local midnight and 9:00 stays 9:00', async () => {
    vi.setSystemTime(local(2025, 3, 29, 22));
    const followUp = await add('Monday prep', local(2025, 3, 30, 9));
    expect(await badge()).toBe('');
    await advanceTo(local(2025, 3, 30, 0, 1));
    expect(await badge()).toBe('1');
    // The next day is 23 hours long: the next day-turn alarm is at local midnight all the same.
    expect((await alarm(DAY_TURN_ALARM))?.scheduledTime).toBe(local(2025, 3, 31));
    expect(local(2025, 3, 31) - local(2025, 3, 30)).toBe(23 * HOUR);

    await advanceTo(local(2025, 3, 30, 8, 59));
    expect(await notifications()).toEqual({});
    await advanceTo(local(2025, 3, 30, 9));
    expect(Object.keys(await notifications())).toEqual([`${FOLLOW_UP_NOTIFICATION_PREFIX}${followUp.id}`]);
    expect(new Date(Date.now()).getHours()).toBe(9);
  });

  it('across the fall-back night: the day turns once, and a snooze to tomorrow 9:00 rings at 9:00', async () => {
    vi.setSystemTime(local(2025, 10, 25, 22));
    const followUp = await add('Sunday check', local(2025, 10, 25, 23));
    await advanceTo(local(2025, 10, 25, 23));
    await onNotificationButtonClicked(`${FOLLOW_UP_NOTIFICATION_PREFIX}${followUp.id}`, 1);
    expect((await alarm(REMINDER_ALARM))?.scheduledTime).toBe(local(2025, 10, 26, 0));
    await advanceTo(local(2025, 10, 26, 0, 30));
    expect(await badge()).toBe('1');
    expect((await alarm(DAY_TURN_ALARM))?.scheduledTime).toBe(local(2025, 10, 27));
    expect(local(2025, 10, 27) - local(2025, 10, 26)).toBe(25 * HOUR);

    await updateFollowUp({ id: followUp.id, action: 'snooze', until: local(2025, 10, 26, 9) });
    await followUpsChanged();
    expect((await alarm(REMINDER_ALARM))?.scheduledTime).toBe(local(2025, 10, 26, 9));
    await advanceTo(local(2025, 10, 26, 9));
    expect(new Date(Date.now()).getHours()).toBe(9);
    expect(Object.keys(await notifications())).toContain(`${FOLLOW_UP_NOTIFICATION_PREFIX}${followUp.id}`);
  });
});
