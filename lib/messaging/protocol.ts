/**
 * Every message the extension's parts exchange, in one place. Senders import only these types; the
 * receiver validates each payload with the schema of the same name in ./schemas.ts.
 *
 * Directions:
 * - content script → background: page reports (untrusted, page-derived, only about the sender's own tab)
 * - extension pages (panel, side panel, popup, options) → background: reads and writes (privileged)
 * - background → extension pages: change events, so every open surface refreshes
 * - background → content script: layout commands for the in-page panel frame
 */
import type { AccountRecord, ContactRecord, FollowUpRecord, NoteRecord } from '../db/records';
import type { Playbook } from '../playbook/schema';
import type { PageContext, PageKind } from '../sites/types';

export interface ReportPageRequest {
  url: string;
  context: PageContext;
}

export interface FrameLayout {
  collapsed: boolean;
}

export interface PersonView {
  email: string;
  name?: string;
  accountKey: string;
}

export interface AccountView {
  key: string;
  /** The key as people read it (Unicode domain). */
  displayKey: string;
  /** Null until the rep first writes something for this account. */
  record: AccountRecord | null;
  /** People seen for this account, most recent first. */
  people: ContactRecord[];
}

export interface PanelState {
  /** The tab the panel is about; null when the side panel has no tab to follow. */
  tabId: number | null;
  page: { site: string; kind: PageKind; title?: string; url: string } | null;
  contact: PersonView | null;
  /** True when the rep picked this contact by hand for this page. */
  contactPicked: boolean;
  /** Other people on the page the rep can switch to. */
  others: PersonView[];
  account: AccountView | null;
  notes: NoteRecord[];
  followUps: FollowUpRecord[];
  askedQuestionIds: string[];
  /** Why there is no contact, for the log and the "no contact" state. */
  reason?: string;
}

export interface GetPanelStateRequest {
  /** The side panel names the tab it follows; the in-page frame omits it (its sender tab is used). */
  tabId?: number;
}

export interface PickContactRequest {
  /** As for getPanelState. */
  tabId?: number;
  /** The address the rep picked or typed; null returns to automatic detection. */
  email: string | null;
}

export type PickContactResult = { ok: true } | { ok: false; reason: 'invalid-email' | 'no-page' };

export interface SaveNoteRequest {
  id: string;
  accountKey: string;
  contactEmail?: string;
  kind: 'note' | 'call';
  body: string;
  /** The revision this edit started from; null for a note not saved before. */
  baseRevision: number | null;
}

export type SaveNoteResult =
  | { status: 'saved'; note: NoteRecord }
  | { status: 'deleted'; id: string }
  /** Someone else saved this note meanwhile: theirs stays, ours was kept as a new note. */
  | { status: 'conflict'; note: NoteRecord; theirs: NoteRecord };

/** Account changes from the panel; `contactEmail` records who the rep was looking at. */
interface AccountChange {
  accountKey: string;
  contactEmail?: string;
}

export interface SetStageRequest extends AccountChange {
  stageId: string;
  /** The UI language, for the titles of the follow-ups the cadence proposes. */
  locale: string;
}

export interface SetIndustryRequest extends AccountChange {
  industry: string;
}

export interface SetChecklistItemRequest extends AccountChange {
  stageId: string;
  itemId: string;
  done: boolean;
}

export interface LogQuestionRequest extends AccountChange {
  questionId: string;
  spinType: 'S' | 'P' | 'I' | 'N';
  /** False takes a mistaken "asked" back. */
  asked: boolean;
}

export interface AddFollowUpRequest extends AccountChange {
  title: string;
  /** Due instant, milliseconds since the epoch. */
  due: number;
}

export interface UpdateFollowUpRequest {
  id: string;
  action: 'done' | 'reopen' | 'accept' | 'dismiss' | 'snooze';
  /** For snooze: the new due instant. */
  until?: number;
}

export interface DataChangedEvent {
  accountKeys: string[];
}

export interface PageChangedEvent {
  tabId: number;
}

export interface ProtocolMap {
  // content script → background
  reportPage(request: ReportPageRequest): FrameLayout;
  // content script (its handle) or panel frame → background
  setPanelCollapsed(request: FrameLayout): void;
  // panel / side panel → background
  getPanelState(request: GetPanelStateRequest): PanelState;
  getPlaybook(request: Record<string, never>): Playbook;
  pickContact(request: PickContactRequest): PickContactResult;
  saveNote(request: SaveNoteRequest): SaveNoteResult;
  setStage(request: SetStageRequest): void;
  setIndustry(request: SetIndustryRequest): void;
  setChecklistItem(request: SetChecklistItemRequest): void;
  logQuestion(request: LogQuestionRequest): void;
  addFollowUp(request: AddFollowUpRequest): FollowUpRecord;
  updateFollowUp(request: UpdateFollowUpRequest): void;
  // background → extension pages
  dataChanged(event: DataChangedEvent): void;
  pageChanged(event: PageChangedEvent): void;
  playbookChanged(event: Record<string, never>): void;
  // background → content script
  applyFrameLayout(layout: FrameLayout): void;
}

export type MessageType = keyof ProtocolMap;
