import { describe, expect, it } from 'vitest';
import { bytesToBase64, textDataUrl } from '../../../lib/data-transfer/base64';
import { splitText } from '../../../lib/data-transfer/chunks';
import { MAX_IMPORT_CHARS, TRANSFER_CHUNK_CHARS } from '../../../lib/data-transfer/limits';
import { readImportText } from '../../../lib/data-transfer/read-import';
import { ImportUploads, PendingExports } from '../../../lib/data-transfer/transfer-sessions';
import { sampleFile } from './rows';

describe('splitting text for messages', () => {
  it('cuts into pieces that join back, never between the halves of a surrogate pair', () => {
    const text = 'ab🚚cd🚀e';
    for (let size = 2; size <= text.length + 1; size++) {
      const chunks = splitText(text, size);
      expect(chunks.join('')).toBe(text);
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(size);
        expect(chunk).toBe(chunk.toWellFormed());
      }
    }
    expect(splitText('', 10)).toEqual(['']);
  });
});

describe('base64 for data: URLs', () => {
  it('encodes UTF-8 text as the browser would decode it', () => {
    const text = 'Dealside 客户 🚚 '.repeat(5000);
    const url = textDataUrl(text, 'application/json');
    expect(url.startsWith('data:application/json;base64,')).toBe(true);
    const decoded = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8');
    expect(decoded).toBe(text);
    expect(bytesToBase64(new Uint8Array([1, 2, 3, 4]))).toBe(Buffer.from([1, 2, 3, 4]).toString('base64'));
  });
});

describe('an export waiting for the page', () => {
  it('hands out its chunks and forgets it once all were read', () => {
    const exports = new PendingExports(
      () => 0,
      () => 'e1',
    );
    const text = 'x'.repeat(TRANSFER_CHUNK_CHARS * 2 + 5);
    expect(exports.hold(text)).toEqual({ exportId: 'e1', chunkCount: 3 });
    const parts = [exports.chunk('e1', 0), exports.chunk('e1', 2), exports.chunk('e1', 1)];
    expect(parts[0]! + parts[2]! + parts[1]!).toBe(text);
    expect(exports.size).toBe(0);
    expect(() => exports.chunk('e1', 0)).toThrow(/no longer available/);
  });

  it('drops an export nobody reads, and keeps at most three waiting', () => {
    let now = 0;
    let id = 0;
    const exports = new PendingExports(
      () => now,
      () => `e${++id}`,
    );
    exports.hold('a');
    now += 5 * 60 * 1000;
    expect(() => exports.chunk('e1', 0)).toThrow();
    for (let index = 0; index < 5; index++) exports.hold('b');
    expect(exports.size).toBe(3);
  });
});

describe('an import arriving in chunks', () => {
  const text = JSON.stringify(sampleFile());
  const chunks = splitText(text, 100);

  function upload(uploads: ImportUploads, id = 'u1') {
    chunks.forEach((chunk, index) =>
      expect(uploads.receive({ uploadId: id, index, count: chunks.length, text: chunk })).toEqual({
        ok: true,
        received: index + 1,
      }),
    );
  }

  it('is read once complete, and the validated file serves preview and import alike', () => {
    const uploads = new ImportUploads();
    upload(uploads);
    let reads = 0;
    const read = (whole: string) => {
      reads++;
      return readImportText(whole);
    };
    const first = uploads.content('u1', read);
    expect(first.ok).toBe(true);
    expect(uploads.content('u1', read)).toEqual(first);
    expect(reads).toBe(1);
    uploads.discard('u1');
    expect(uploads.content('u1', read)).toEqual({ ok: false, problem: { kind: 'upload-expired' } });
  });

  it('says an incomplete, out-of-order or unknown upload has expired', () => {
    const uploads = new ImportUploads();
    expect(uploads.receive({ uploadId: 'u1', index: 1, count: 3, text: 'x' })).toEqual({
      ok: false,
      problem: { kind: 'upload-expired' },
    });
    uploads.receive({ uploadId: 'u1', index: 0, count: 3, text: 'x' });
    expect(uploads.content('u1', readImportText)).toEqual({ ok: false, problem: { kind: 'upload-expired' } });
    expect(uploads.receive({ uploadId: 'u1', index: 2, count: 3, text: 'x' })).toMatchObject({ ok: false });
    expect(uploads.content('other', readImportText)).toMatchObject({ problem: { kind: 'upload-expired' } });
  });

  it('a new upload replaces the old one', () => {
    const uploads = new ImportUploads();
    upload(uploads, 'u1');
    upload(uploads, 'u2');
    expect(uploads.content('u1', readImportText)).toMatchObject({ ok: false });
    expect(uploads.content('u2', readImportText)).toMatchObject({ ok: true });
  });

  it('refuses to hold more than the size limit', () => {
    const uploads = new ImportUploads();
    const big = 'x'.repeat(TRANSFER_CHUNK_CHARS);
    const count = Math.ceil(MAX_IMPORT_CHARS / TRANSFER_CHUNK_CHARS) + 1;
    let last;
    for (let index = 0; index < count; index++) {
      last = uploads.receive({ uploadId: 'big', index, count, text: big });
      if (!last.ok) break;
    }
    expect(last).toEqual({ ok: false, problem: { kind: 'too-large', limitBytes: MAX_IMPORT_CHARS } });
    expect(uploads.receive({ uploadId: 'x', index: 0, count: 10_000, text: '' })).toMatchObject({
      problem: { kind: 'too-large' },
    });
  });
});
