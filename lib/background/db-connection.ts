import { insightsAggregates } from '../db/insights-aggregates';
import { openDealsideDb, type Db } from '../db/open';
import { registerDerivedData } from '../db/transaction';

let connection: Promise<Db> | undefined;
let derivedRegistered = false;

/**
 * The background's database connection, opened on first use, with the derived data registered. If the browser closes it (an update
 * wants a newer version, or the disk went away) the next call opens it again.
 */
export function database(): Promise<Db> {
  // The data derived from the records is kept in their write transactions from the first connection on:
  // every write of the background goes through this connection.
  if (!derivedRegistered) {
    registerDerivedData(insightsAggregates);
    derivedRegistered = true;
  }
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
