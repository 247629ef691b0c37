/**
 * PouchDB in Node for the tests and the benchmarks: in-memory databases, the HTTP adapter and replication
 * (the browser's IndexedDB adapter is the product's, lib/background/sync/pouch.ts).
 */
import { createRequire } from 'node:module';
import type { PouchConstructor } from '../../lib/background/sync/pouch-api';

const require = createRequire(import.meta.url);

interface Pluggable {
  plugin(plugin: unknown): Pluggable;
  prototype: object;
}

export function nodePouch(): PouchConstructor {
  let Pouch = (require('pouchdb-core') as Pluggable)
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'));
  // The plugins change PouchDB itself, which Node loads once per process: replication goes on once.
  if (!('replicate' in Pouch.prototype)) Pouch = Pouch.plugin(require('pouchdb-replication'));
  return Pouch as unknown as PouchConstructor;
}
