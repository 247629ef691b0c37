import { deleteDB } from 'idb';
import { openDealsideDb, type Db } from '../../../lib/db/open';

let counter = 0;

/** A fresh database per test, so tests never see each other's rows. */
export async function freshDb(options: { targetVersion?: number } = {}): Promise<{ db: Db; name: string }> {
  const name = `dealside-test-${process.pid}-${++counter}`;
  await deleteDB(name);
  return { db: await openDealsideDb({ name, ...options }), name };
}
