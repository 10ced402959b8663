import path from 'node:path';
import { serverClock } from './clock';
import type { Config } from './config';
import type { Deps } from './context';
import { openPglite, pgliteEngine, postgresEngine, type Engine } from './db/engine';
import { PiiCipher } from './security/pii';
import { createBlobStore } from './storage/create-blob-store';
import { lockDataDir, resolvePiiKey } from './storage/data-dir';

/**
 * Engine selection: PostgreSQL through a `pg` pool when DATABASE_URL is set, otherwise the
 * embedded PGlite under MEDREG_DATA_DIR/pglite, locked to this process.
 */
export async function openEngine(config: Config): Promise<{ engine: Engine; release: () => Promise<void> }> {
  if (config.DATABASE_URL) {
    const engine = postgresEngine(config.DATABASE_URL, config.DATABASE_POOL_SIZE, { readUrl: config.READ_DATABASE_URL });
    return { engine, release: () => engine.close() };
  }
  const unlock = await lockDataDir(config.MEDREG_DATA_DIR);
  try {
    const engine = pgliteEngine(await openPglite(path.join(config.MEDREG_DATA_DIR, 'pglite')));
    return {
      engine,
      release: async () => {
        await engine.close();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

export async function createDeps(config: Config, engine: Engine): Promise<Deps> {
  const key = await resolvePiiKey(config.MEDREG_PII_KEY, config.MEDREG_DATA_DIR);
  return {
    config,
    engine,
    db: engine.db,
    readDb: engine.readDb,
    pii: new PiiCipher(key),
    blobs: await createBlobStore(config, engine.db),
    now: serverClock(config.MEDREG_CLOCK_OFFSET_DAYS),
  };
}
