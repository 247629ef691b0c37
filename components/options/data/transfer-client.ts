/**
 * The options page's side of moving files: an export is read from the background chunk by chunk and
 * saved with a download link (a Blob URL made here, in the page: no network); an import file is read
 * here and sent to the background in chunks, which validates it (the receiver checks, never the sender).
 */
import { splitText } from '@/lib/data-transfer/chunks';
import { MAX_IMPORT_BYTES, TRANSFER_CHUNK_CHARS } from '@/lib/data-transfer/limits';
import type { ExportKind, ImportProblem, PreparedExport } from '@/lib/data-transfer/types';
import { sendMessage } from '@/lib/messaging/messenger';
import { saveBlob } from '../../shared/save-blob';

export interface SavedExport extends PreparedExport {
  bytes: number;
}

export async function downloadExport(kind: ExportKind, locale: string): Promise<SavedExport> {
  const prepared = await sendMessage('prepareExport', { kind, locale });
  const parts: string[] = [];
  for (let index = 0; index < prepared.chunkCount; index++) {
    parts.push((await sendMessage('readExportChunk', { exportId: prepared.exportId, index })).text);
  }
  const blob = new Blob(parts, { type: prepared.mimeType });
  saveBlob(blob, prepared.fileName);
  return { ...prepared, bytes: blob.size };
}

export class ImportFileError extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.kind);
    this.name = 'ImportFileError';
  }
}

/** Reads a chosen file as text, refusing an oversized one before reading a byte of it. */
export async function readImportFile(file: Blob): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportFileError({ kind: 'too-large', limitBytes: MAX_IMPORT_BYTES });
  }
  return file.text();
}

/** Sends the file's text to the background; returns the upload's id for preview and import. */
export async function uploadImportText(text: string): Promise<string> {
  const uploadId = crypto.randomUUID();
  const chunks = splitText(text, TRANSFER_CHUNK_CHARS);
  for (let index = 0; index < chunks.length; index++) {
    const answer = await sendMessage('uploadImportChunk', {
      uploadId,
      index,
      count: chunks.length,
      text: chunks[index]!,
    });
    if (!answer.ok) throw new ImportFileError(answer.problem);
  }
  return uploadId;
}
