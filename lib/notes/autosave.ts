/**
 * Autosave for the note editor, free of any UI framework so it can be tested with fake timers.
 *
 * - Typing schedules a save after a short pause; `flush()` saves at once (blur, pagehide, hidden tab).
 * - One save is in flight at a time, each based on the revision the previous one returned, so a fast
 *   typist never conflicts with themself.
 * - A failed save (the service worker was stopped, the extension updated) keeps the text and retries
 *   with backoff; nothing typed is dropped.
 * - Whether the note is private goes with every save. Changing it saves at once, on the same revisions
 *   as the text; a note not saved yet takes it with its first save.
 */
import type { SaveNoteRequest, SaveNoteResult } from '../messaging/protocol';
import { errorText } from '../error-text';

export const AUTOSAVE_DELAY_MS = 400;
const RETRY_DELAYS_MS = [500, 1000, 2000, 5000];

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'conflict' }
  /** `storageFull`: the browser has no room left; the text stays in the editor and saving is retried. */
  | { state: 'error'; message: string; storageFull?: boolean };

/** Which account (and person) and which kind of note the editor writes. */
export type AutosaveTarget = Pick<SaveNoteRequest, 'accountKey' | 'contactEmail' | 'kind'>;

export interface AutosaveDeps {
  save(request: SaveNoteRequest): Promise<SaveNoteResult>;
  newId(): string;
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  onStatus(status: AutosaveStatus): void;
  /**
   * Told the save that would be sent for text not yet saved (null once everything is saved), as the rep
   * types. The panel hands it to the background over a port, which saves it if the frame goes away
   * before the autosave delay is up (a closed tab sends no more messages). `buildsOn` is the save still
   * on its way when the text was typed: the draft continues it, so the background lands that save first
   * and the draft on the revision it returns, instead of storing the draft as a conflicting copy.
   */
  onPendingDraft?(draft: SaveNoteRequest | null, buildsOn?: SaveNoteRequest): void;
}

export class NoteAutosave {
  private id: string;
  private baseRevision: number | null = null;
  private savedBody = '';
  private body = '';
  /** Whether the note is to be private, and whether it is as last saved (or opened). */
  private isPrivate = false;
  private savedPrivate = false;
  private timer: unknown;
  private inFlight: Promise<void> | undefined;
  /** The request of the save in flight, while there is one. */
  private inFlightRequest: SaveNoteRequest | undefined;
  private failures = 0;

  constructor(
    private target: AutosaveTarget,
    private readonly deps: AutosaveDeps,
  ) {
    this.id = deps.newId();
  }

  /** Which note the editor is on, and the revision it was loaded at. */
  get noteId(): string {
    return this.id;
  }

  /** The revision the editor's text builds on (as opened or last saved); null for a note not saved yet. */
  get revision(): number | null {
    return this.baseRevision;
  }

  /** Starts a fresh note for this target (after flushing the current one). */
  startNew(target: AutosaveTarget = this.target): void {
    this.deps.onPendingDraft?.(null);
    this.target = target;
    this.id = this.deps.newId();
    this.baseRevision = null;
    this.savedBody = '';
    this.body = '';
    this.isPrivate = false;
    this.savedPrivate = false;
    this.deps.onStatus({ state: 'idle' });
  }

  /** Opens a saved note for editing. */
  open(
    note: { id: string; body: string; revision: number; kind: 'note' | 'call'; private?: boolean },
    target: AutosaveTarget,
  ): void {
    this.deps.onPendingDraft?.(null);
    this.target = { ...target, kind: note.kind };
    this.id = note.id;
    this.baseRevision = note.revision;
    this.savedBody = note.body;
    this.body = note.body;
    this.isPrivate = note.private === true;
    this.savedPrivate = this.isPrivate;
    this.deps.onStatus({ state: 'saved' });
  }

  /** Whether the note in the editor is private (kept in this browser, never synced). */
  get private(): boolean {
    return this.isPrivate;
  }

  /**
   * The rep made the note private, or shared it again: saved at once for a saved note or typed text; a
   * note with no text yet takes it with its first save. Resolves as `flush()` does.
   */
  async setPrivate(value: boolean): Promise<void> {
    if (value !== this.isPrivate) {
      this.isPrivate = value;
      if (!this.dirty) return;
      this.deps.onPendingDraft?.(this.requestFor(this.body), this.inFlightRequest);
      this.deps.onStatus({ state: 'pending' });
    }
    await this.flush();
  }

  /** The text changed. */
  update(body: string): void {
    this.body = body;
    if (!this.dirty) return;
    this.deps.onPendingDraft?.(this.requestFor(body), this.inFlightRequest);
    this.deps.onStatus({ state: 'pending' });
    this.schedule(AUTOSAVE_DELAY_MS);
  }

  /** True while typed text (or a saved note's privacy) has not reached the background. */
  get dirty(): boolean {
    if (this.body !== this.savedBody) return true;
    // Privacy is the note's: nothing to save for a note not saved yet, or emptied (emptying deletes).
    return this.baseRevision !== null && this.body.trim() !== '' && this.isPrivate !== this.savedPrivate;
  }

  /** Saves now; resolves when everything typed so far is saved (or has failed and will be retried). */
  async flush(): Promise<void> {
    this.cancelTimer();
    while (this.inFlight) await this.inFlight;
    if (!this.dirty) return;
    this.inFlight = this.saveOnce().finally(() => {
      this.inFlight = undefined;
    });
    await this.inFlight;
  }

  dispose(): void {
    this.cancelTimer();
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.deps.setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.deps.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private requestFor(body: string): SaveNoteRequest {
    return {
      id: this.id,
      accountKey: this.target.accountKey,
      ...(this.target.contactEmail ? { contactEmail: this.target.contactEmail } : {}),
      kind: this.target.kind,
      body,
      baseRevision: this.baseRevision,
      private: this.isPrivate,
    };
  }

  private async saveOnce(): Promise<void> {
    const body = this.body;
    const id = this.id;
    const isPrivate = this.isPrivate;
    const request = this.requestFor(body);
    this.deps.onStatus({ state: 'saving' });
    this.inFlightRequest = request;
    try {
      const result = await this.deps.save(request);
      this.inFlightRequest = undefined;
      this.failures = 0;
      if (id !== this.id) return; // The editor moved to another note while this one was saving.
      if (result.status === 'deleted') {
        this.baseRevision = null;
        this.savedPrivate = isPrivate;
      } else {
        this.id = result.note.id;
        this.baseRevision = result.note.revision;
        // As stored: a note another window had saved with this very text keeps its privacy, and the
        // rep's choice is then saved again on its revision.
        this.savedPrivate = result.note.private === true;
      }
      this.savedBody = body;
      this.deps.onStatus({ state: result.status === 'conflict' ? 'conflict' : 'saved' });
      // What is still unsaved now builds on the revision just returned.
      this.deps.onPendingDraft?.(this.dirty ? this.requestFor(this.body) : null);
      if (this.dirty) this.schedule(AUTOSAVE_DELAY_MS);
    } catch (error) {
      this.inFlightRequest = undefined;
      // The save did not land: what is unsaved builds on the same revision as before.
      if (id === this.id && this.dirty) this.deps.onPendingDraft?.(this.requestFor(this.body));
      const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)]!;
      this.failures += 1;
      this.deps.onStatus({
        state: 'error',
        message: errorText(error),
        ...(error instanceof Error && error.name === 'StorageFull' ? { storageFull: true } : {}),
      });
      this.schedule(delay);
    }
  }
}
