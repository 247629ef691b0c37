/**
 * Files on their way between the options page and the background, held in the background's memory
 * between messages: an export waiting for the page to read its chunks, and an import arriving chunk by
 * chunk. Nothing here is written to disk; a service-worker restart forgets it, and the page then starts
 * over (an upload answers `upload-expired`).
 */
import { splitText } from './chunks';
import { MAX_IMPORT_CHARS, MAX_IMPORT_BYTES, MAX_TRANSFER_CHUNKS, TRANSFER_CHUNK_CHARS } from './limits';
import type { DealsideExport } from './format';
import type { ReadImportResult } from './read-import';
import type { ImportProblem, UploadImportChunkRequest, UploadImportChunkResult } from './types';

/** An export not read within this time is dropped (the page went away mid-download). */
const EXPORT_TTL_MS = 5 * 60 * 1000;
/** At most this many exports wait at once; the oldest goes first. */
const MAX_PENDING_EXPORTS = 3;

interface PendingExport {
  chunks: string[];
  read: Set<number>;
  expiresAt: number;
}

export class PendingExports {
  private readonly pending = new Map<string, PendingExport>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  hold(text: string): { exportId: string; chunkCount: number } {
    this.prune();
    while (this.pending.size >= MAX_PENDING_EXPORTS) this.pending.delete(this.pending.keys().next().value!);
    const exportId = this.newId();
    const chunks = splitText(text, TRANSFER_CHUNK_CHARS);
    this.pending.set(exportId, { chunks, read: new Set(), expiresAt: this.now() + EXPORT_TTL_MS });
    return { exportId, chunkCount: chunks.length };
  }

  /** One chunk; the export is forgotten once every chunk was read. Throws for an unknown export. */
  chunk(exportId: string, index: number): string {
    this.prune();
    const pending = this.pending.get(exportId);
    const text = pending?.chunks[index];
    if (!pending || text === undefined) throw new Error('This export is no longer available; export again.');
    pending.read.add(index);
    pending.expiresAt = this.now() + EXPORT_TTL_MS;
    if (pending.read.size === pending.chunks.length) this.pending.delete(exportId);
    return text;
  }

  get size(): number {
    return this.pending.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, pending] of this.pending) if (pending.expiresAt <= now) this.pending.delete(id);
  }
}

interface Upload {
  id: string;
  count: number;
  chunks: string[];
  chars: number;
  /** The validated file, once read (the text is dropped then). */
  read?: DealsideExport;
}

/** One import upload at a time: a new upload id replaces whatever was there. */
export class ImportUploads {
  private upload: Upload | null = null;

  receive(request: UploadImportChunkRequest): UploadImportChunkResult {
    const tooLarge: ImportProblem = { kind: 'too-large', limitBytes: MAX_IMPORT_BYTES };
    if (request.count > MAX_TRANSFER_CHUNKS || request.index >= request.count) {
      return { ok: false, problem: tooLarge };
    }
    if (request.index === 0 || this.upload?.id !== request.uploadId) {
      if (request.index !== 0) return { ok: false, problem: { kind: 'upload-expired' } };
      this.upload = { id: request.uploadId, count: request.count, chunks: [], chars: 0 };
    }
    const upload = this.upload;
    // Chunks arrive in order, one after another; anything else is a page that lost its place.
    if (request.count !== upload.count || request.index !== upload.chunks.length) {
      this.upload = null;
      return { ok: false, problem: { kind: 'upload-expired' } };
    }
    upload.chars += request.text.length;
    if (upload.chars > MAX_IMPORT_CHARS) {
      this.upload = null;
      return { ok: false, problem: tooLarge };
    }
    upload.chunks.push(request.text);
    return { ok: true, received: upload.chunks.length };
  }

  /**
   * The upload's validated content, read (once) with `read` when all chunks are in; `upload-expired`
   * when there is no such complete upload.
   */
  content(uploadId: string, read: (text: string) => ReadImportResult): ReadImportResult {
    const upload = this.upload;
    if (!upload || upload.id !== uploadId) return { ok: false, problem: { kind: 'upload-expired' } };
    if (upload.read !== undefined) return { ok: true, file: upload.read };
    if (upload.chunks.length !== upload.count) return { ok: false, problem: { kind: 'upload-expired' } };
    const result = read(upload.chunks.join(''));
    upload.chunks = [];
    if (result.ok) upload.read = result.file;
    else this.upload = null;
    return result;
  }

  /** Forgets the upload (after it was imported or the rep cancelled). */
  discard(uploadId?: string): void {
    if (uploadId === undefined || this.upload?.id === uploadId) this.upload = null;
  }
}
