import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { ConfigSchema } from '../../src/config';
import type { Deps } from '../../src/context';
import { openPglite, pgliteEngine, postgresEngine, type Engine } from '../../src/db/engine';
import { PiiCipher } from '../../src/security/pii';
import { createBlobStore } from '../../src/storage/create-blob-store';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  engine: Engine;
  /** The test database's connection string (PostgreSQL only). */
  databaseUrl?: string;
  /** Every statement sent through drizzle since the app was built, in order (count them around a request). */
  statements: string[];
  /** Moves the clock used by services (deadlines, code expiry, locks). */
  setNow(date: Date | string): void;
  close(): Promise<void>;
}

const PII_KEY = Buffer.alloc(32, 7);

/**
 * A fresh database (copied from the migrated template) and an app on it, for one test file.
 * `logger`: pino options for the app (e.g. `{ level: 'debug', stream }` to capture the log); silent by default.
 */
export async function createTestApp(env: Record<string, string> = {}, opts: { logger?: object } = {}): Promise<TestApp> {
  const kind = process.env.MEDREG_TEST_ENGINE ?? 'pglite';
  const statements: string[] = [];
  const onStatement = (text: string) => { statements.push(text); };
  let engine: Engine;
  let dropDatabase: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `medreg_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    databaseUrl = dbUrl.toString();
    // READ_DATABASE_URL on the same server, so the suite exercises the replica pool.
    engine = postgresEngine(databaseUrl, 5, { onStatement, readUrl: databaseUrl });
    dropDatabase = async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    const dump = await readFile(inject('pgliteTemplate'));
    engine = pgliteEngine(await openPglite(undefined, new Blob([dump])), { onStatement });
  }
  const config = ConfigSchema.parse({ NODE_ENV: 'test', MEDREG_TEST_CAPTCHA: '1', MEDREG_DEMO_DATA: '0', LOG_LEVEL: 'silent', ...env });
  let now: Date | undefined;
  const deps: Deps = {
    config,
    engine,
    db: engine.db,
    readDb: engine.readDb,
    pii: new PiiCipher(PII_KEY),
    blobs: await createBlobStore(config, engine.db),
    now: () => now ?? new Date(),
  };
  const app = await buildApp({ deps, logger: opts.logger ?? false });
  return {
    app,
    deps,
    engine,
    databaseUrl,
    statements,
    setNow: (date) => {
      now = typeof date === 'string' ? new Date(date) : date;
    },
    close: async () => {
      await app.close();
      await engine.close();
      await dropDatabase?.();
    },
  };
}
