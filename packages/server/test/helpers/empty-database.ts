// An empty place for a real server process: a new PGlite data directory, or a new empty PostgreSQL database.
import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, pgliteEngine, postgresEngine, type Engine } from '../../src/db/engine';

export interface EmptyPlace {
  dataDir: string;
  /** DATABASE_URL on PostgreSQL, undefined on PGlite. */
  databaseUrl: string | undefined;
  /** The environment that points a server process here. */
  env: Record<string, string>;
  /** Opens the database in this process (the server must be stopped on PGlite). */
  open(): Promise<Engine>;
  drop(): Promise<void>;
}

export async function emptyPlace(prefix = 'medreg-place-'): Promise<EmptyPlace> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  let databaseUrl: string | undefined;
  let dropDb = async () => {};
  if (process.env.MEDREG_TEST_ENGINE === 'postgres') {
    const admin = process.env.TEST_DATABASE_URL!;
    const name = `medreg_e_${randomBytes(6).toString('hex')}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDb = async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    };
  }
  return {
    dataDir,
    databaseUrl,
    env: { MEDREG_DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    open: async () => (databaseUrl ? postgresEngine(databaseUrl, 2) : pgliteEngine(await openPglite(path.join(dataDir, 'pglite')))),
    async drop() {
      await dropDb();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
