import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestApp, type TestApp } from '../helpers/test-app';

// A PostgreSQL restart or an administrator ending connections must not take the server down.
describe.runIf(process.env.MEDREG_TEST_ENGINE === 'postgres')('PostgreSQL ends an idle connection', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t?.close(); });

  it('keeps the process alive and answers the next request on a new connection', async () => {
    const [{ db } = { db: '' }] = await t.engine.query<{ db: string }>('SELECT current_database() AS db');
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const ended = await admin.query<{ n: number }>('SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db]);
    await admin.end();
    expect(ended.rows[0]?.n).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(await t.engine.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
