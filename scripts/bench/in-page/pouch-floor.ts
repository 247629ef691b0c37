/**
 * Runs inside an extension page (bundled by ../sync.ts): PouchDB alone replicating the server into an
 * IndexedDB database of the extension's origin, with the product's settings (the same PouchDB modules,
 * batch size, batches fetched ahead, and the mirror's `revsDiff` of a first pull). It writes no rows of
 * the extension's own database: what is left of the initial sync's time over this is the extension's.
 */
import { SyncPouch } from '../../../lib/background/sync/pouch';
import { answeringRevsDiffInOneRead } from '../../../lib/background/sync/revs-diff';

export interface FloorRequest {
  url: string;
  username: string;
  password: string;
  batchSize: number;
  batchesLimit: number;
}

export async function replicateIntoIndexedDb(
  request: FloorRequest,
): Promise<{ ms: number; written: number }> {
  const local = answeringRevsDiffInOneRead(
    new SyncPouch<unknown>(`bench-floor-${Date.now()}`, { adapter: 'indexeddb' }),
    () => true,
  );
  const remote = new SyncPouch<unknown>(request.url, {
    adapter: 'http',
    skip_setup: true,
    auth: { username: request.username, password: request.password },
  });
  const started = performance.now();
  const info = await local.replicate
    .from(remote, { batch_size: request.batchSize, batches_limit: request.batchesLimit })
    .then(undefined, (error: unknown) => {
      // PouchDB's errors do not survive the trip out of the page: say what it was.
      const { status, name, message } = (error ?? {}) as { status?: number; name?: string; message?: string };
      throw new Error(`PouchDB alone failed: ${status ?? ''} ${name ?? ''} ${message ?? String(error)}`);
    });
  const ms = performance.now() - started;
  await local.destroy();
  return { ms, written: info.docs_written ?? 0 };
}
