/**
 * Reminders and the toolbar badge, owned by the background.
 *
 * - The badge counts open follow-ups overdue or due today; it is recounted whenever follow-ups change
 *   and when the local day turns (a second alarm at the next midnight).
 * - One alarm rings for the next reminder, never one per follow-up, and is armed again after every
 *   change. Alarms survive service-worker shutdowns and browser restarts; start-up arms it again too.
 * - "Reminded up to" (an instant in storage.local) marks what was already announced: whatever fell due
 *   after it is announced next, one by one when on time, as one summary when many arrive together or
 *   late (the browser was closed), and not during quiet hours (they wait for their end).
 */
import { browser, type Browser } from 'wxt/browser';
import { HOUR_MS } from '../dates/due';
import {
  applyFollowUpAction,
  countOpenFollowUpsDue,
  firstOpenFollowUpDueAfter,
  listOpenFollowUpsDue,
} from '../db/follow-ups';
import type { Db } from '../db/open';
import { accountRecordSchema, contactRecordSchema, type FollowUpRecord } from '../db/records';
import { validRow } from '../db/validate';
import { displayAccountKey } from '../contact/account-key';
import { errorText } from '../error-text';
import { t } from '../i18n';
import type { RemindersStatus } from '../messaging/protocol';
import { BADGE_COLOR, badgeText } from '../reminders/badge';
import { nextLocalMidnight } from '../reminders/day-bounds';
import { quietHoursEndAfter } from '../reminders/quiet-hours';
import { fellDueWhileOpen, reminderAlarmTime } from '../reminders/schedule';
import { planReminders, type ReminderPlan } from '../reminders/summary';
import { badgeWindow } from '../reminders/windows';
import type { Settings } from '../settings/schema';
import { remindedUpToItem, reminderFailureItem } from '../storage/items';
import { broadcastDataChanged } from './broadcast';
import { toolbarButton } from './toolbar-button';
import { database } from './db-connection';
import { openFollowUp } from './open-follow-up';
import { onSettingsChanged, readSettings } from './settings-store';

export const REMINDER_ALARM = 'dealside-reminder';
export const DAY_TURN_ALARM = 'dealside-day-turn';
export const FOLLOW_UP_NOTIFICATION_PREFIX = 'dealside-followup:';
export const SUMMARY_NOTIFICATION_ID = 'dealside-summary';
/** The notification's "Snooze 1 h" button. */
export const NOTIFICATION_SNOOZE_MS = HOUR_MS;
/** Reminders read at once; far more than a day's work, so a long absence still ends in one summary. */
const MAX_DUE_READ = 1000;
/** Notification titles are cut here; a 10,000-character title would only be cut by the system anyway. */
const NOTIFICATION_TITLE_MAX = 120;

/** Chrome shows buttons on notifications; Firefox refuses notifications that ask for them. */
let notificationButtons = !import.meta.env.FIREFOX;

/** For tests: act as the browser without notification buttons (Firefox) or with them (Chrome). */
export function setNotificationButtonsSupported(supported: boolean): void {
  notificationButtons = supported;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs reminder work one piece at a time: an alarm, a start-up catch-up and a change that arrive together
 * must not read the same "reminded up to" mark and announce the same follow-up twice. A failure is
 * logged and never rejects: callers fire and forget, and the next change or alarm tries again.
 */
function serially(work: () => Promise<void>): Promise<void> {
  const run = queue.then(work).catch((error: unknown) => {
    console.warn('[dealside] reminder work failed', error);
  });
  queue = run;
  return run;
}

type Blocker = Exclude<RemindersStatus['reason'], 'delivery-failed' | undefined>;

/** Why reminders cannot be shown now, or null when they can. */
async function reminderBlocker(settings: Settings): Promise<Blocker | null> {
  if (!settings.remindersEnabled) return 'turned-off';
  const notifications = browser.notifications as typeof browser.notifications | undefined;
  if (!notifications?.create) return 'notifications-unavailable';
  // Chrome reports when the rep (or the system policy) blocked our notifications; Firefox has no such
  // query: there the manifest permission is the whole story.
  if (typeof notifications.getPermissionLevel !== 'function') return null;
  try {
    return (await notifications.getPermissionLevel()) === 'denied' ? 'notifications-denied' : null;
  } catch {
    return null;
  }
}

async function remindedUpTo(now: number): Promise<number> {
  const stored = await remindedUpToItem.get();
  if (stored !== null) return stored;
  // First run: what fell due before the extension was there is overdue, not news.
  await remindedUpToItem.set(now);
  return now;
}

async function updateBadge(db: Db, now: number): Promise<number> {
  const window = badgeWindow(now);
  const count = await countOpenFollowUpsDue(db, window.from, window.to);
  const button = toolbarButton();
  if (!button) return count;
  await Promise.all([
    button.setBadgeText({ text: badgeText(count) }),
    button.setBadgeBackgroundColor({ color: BADGE_COLOR }),
    button.setTitle({ title: count > 0 ? t('badgeTitle', String(count)) : t('extName') }),
  ]);
  return count;
}

/**
 * Arms the one reminder alarm for the first follow-up still to announce: one waiting since the last
 * delivery, else the next one due. Returns when it rings, or null when nothing is to come.
 */
async function armReminder(
  db: Db,
  now: number,
  settings: Settings,
  blocked: boolean,
): Promise<number | null> {
  if (blocked) {
    // Nothing can be shown while blocked, so nothing is owed: turning reminders back on starts from here.
    await remindedUpToItem.set(now);
    await browser.alarms.clear(REMINDER_ALARM);
    return null;
  }
  const upTo = await remindedUpTo(now);
  const next = await firstOpenFollowUpDueAfter(db, upTo, (row) => row.due > now || fellDueWhileOpen(row));
  if (!next || next.due > now) {
    // Nothing waits to be announced: move the mark to now, so the next re-arm reads from here.
    if (upTo < now) await remindedUpToItem.set(now);
  }
  if (!next) {
    await browser.alarms.clear(REMINDER_ALARM);
    return null;
  }
  const when = reminderAlarmTime(next.due, now, settings.quietHours);
  await browser.alarms.create(REMINDER_ALARM, { when });
  return when;
}

async function armDayTurn(now: number): Promise<void> {
  await browser.alarms.create(DAY_TURN_ALARM, { when: nextLocalMidnight(now) });
}

/** Badge, reminder alarm and day-turn alarm, brought up to date with the database. */
async function refresh(now: number): Promise<void> {
  const [db, settings] = await Promise.all([database(), readSettings()]);
  const blocked = (await reminderBlocker(settings)) !== null;
  // The alarm does not wait for the badge: a reminder on time matters more, and the two are independent
  // (separate read transactions, separate browser APIs).
  await Promise.all([armReminder(db, now, settings, blocked), updateBadge(db, now)]);
  await armDayTurn(now);
}

function truncated(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** "Account · Contact" for a notification's body. */
async function whoLine(db: Db, followUp: FollowUpRecord): Promise<string> {
  const account = validRow(
    accountRecordSchema,
    'accounts',
    await db.get('accounts', followUp.accountKey),
    followUp.accountKey,
  );
  const contact = followUp.contactEmail
    ? validRow(
        contactRecordSchema,
        'contacts',
        await db.get('contacts', followUp.contactEmail),
        followUp.contactEmail,
      )
    : undefined;
  const accountLabel = account?.displayName || displayAccountKey(followUp.accountKey);
  const contactLabel = contact?.name ?? followUp.contactEmail;
  return contactLabel ? `${accountLabel} · ${contactLabel}` : accountLabel;
}

function iconUrl(): string {
  return browser.runtime.getURL('/reminder-icon.png');
}

async function showPlan(db: Db, plan: ReminderPlan, rows: Map<string, FollowUpRecord>): Promise<void> {
  if (plan.kind === 'none') return;
  if (plan.kind === 'summary') {
    const titles = plan.first.map((reminder) => `• ${truncated(reminder.title, 80)}`);
    const more = plan.count - plan.first.length;
    await browser.notifications.create(SUMMARY_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: iconUrl(),
      title: t('reminderSummaryTitle', String(plan.count)),
      message: [...titles, ...(more > 0 ? [t('reminderSummaryMore', String(more))] : [])].join('\n'),
    });
    return;
  }
  for (const reminder of plan.reminders) {
    const row = rows.get(reminder.id);
    if (!row) continue;
    await browser.notifications.create(`${FOLLOW_UP_NOTIFICATION_PREFIX}${row.id}`, {
      type: 'basic',
      iconUrl: iconUrl(),
      title: truncated(row.title, NOTIFICATION_TITLE_MAX),
      message: await whoLine(db, row),
      ...(notificationButtons
        ? {
            eventTime: row.due,
            buttons: [{ title: t('reminderDone') }, { title: t('reminderSnoozeHour') }],
          }
        : {}),
    });
  }
}

/** The reminder alarm rang (or the browser started): announce what fell due since the last time. */
async function deliverDueReminders(now: number): Promise<void> {
  const [db, settings] = await Promise.all([database(), readSettings()]);
  const blocker = await reminderBlocker(settings);
  if (blocker) {
    // Nothing can be shown; turning reminders back on later must not replay everything missed meanwhile.
    await remindedUpToItem.set(now);
  } else if (quietHoursEndAfter(now, settings.quietHours) === null) {
    const upTo = await remindedUpTo(now);
    const due = (await listOpenFollowUpsDue(db, upTo + 1, now + 1, MAX_DUE_READ)).filter(fellDueWhileOpen);
    // Marked before showing: a notification lost to a crash is better than one shown twice.
    await remindedUpToItem.set(now);
    try {
      await showPlan(db, planReminders(due, now), new Map(due.map((row) => [row.id, row])));
      if (due.length > 0) await reminderFailureItem.set(null);
    } catch (error) {
      // Shown in the options page through the reminders status; the alarm is still armed for the next.
      await reminderFailureItem.set({ at: now, message: errorText(error) });
    }
    await armReminder(db, now, settings, false);
    await updateBadge(db, now);
    await armDayTurn(now);
    return;
  }
  // Blocked or quiet: the alarm moves to when reminders can be shown (or goes away).
  await refresh(now);
}

/**
 * Follow-ups were added, changed or deleted: recount the badge and arm the reminder again. Every write
 * to the followUps store calls this (the follow-up handlers, stage changes with their proposals,
 * imports, deleting an account).
 */
export function followUpsChanged(): Promise<void> {
  return serially(() => refresh(Date.now()));
}

/** Start-up and install: reminders missed while the browser was closed, then everything re-armed. */
export function catchUpReminders(): Promise<void> {
  return serially(() => deliverDueReminders(Date.now()));
}

/** The alarm listener's work, exposed so tests can ring an alarm the way the browser does. */
export function onReminderAlarm(alarm: Browser.alarms.Alarm): Promise<void> {
  if (alarm.name === REMINDER_ALARM) return serially(() => deliverDueReminders(Date.now()));
  if (alarm.name === DAY_TURN_ALARM) return serially(() => refresh(Date.now()));
  return Promise.resolve();
}

async function actOnFollowUp(id: string, action: 'done' | 'snooze'): Promise<void> {
  const now = Date.now();
  const after = await applyFollowUpAction(
    await database(),
    id,
    action === 'done' ? { kind: 'done' } : { kind: 'snooze', until: now + NOTIFICATION_SNOOZE_MS },
    now,
  );
  if (after) broadcastDataChanged({ accountKeys: [after.accountKey] });
  await followUpsChanged();
}

async function openPopupOrPage(): Promise<void> {
  const button = toolbarButton();
  if (button?.openPopup) {
    try {
      await button.openPopup();
      return;
    } catch {
      // No focused window to anchor the popup to (or Firefox wants a gesture): show the list in a tab.
    }
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
}

/** A click on a notification: "open" for a follow-up's, the popup's list for a summary. */
export async function onNotificationClicked(notificationId: string): Promise<void> {
  if (notificationId.startsWith(FOLLOW_UP_NOTIFICATION_PREFIX)) {
    await browser.notifications.clear(notificationId);
    await openFollowUp(notificationId.slice(FOLLOW_UP_NOTIFICATION_PREFIX.length));
  } else if (notificationId === SUMMARY_NOTIFICATION_ID) {
    await browser.notifications.clear(notificationId);
    await openPopupOrPage();
  }
}

/** Done (button 0) or Snooze 1 h (button 1) on a follow-up's notification. */
export async function onNotificationButtonClicked(
  notificationId: string,
  buttonIndex: number,
): Promise<void> {
  if (!notificationId.startsWith(FOLLOW_UP_NOTIFICATION_PREFIX)) return;
  await browser.notifications.clear(notificationId);
  const id = notificationId.slice(FOLLOW_UP_NOTIFICATION_PREFIX.length);
  if (buttonIndex === 0) await actOnFollowUp(id, 'done');
  else if (buttonIndex === 1) await actOnFollowUp(id, 'snooze');
}

export async function remindersStatus(now = Date.now()): Promise<RemindersStatus> {
  const settings = await readSettings();
  const [blocker, alarm, failure] = await Promise.all([
    reminderBlocker(settings),
    browser.alarms.get(REMINDER_ALARM),
    reminderFailureItem.get(),
  ]);
  const reason = blocker ?? (failure ? 'delivery-failed' : undefined);
  return {
    on: blocker === null,
    ...(reason ? { reason } : {}),
    ...(blocker === null && failure ? { detail: failure.message } : {}),
    nextReminderAt: alarm?.scheduledTime ?? null,
    quietUntil: quietHoursEndAfter(now, settings.quietHours),
  };
}

function logged(work: Promise<unknown>): void {
  work.catch((error: unknown) => console.warn('[dealside] reminders:', error));
}

interface EventLike<Listener> {
  addListener(listener: Listener): void;
}

/** Listens where the browser has the event: Firefox lacks some notification events, Chrome has them all. */
function listen<Listener>(event: EventLike<Listener> | undefined, listener: Listener): void {
  try {
    event?.addListener(listener);
  } catch (error) {
    console.warn('[dealside] this browser lacks an event reminders use', error);
  }
}

/** Registered once at the top of the service worker, so the browser can wake it for each event. */
export function registerReminders(): void {
  listen(browser.alarms.onAlarm, (alarm: Browser.alarms.Alarm) => logged(onReminderAlarm(alarm)));
  const notifications = browser.notifications as typeof browser.notifications | undefined;
  listen(notifications?.onClicked, (id: string) => logged(onNotificationClicked(id)));
  listen(notifications?.onButtonClicked, (id: string, index: number) =>
    logged(onNotificationButtonClicked(id, index)),
  );
  listen(notifications?.onPermissionLevelChanged, () => logged(followUpsChanged()));
  listen(browser.runtime.onStartup, () => logged(catchUpReminders()));
  listen(browser.runtime.onInstalled, () => logged(catchUpReminders()));
  // Quiet hours or the reminders switch changed in the options page.
  onSettingsChanged(() => logged(followUpsChanged()));
}
