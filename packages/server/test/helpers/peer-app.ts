import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import type { Deps } from '../../src/context';
import { postgresEngine, type Engine } from '../../src/db/engine';
import { createBlobStore } from '../../src/storage/create-blob-store';
import type { TestApp } from './test-app';

export interface PeerApp {
  app: FastifyInstance;
  deps: Deps;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * A second server process's app on the same database as `t`, with a data directory of its own: on PostgreSQL
 * through its own connection pool, on PGlite (one process per database) on the same engine.
 */
export async function createPeerApp(t: TestApp): Promise<PeerApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'medreg-peer-'));
  const own: Engine | undefined = t.databaseUrl ? postgresEngine(t.databaseUrl, 3) : undefined;
  const engine = own ?? t.engine;
  const config = { ...t.deps.config, MEDREG_DATA_DIR: dataDir };
  const deps: Deps = { ...t.deps, config, engine, db: engine.db, blobs: await createBlobStore(config, engine.db) };
  const app = await buildApp({ deps, logger: process.env.PEER_LOG ? { level: 'error' } : false });
  return {
    app,
    deps,
    dataDir,
    close: async () => {
      await app.close();
      await own?.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
