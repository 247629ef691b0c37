/**
 * What the panel's sections ask of the background, with the account and contact filled in. A failed
 * write throws: callers show the message where the rep acted, and nothing is half-applied.
 */
import { sendMessage } from './messaging/messenger';
import type { BuyingRole } from './contact/buying-roles';
import type { FollowUpRecord } from './db/records';
import type {
  AddDealRequest,
  AddFollowUpRequest,
  CloseDealRequest,
  EditDealRequest,
  EditFollowUpRequest,
  UpdateFollowUpRequest,
} from './messaging/protocol';

/** What the rep does with a note's version from another device. */
export type NoteConflictAction = 'keep' | 'merge' | 'discard';

export interface AccountTarget {
  accountKey: string;
  contactEmail?: string;
  /** The deal the panel shows; stage, checklist and follow-up writes go to it. */
  dealId?: string;
}

/** The account and person without the deal, for writes about the account as a whole. */
function accountOnly({ accountKey, contactEmail }: AccountTarget) {
  return contactEmail === undefined ? { accountKey } : { accountKey, contactEmail };
}

export const panelActions = {
  setStage: (target: AccountTarget, stageId: string, locale: string) =>
    sendMessage('setStage', { ...target, stageId, locale }),
  setIndustry: (target: AccountTarget, industry: string) =>
    sendMessage('setIndustry', { ...accountOnly(target), industry }),
  setChecklistItem: (target: AccountTarget, stageId: string, itemId: string, done: boolean) =>
    sendMessage('setChecklistItem', { ...target, stageId, itemId, done }),
  setContactRoles: (accountKey: string, email: string, roles: readonly BuyingRole[]) =>
    sendMessage('setContactRoles', { accountKey, email, roles: [...roles] }),
  logQuestion: (target: AccountTarget, questionId: string, spinType: 'S' | 'P' | 'I' | 'N', asked: boolean) =>
    sendMessage('logQuestion', { ...accountOnly(target), questionId, spinType, asked }),
  addDeal: (target: AccountTarget, deal: Omit<AddDealRequest, 'accountKey' | 'contactEmail'>) =>
    sendMessage('addDeal', { ...accountOnly(target), ...deal }),
  editDeal: (request: EditDealRequest) => sendMessage('editDeal', request),
  closeDeal: (request: CloseDealRequest) => sendMessage('closeDeal', request),
  addFollowUp: (target: AccountTarget, followUp: Omit<AddFollowUpRequest, 'accountKey' | 'contactEmail'>) =>
    sendMessage('addFollowUp', { ...target, ...followUp }),
  updateFollowUp: (request: UpdateFollowUpRequest) => sendMessage('updateFollowUp', request),
  editFollowUp: (request: EditFollowUpRequest) => sendMessage('editFollowUp', request),
  deleteFollowUp: (id: string) => sendMessage('deleteFollowUp', { id }),
  restoreFollowUp: (followUp: FollowUpRecord) => sendMessage('restoreFollowUp', { followUp }),
  /** A note's version from another device (sync): made the note's text, added below it, or dropped. */
  resolveNoteConflict: (noteId: string, rev: string, action: NoteConflictAction, baseRevision?: number) =>
    sendMessage('resolveNoteConflict', {
      noteId,
      rev,
      action,
      ...(baseRevision === undefined ? {} : { baseRevision }),
    }),
};
