import { openDealsideDb, type Db } from '../db/open';

let connection: Promise<Db> | undefined;

/**
 * The background's database connection, opened on first use. If the browser closes it (an update
 * wants a newer version, or the disk went away) the next call opens it again.
 */
export function database(): Promise<Db> {
  connection ??= openDealsideDb({
    onClosed: () => {
      connection = undefined;
    },
  }).catch((error: unknown) => {
    connection = undefined;
    throw error;
  });
  return connection;
}
