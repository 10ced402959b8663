import type { Config } from './config';
import type { Db, Engine, Executor } from './db/engine';
import type { PiiCipher } from './security/pii';
import type { BlobStore } from './storage/blob-store';

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
}

/** Runs `fn` in one transaction: a command either happens completely or not at all. */
export function inTransaction<T>(deps: Deps, fn: (c: Ctx) => Promise<T>): Promise<T> {
  return deps.db.transaction((tx) => fn({ ...deps, tx }));
}

/** A read-only context on the pool (no transaction). */
export function reading(deps: Deps): Ctx {
  return { ...deps, tx: deps.db };
}
