/**
 * What the panel's sections ask of the background, with the account and contact filled in. A failed
 * write throws: callers show the message where the rep acted, and nothing is half-applied.
 */
import { sendMessage } from './messaging/messenger';
import type { BuyingRole } from './contact/buying-roles';
import type { FollowUpRecord } from './db/records';
import type { AddFollowUpRequest, EditFollowUpRequest, UpdateFollowUpRequest } from './messaging/protocol';

export interface AccountTarget {
  accountKey: string;
  contactEmail?: string;
}

export const panelActions = {
  setStage: (target: AccountTarget, stageId: string, locale: string) =>
    sendMessage('setStage', { ...target, stageId, locale }),
  setIndustry: (target: AccountTarget, industry: string) =>
    sendMessage('setIndustry', { ...target, industry }),
  setChecklistItem: (target: AccountTarget, stageId: string, itemId: string, done: boolean) =>
    sendMessage('setChecklistItem', { ...target, stageId, itemId, done }),
  setContactRoles: (accountKey: string, email: string, roles: readonly BuyingRole[]) =>
    sendMessage('setContactRoles', { accountKey, email, roles: [...roles] }),
  logQuestion: (target: AccountTarget, questionId: string, spinType: 'S' | 'P' | 'I' | 'N', asked: boolean) =>
    sendMessage('logQuestion', { ...target, questionId, spinType, asked }),
  addFollowUp: (target: AccountTarget, followUp: Omit<AddFollowUpRequest, 'accountKey' | 'contactEmail'>) =>
    sendMessage('addFollowUp', { ...target, ...followUp }),
  updateFollowUp: (request: UpdateFollowUpRequest) => sendMessage('updateFollowUp', request),
  editFollowUp: (request: EditFollowUpRequest) => sendMessage('editFollowUp', request),
  deleteFollowUp: (id: string) => sendMessage('deleteFollowUp', { id }),
  restoreFollowUp: (followUp: FollowUpRecord) => sendMessage('restoreFollowUp', { followUp }),
};
