import type { Config } from './config';
import type { Db, Engine, Executor } from './db/engine';
import type { PiiCipher } from './security/pii';
import type { BlobStore } from './storage/blob-store';
import { appendToChain, type PendingAudit } from './modules/audit/flush';

/** What services need besides the transaction: built once per process. */
export interface Deps {
  config: Config;
  engine: Engine;
  db: Db;
  /**
   * Where public reads go (register search, certificate verification, FHIR): a pool on READ_DATABASE_URL, a
   * replica; absent → `db`. Never written to.
   */
  readDb?: Db;
  pii: PiiCipher;
  blobs: BlobStore;
  /** The current time; tests can move it. */
  now: () => Date;
}

/** A service call's context: the dependencies plus the open transaction (or the pool for reads). */
export interface Ctx extends Deps {
  tx: Executor;
  /** Audit entries of this transaction, chained just before commit (absent on a reading context). */
  auditQueue?: PendingAudit[];
  /**
   * Rows this transaction has locked FOR UPDATE, by table and id, as they are now: a row lock lasts until
   * commit, so locking the same row a second time only costs a statement (modules/applications/transition.ts).
   */
  locked?: Map<string, unknown>;
  /** A context on the read replica: `tx` is not a transaction and takes no writes. */
  replica?: boolean;
  /** True once a statement of this transaction took the audit chain's lock (modules/audit/flush.ts). */
  auditChainLocked?: boolean;
}

/**
 * Runs `fn` in one transaction: a command either happens completely or not at all. The audit entries it
 * wrote are appended to the hash chain as the last step before commit (modules/audit/flush.ts).
 */
export function inTransaction<T>(deps: Deps, fn: (c: Ctx) => Promise<T>): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const c: Ctx = { ...deps, tx, auditQueue: [], locked: new Map() };
    const result = await fn(c);
    await appendToChain(tx, deps.pii, c.auditQueue!.splice(0), { locked: c.auditChainLocked });
    return result;
  });
}

/**
 * A read-only context on the replica pool (READ_DATABASE_URL), for public reads that tolerate replication lag.
 * Its `db` stays the primary, so that nothing written through it (an audit entry) goes to the replica; queries
 * that write (quotas, captchas) take `reading(deps)` instead.
 */
export function readingReplica(deps: Deps): Ctx {
  return { ...deps, tx: deps.readDb ?? deps.db, auditQueue: undefined, replica: true };
}

/** A read-only context on the pool (no transaction). */
export function reading(deps: Deps): Ctx {
  return { ...deps, tx: deps.db, auditQueue: undefined };
}
