import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, pgliteEngine, postgresEngine } from '../src/db/engine';
import { migrate } from '../src/db/migrate';
import { seedReferenceData } from '../src/seed/reference';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

/** One template per test run, so that runs in parallel (several developers, CI) do not collide. */
const TEMPLATE_DB = `medreg_tpl_${process.pid}`;

/**
 * Builds one migrated database with reference data per run; every test file then starts from a
 * copy of it: a PGlite data-directory dump, or a PostgreSQL `CREATE DATABASE … TEMPLATE`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engineKind = project.config.env?.MEDREG_TEST_ENGINE ?? process.env.MEDREG_TEST_ENGINE;
  if (engineKind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('server-postgres needs TEST_DATABASE_URL');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${TEMPLATE_DB}`;
    const engine = postgresEngine(templateUrl.toString(), 2);
    await migrate(engine);
    await seedReferenceData(engine.db);
    await engine.close();
    project.provide('postgresTemplate', TEMPLATE_DB);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    };
  }
  const client = await openPglite(undefined);
  const engine = pgliteEngine(client);
  await migrate(engine);
  await seedReferenceData(engine.db);
  const dump = await client.dumpDataDir('none');
  await client.close();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'medreg-test-'));
  const file = path.join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
