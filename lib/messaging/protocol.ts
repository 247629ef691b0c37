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
import type { NoteRecord } from '../db/records';
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

export interface PanelState {
  /** The tab the panel is about; null when the side panel has no tab to follow. */
  tabId: number | null;
  page: { site: string; kind: PageKind; title?: string; url: string } | null;
  contact: PersonView | null;
  /** Other people on the page the rep can switch to. */
  others: PersonView[];
  account: { key: string; displayKey: string } | null;
  notes: NoteRecord[];
  /** Why there is no contact, for the log and the "no contact" state. */
  reason?: string;
}

export interface GetPanelStateRequest {
  /** The side panel names the tab it follows; the in-page frame omits it (its sender tab is used). */
  tabId?: number;
}

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

export interface DataChangedEvent {
  accountKeys: string[];
}

export interface PageChangedEvent {
  tabId: number;
}

export interface ProtocolMap {
  // content script → background
  reportPage(request: ReportPageRequest): FrameLayout;
  // panel / side panel → background
  getPanelState(request: GetPanelStateRequest): PanelState;
  saveNote(request: SaveNoteRequest): SaveNoteResult;
  setPanelCollapsed(request: FrameLayout): void;
  // background → extension pages
  dataChanged(event: DataChangedEvent): void;
  pageChanged(event: PageChangedEvent): void;
  // background → content script
  applyFrameLayout(layout: FrameLayout): void;
}

export type MessageType = keyof ProtocolMap;
