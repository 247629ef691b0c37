/**
 * Measures export and import at a heavy rep's scale: 10,000 accounts and 100,000 notes (plus a person
 * per account and a follow-up per five notes), through the background's handlers as the options page drives them:
 * export read in chunks, then a wipe, then the file uploaded in chunks, previewed and imported, then
 * imported again. Prints the figures and asserts only on results, never on time. fake-indexeddb is far
 * slower than the browser's IndexedDB (writing is most of its time).
 *
 * The default suite runs a tenth of that size to stay quick; the full figures come from
 * DEALSIDE_SCALE_ACCOUNTS=10000 DEALSIDE_SCALE_NOTES=100000 npx vitest run tests/unit/data-transfer/scale.test.ts
 */
import { describe, expect, it, vi } from 'vitest';
import { TRANSFER_CHUNK_CHARS } from '../../../lib/data-transfer/limits';
import { splitText } from '../../../lib/data-transfer/chunks';
import { DATA_STORES } from '../../../lib/data-transfer/format';
import { account, contact, deal, followUp, note, T0 } from './rows';

vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: async () => undefined,
  onMessage: () => () => undefined,
}));

const { database } = await import('../../../lib/background/db-connection');
const handlers = await import('../../../lib/background/handlers/options-data');

const ACCOUNTS = Number(process.env.DEALSIDE_SCALE_ACCOUNTS ?? 1_000);
const NOTES = Number(process.env.DEALSIDE_SCALE_NOTES ?? 10_000);
const FOLLOW_UPS = Math.round(NOTES / 5);

const BODY =
  'Discovery call with the operations lead. Three warehouses, pilot in Q3; budget owner is the COO. ' +
  '客户关心交付周期和售后服务,下周发送方案。Next: ROI summary and a reference customer in logistics 🚚';

async function timed<T>(label: string, report: string[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  report.push(`${label}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return result;
}

describe(`scale: ${ACCOUNTS.toLocaleString('en')} accounts, ${NOTES.toLocaleString('en')} notes`, () => {
  it('exports, wipes and imports everything back, once', { timeout: 600_000 }, async () => {
    const report: string[] = [];
    const db = await database();
    for (const store of DATA_STORES) await db.clear(store);
    const key = (index: number) => `customer-${index}.example`;

    await timed('seed', report, async () => {
      const tx = db.transaction(['accounts', 'deals', 'contacts', 'notes', 'followUps'], 'readwrite');
      for (let index = 0; index < ACCOUNTS; index++) {
        void tx.objectStore('accounts').put(account(key(index), { displayName: `Customer ${index}` }));
        void tx
          .objectStore('deals')
          .put(deal(`deal-${index}`, key(index), { title: `Customer ${index}`, stageId: 'discovery' }));
        void tx
          .objectStore('contacts')
          .put(contact(`buyer@${key(index)}`, key(index), { name: `Buyer ${index}` }));
      }
      for (let index = 0; index < NOTES; index++) {
        const row = note(`note-${index}`, key(index % ACCOUNTS), {
          body: `${BODY} #${index}`,
          createdAt: T0 + index,
        });
        void tx.objectStore('notes').put(row);
      }
      for (let index = 0; index < FOLLOW_UPS; index++) {
        void tx.objectStore('followUps').put(followUp(`fu-${index}`, key(index % ACCOUNTS)));
      }
      await tx.done;
    });

    const text = await timed('export (read, serialize, chunks read back)', report, async () => {
      const prepared = await handlers.prepareExport({ kind: 'json', locale: 'en' });
      const parts: string[] = [];
      for (let index = 0; index < prepared.chunkCount; index++) {
        parts.push(handlers.readExportChunk({ exportId: prepared.exportId, index }).text);
      }
      return parts.join('');
    });
    const bytes = new TextEncoder().encode(text).length;
    report.push(
      `export size: ${(bytes / 1_000_000).toFixed(1)} MB (${Math.ceil(text.length / TRANSFER_CHUNK_CHARS)} messages of ≤ 4 Mi characters)`,
    );

    const csv = await timed('notes CSV export', report, async () => {
      const prepared = await handlers.prepareExport({ kind: 'notes-csv', locale: 'en' });
      let length = 0;
      for (let index = 0; index < prepared.chunkCount; index++) {
        length += handlers.readExportChunk({ exportId: prepared.exportId, index }).text.length;
      }
      return length;
    });
    report.push(`notes CSV size: ${(csv / 1_000_000).toFixed(1)} M characters`);

    await timed('delete everything', report, () => handlers.deleteAllData());
    expect(await db.count('notes')).toBe(0);

    const upload = async () => {
      const uploadId = crypto.randomUUID();
      const chunks = splitText(text, TRANSFER_CHUNK_CHARS);
      for (const [index, chunk] of chunks.entries()) {
        handlers.uploadImportChunk({ uploadId, index, count: chunks.length, text: chunk });
      }
      return uploadId;
    };
    const uploadId = await upload();
    const preview = await timed('import preview (parse, validate, compare)', report, () =>
      handlers.previewImport({ uploadId }),
    );
    expect(preview.ok && preview.preview.stores.notes.added).toBe(NOTES);
    const applied = await timed('import (one transaction)', report, () =>
      handlers.applyImport({ uploadId, replacePlaybook: false, replaceSettings: false }),
    );
    expect(applied.ok && applied.outcome.accountCount).toBe(ACCOUNTS);
    expect(await db.count('notes')).toBe(NOTES);
    expect(await db.count('accounts')).toBe(ACCOUNTS);
    expect(await db.count('deals')).toBe(ACCOUNTS);

    const again = await upload();
    const second = await timed('second import of the same file: preview', report, () =>
      handlers.previewImport({ uploadId: again }),
    );
    expect(second.ok && second.preview.nothingNew).toBe(true);
    await timed('second import of the same file: import (writes nothing)', report, () =>
      handlers.applyImport({ uploadId: again, replacePlaybook: false, replaceSettings: false }),
    );
    expect(await db.count('notes')).toBe(NOTES);

    console.log(
      [
        `data transfer at ${ACCOUNTS.toLocaleString('en')} accounts, ${NOTES.toLocaleString('en')} notes, ${FOLLOW_UPS.toLocaleString('en')} follow-ups (fake-indexeddb, Node ${process.version}):`,
        ...report.map((line) => `  ${line}`),
      ].join('\n'),
    );
  });
});
