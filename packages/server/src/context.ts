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
}

/**
 * Runs `fn` in one transaction: a command either happens completely or not at all. The audit entries it
 * wrote are appended to the hash chain as the last step before commit (modules/audit/flush.ts).
 */
export function inTransaction<T>(deps: Deps, fn: (c: Ctx) => Promise<T>): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const c: Ctx = { ...deps, tx, auditQueue: [] };
    const result = await fn(c);
    await appendToChain(tx, deps.pii, c.auditQueue!.splice(0));
    return result;
  });
}

/** A read-only context on the pool (no transaction). */
export function reading(deps: Deps): Ctx {
  return { ...deps, tx: deps.db, auditQueue: undefined };
}
