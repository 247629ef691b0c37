/**
 * What the rep writes from a panel: notes, the account's stage, industry and checklist, the roles of
 * its people, SPIN questions asked, and follow-ups (the popup marks follow-ups done too). Each write tells every open panel on the
 * account, and records the person the rep was looking at.
 */
import {
  addFollowUp,
  applyFollowUpAction,
  deleteFollowUp,
  editFollowUp,
  restoreFollowUp,
  type FollowUpAction,
} from '../../db/follow-ups';
import { browserLocale, businessDaysLaterAt, weekendFor } from '../../dates/business-days';
import { getAccount, updateAccount } from '../../db/accounts';
import { addDeal, changeDealStage, closeDeal, editDeal, tickDealChecklist } from '../../db/deals';
import { accountKeyForEmail } from '../../contact/account-key';
import { normalizeEmail } from '../../contact/email';
import { setContactRoles } from '../../db/contact-roles';
import { listNotesBefore, saveNoteEdit, type NoteSaveOutcome } from '../../db/notes';
import { readAuthorIn } from '../../db/private-items';
import { logQuestionAsked, undoQuestionAsked } from '../../db/question-log';
import type { ContactRecord, DealRecord, FollowUpRecord, NoteRecord } from '../../db/records';
import type { PayloadOf } from '../../messaging/messages';
import { cadenceFor, followedIndustry } from '../../playbook/industries';
import { GENERAL_INDUSTRY } from '../../playbook/schema';
import { localized } from '../../playbook/text';
import { broadcastDataChanged } from '../broadcast';
import { database } from '../db-connection';
import { personSeen } from '../person';
import { readPlaybook } from '../playbook-store';
import { followUpsChanged } from '../reminders';
import type { Handlers } from '../router';
import { panelTabId } from '../sender';
import { privateItemsDb } from '../private-items-db';
import { readSettings } from '../settings-store';
import { currentAuthor } from '../author';

/**
 * Saves one autosaved note edit and tells every open panel on that account. When the save wrote the note
 * alone (no new account, no person seen for the first time), the event says so: screens without notes
 * ignore it, and the saving panel, which shows the note from this answer, does not reload.
 */
export async function saveNote(
  { savedBy, ...request }: PayloadOf<'saveNote'>,
  tabId?: number,
): Promise<NoteSaveOutcome> {
  const contact = await personSeen(request.accountKey, request.contactEmail, tabId);
  let notesOnly = false;
  const outcome = await saveNoteEdit(
    // The settings the author comes from are read in the save's transaction (after any move of them
    // out of `storage.local`).
    await privateItemsDb(),
    { ...request, contactEmail: contact?.email, contact, author: readAuthorIn },
    Date.now(),
    () => crypto.randomUUID(),
    (changes) => (notesOnly = changes.every((change) => change.store === 'notes')),
  );
  broadcastDataChanged({
    accountKeys: [request.accountKey],
    ...(notesOnly ? { notesOnly: true, ...(savedBy ? { savedBy } : {}) } : {}),
  });
  return outcome;
}

/** The next page of an account's notes, below the oldest one a panel shows. */
export async function listOlderNotes(request: PayloadOf<'listOlderNotes'>): Promise<NoteRecord[]> {
  return listNotesBefore(await database(), request.accountKey, request.before, request.limit);
}

/**
 * The follow-ups a stage's cadence proposes on entering it, in the rep's language and working days. The
 * account's industry picks the cadence: its own for this stage when the playbook has one.
 */
async function cadenceProposals(accountKey: string, stageId: string, locale: string, now: number) {
  const playbook = await readPlaybook();
  if (!playbook.stages.some((stage) => stage.id === stageId)) {
    throw new Error(`The playbook has no stage "${stageId}".`);
  }
  const industry = followedIndustry(playbook, (await getAccount(await database(), accountKey))?.industry);
  const cadence = cadenceFor(playbook, stageId, industry);
  // Steps count business days on the local calendar and fall due at 9:00, when a rep starts work.
  const weekend = weekendFor((await readSettings()).weekendDays, browserLocale());
  return (cadence?.steps ?? []).map((step) => ({
    stepId: step.id,
    title: localized(step.title, locale),
    due: businessDaysLaterAt(new Date(now), step.offsetDays, weekend).getTime(),
  }));
}

/** Moves a deal (or an account's first deal) to a stage, proposing the stage's cadence. */
export async function setStage(
  request: PayloadOf<'setStage'>,
  now = Date.now(),
  tabId?: number,
): Promise<void> {
  await changeDealStage(
    await database(),
    {
      accountKey: request.accountKey,
      ...(request.dealId ? { dealId: request.dealId } : {}),
      stageId: request.stageId,
      person: await personSeen(request.accountKey, request.contactEmail, tabId),
      proposals: await cadenceProposals(request.accountKey, request.stageId, request.locale, now),
      author: await currentAuthor(),
    },
    now,
    () => crypto.randomUUID(),
  );
  broadcastDataChanged({ accountKeys: [request.accountKey] });
  // Proposals are neither counted nor announced, but a stage change dismisses earlier ones: recount.
  void followUpsChanged();
}

/** Adds a deal to the account, in the stage asked for or the playbook's first, with that stage's cadence. */
export async function addDealFor(
  request: PayloadOf<'addDeal'>,
  now = Date.now(),
  tabId?: number,
): Promise<DealRecord> {
  const playbook = await readPlaybook();
  const stageId = request.stageId ?? playbook.stages[0]!.id;
  const deal = await addDeal(
    await database(),
    {
      accountKey: request.accountKey,
      title: request.title,
      value: request.value,
      currency: request.currency,
      closeDate: request.closeDate,
      // Entering the first stage is a stage move like any other: its event and its cadence.
      stageId,
      proposals: await cadenceProposals(request.accountKey, stageId, request.locale, now),
      person: await personSeen(request.accountKey, request.contactEmail, tabId),
      author: await currentAuthor(),
    },
    now,
    () => crypto.randomUUID(),
  );
  broadcastDataChanged({ accountKeys: [request.accountKey] });
  void followUpsChanged();
  return deal;
}

export async function editDealFor(request: PayloadOf<'editDeal'>): Promise<DealRecord> {
  const { id, ...fields } = request;
  const deal = await editDeal(await database(), id, fields, Date.now());
  broadcastDataChanged({ accountKeys: [deal.accountKey] });
  return deal;
}

/** Won, lost or open again; a lost reason must be one the playbook lists. */
export async function closeDealFor(request: PayloadOf<'closeDeal'>): Promise<DealRecord> {
  if (request.outcome === 'lost') {
    const { lostReasons } = await readPlaybook();
    if (!lostReasons.some((reason) => reason.id === request.lostReason)) {
      throw new Error(`The playbook has no lost reason "${request.lostReason}".`);
    }
  }
  const { id, ...closing } = request;
  const deal = await closeDeal(await database(), id, closing, Date.now());
  broadcastDataChanged({ accountKeys: [deal.accountKey] });
  // Closing dismisses the deal's proposed follow-ups.
  void followUpsChanged();
  return deal;
}

/** Sets the account's industry: `general` or one the playbook lists. */
export async function setIndustry(request: PayloadOf<'setIndustry'>, tabId?: number): Promise<void> {
  const playbook = await readPlaybook();
  if (
    request.industry !== GENERAL_INDUSTRY &&
    !playbook.industries.some((industry) => industry.id === request.industry)
  ) {
    throw new Error(`The playbook has no industry "${request.industry}".`);
  }
  await updateAccount(
    await database(),
    request.accountKey,
    Date.now(),
    (account) => ({ ...account, industry: request.industry }),
    await personSeen(request.accountKey, request.contactEmail, tabId),
  );
  broadcastDataChanged({ accountKeys: [request.accountKey] });
}

export async function setChecklistItem(
  request: PayloadOf<'setChecklistItem'>,
  tabId?: number,
): Promise<void> {
  await tickDealChecklist(
    await database(),
    {
      accountKey: request.accountKey,
      ...(request.dealId ? { dealId: request.dealId } : {}),
      stageId: request.stageId,
      itemId: request.itemId,
      done: request.done,
      person: await personSeen(request.accountKey, request.contactEmail, tabId),
      author: await currentAuthor(),
    },
    Date.now(),
    () => crypto.randomUUID(),
  );
  broadcastDataChanged({ accountKeys: [request.accountKey] });
}

/** Sets the roles one of the account's people plays in the purchase; tells every open panel on it. */
export async function setContactRolesFor(
  request: PayloadOf<'setContactRoles'>,
  tabId?: number,
): Promise<ContactRecord> {
  const email = normalizeEmail(request.email);
  if (!email) throw new Error(`"${request.email}" is not an email address.`);
  const person = await personSeen(request.accountKey, email, tabId);
  const aliases = (await readSettings()).accountAliases;
  const contact = await setContactRoles(
    await database(),
    {
      accountKey: request.accountKey,
      person: person ?? { email, accountKey: request.accountKey },
      addressAccountKey: accountKeyForEmail(email, { aliases }),
      roles: request.roles,
    },
    Date.now(),
  );
  broadcastDataChanged({ accountKeys: [request.accountKey] });
  return contact;
}

export async function logQuestion(request: PayloadOf<'logQuestion'>, tabId?: number): Promise<void> {
  const db = await database();
  const now = Date.now();
  if (request.asked) {
    // Asking a question is work on the deal: the account exists from then on.
    await updateAccount(
      db,
      request.accountKey,
      now,
      (account) => account,
      await personSeen(request.accountKey, request.contactEmail, tabId),
    );
    const author = await currentAuthor();
    await logQuestionAsked(db, {
      accountKey: request.accountKey,
      questionId: request.questionId,
      spinType: request.spinType,
      askedAt: now,
      ...(author ? { author } : {}),
    });
  } else {
    await undoQuestionAsked(db, request.accountKey, request.questionId);
  }
  broadcastDataChanged({ accountKeys: [request.accountKey] });
}

/** Adds a follow-up the rep wrote and tells every open panel on that account. */
export async function addFollowUpFor(
  request: PayloadOf<'addFollowUp'>,
  tabId?: number,
): Promise<FollowUpRecord> {
  const followUp = await addFollowUp(
    await database(),
    {
      accountKey: request.accountKey,
      ...(request.dealId ? { dealId: request.dealId } : {}),
      title: request.title.trim(),
      due: request.due,
      person: await personSeen(request.accountKey, request.contactEmail, tabId),
      author: await currentAuthor(),
    },
    Date.now(),
    crypto.randomUUID(),
  );
  broadcastDataChanged({ accountKeys: [request.accountKey] });
  void followUpsChanged();
  return followUp;
}

function actionOf(request: PayloadOf<'updateFollowUp'>): FollowUpAction {
  if (request.action !== 'snooze') return { kind: request.action };
  if (request.until === undefined) throw new Error('Snoozing needs a time to snooze until.');
  return { kind: 'snooze', until: request.until };
}

/** Done, reopen, snooze, accept or dismiss; tells every open panel on the follow-up's account. */
export async function updateFollowUp(request: PayloadOf<'updateFollowUp'>): Promise<void> {
  const db = await database();
  const before = await db.get('followUps', request.id);
  const after = await applyFollowUpAction(db, request.id, actionOf(request), Date.now());
  const accountKey = after?.accountKey ?? (before as { accountKey?: string } | undefined)?.accountKey;
  if (accountKey) broadcastDataChanged({ accountKeys: [accountKey] });
  void followUpsChanged();
}

/** Changes a follow-up's title and due time; tells every open panel on its account. */
export async function editFollowUpFor(request: PayloadOf<'editFollowUp'>): Promise<FollowUpRecord | null> {
  const edited = await editFollowUp(
    await database(),
    request.id,
    { title: request.title.trim(), due: request.due },
    Date.now(),
  );
  if (!edited) throw new Error('This follow-up no longer exists.');
  broadcastDataChanged({ accountKeys: [edited.accountKey] });
  void followUpsChanged();
  return edited;
}

/** Deletes a follow-up and answers with the row as it was, for the panel's undo. */
export async function deleteFollowUpFor(
  request: PayloadOf<'deleteFollowUp'>,
): Promise<FollowUpRecord | null> {
  const deleted = await deleteFollowUp(await database(), request.id);
  if (deleted) broadcastDataChanged({ accountKeys: [deleted.accountKey] });
  // Its reminder, the badge and "today" must forget it.
  void followUpsChanged();
  return deleted ?? null;
}

/** The undo of a delete: puts the row back exactly as it was. */
export async function restoreFollowUpFor(request: PayloadOf<'restoreFollowUp'>): Promise<void> {
  const restored = await restoreFollowUp(await database(), request.followUp, Date.now());
  broadcastDataChanged({ accountKeys: [restored.accountKey] });
  void followUpsChanged();
}

export const panelWriteHandlers = {
  saveNote: (request, caller) => saveNote(request, panelTabId(caller)),
  listOlderNotes: (request) => listOlderNotes(request),
  addDeal: (request, caller) => addDealFor(request, Date.now(), panelTabId(caller)),
  editDeal: (request) => editDealFor(request),
  closeDeal: (request) => closeDealFor(request),
  setStage: (request, caller) => setStage(request, Date.now(), panelTabId(caller)),
  setIndustry: (request, caller) => setIndustry(request, panelTabId(caller)),
  setChecklistItem: (request, caller) => setChecklistItem(request, panelTabId(caller)),
  setContactRoles: (request, caller) => setContactRolesFor(request, panelTabId(caller)),
  logQuestion: (request, caller) => logQuestion(request, panelTabId(caller)),
  addFollowUp: (request, caller) => addFollowUpFor(request, panelTabId(caller)),
  updateFollowUp: (request) => updateFollowUp(request),
  editFollowUp: (request) => editFollowUpFor(request),
  deleteFollowUp: (request) => deleteFollowUpFor(request),
  restoreFollowUp: (request) => restoreFollowUpFor(request),
} satisfies Partial<Handlers>;
