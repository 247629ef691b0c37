/**
 * The part of PouchDB's API that sync uses, typed from its documentation (pouchdb.com/api.html). The
 * mirror is a PouchDB database in this browser; the server is one over HTTP; replication runs between
 * them with CouchDB's protocol.
 */

export interface DocMeta {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _revisions?: { start: number; ids: string[] };
}

export type Doc<Body> = Body & DocMeta;

export interface BulkResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: boolean | string;
  status?: number;
  name?: string;
  message?: string;
}

export interface AllDocsRow<Body> {
  key: string;
  id?: string;
  error?: string;
  value?: { rev: string; deleted?: boolean };
  doc?: Doc<Body> | null;
}

export interface ChangesResult<Body> {
  id: string;
  seq: number | string;
  deleted?: boolean;
  changes: { rev: string }[];
  doc?: Doc<Body>;
}

export interface ChangesResponse<Body> {
  results: ChangesResult<Body>[];
  last_seq: number | string;
}

export interface ReplicationInfo {
  ok?: boolean;
  docs_read?: number;
  docs_written?: number;
  doc_write_failures?: number;
  errors?: unknown[];
  pending?: number;
  last_seq?: number | string;
}

/** A running replication: a promise of its end and an event emitter of its progress. */
export interface Replication extends PromiseLike<ReplicationInfo> {
  cancel(): void;
  on(
    event: 'change',
    listener: (info: { direction?: 'push' | 'pull'; change?: ReplicationInfo }) => void,
  ): this;
  on(event: 'paused', listener: (error?: unknown) => void): this;
  on(event: 'active', listener: () => void): this;
  on(event: 'denied', listener: (error: unknown) => void): this;
  on(event: 'error', listener: (error: unknown) => void): this;
  on(event: 'complete', listener: (info: unknown) => void): this;
}

export interface ReplicationOptions {
  live?: boolean;
  retry?: boolean;
  batch_size?: number;
  batches_limit?: number;
  back_off_function?: (delay: number) => number;
  /** Start after this sequence of the source instead of the checkpoint (which it then becomes). */
  since?: number | string;
  /** Ask for checkpoints on the mirror's side only: a rep may not write `_local` docs elsewhere. */
  checkpoint?: 'source' | 'target' | false;
}

/** For each document id, the revisions the other side has; the answer lists those this side lacks. */
export type RevsDiffRequest = Record<string, string[]>;
export type RevsDiffResponse = Record<string, { missing: string[] }>;

export interface PouchDatabase<Body> {
  readonly name: string;
  get(id: string, options?: { rev?: string; revs?: boolean; conflicts?: boolean }): Promise<Doc<Body>>;
  get(id: string, options: { open_revs: string[] | 'all' }): Promise<{ ok?: Doc<Body>; missing?: string }[]>;
  allDocs(options: {
    keys?: string[];
    startkey?: string;
    endkey?: string;
    include_docs?: boolean;
    /** With `include_docs`: each document's other live leaves in `_conflicts`. */
    conflicts?: boolean;
    limit?: number;
    skip?: number;
  }): Promise<{ rows: AllDocsRow<Body>[]; total_rows: number }>;
  /** Replication asks the target which of the source's revisions it lacks; assignable (see ./pouch.ts). */
  revsDiff(request: RevsDiffRequest): Promise<RevsDiffResponse>;
  bulkDocs(docs: Doc<Partial<Body>>[], options?: { new_edits?: boolean }): Promise<BulkResult[]>;
  changes(options: {
    since: number | string;
    limit?: number;
    include_docs?: boolean;
    conflicts?: boolean;
    return_docs?: boolean;
  }): Promise<ChangesResponse<Body>>;
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
  replicate: {
    to(target: PouchDatabase<Body>, options?: ReplicationOptions): Replication;
    from(source: PouchDatabase<Body>, options?: ReplicationOptions): Replication;
  };
  sync(
    other: PouchDatabase<Body>,
    options?: ReplicationOptions,
  ): Replication & { push: Replication; pull: Replication };
}

export interface PouchOptions {
  adapter?: string;
  auto_compaction?: boolean;
  /** Never create the database on the server: a missing one is the rep's to fix. */
  skip_setup?: boolean;
  auth?: { username: string; password: string };
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

export type PouchConstructor = new <Body>(name: string, options?: PouchOptions) => PouchDatabase<Body>;
