import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/context';
import { openPglite, pgliteEngine } from '../../src/db/engine';
import { migrate } from '../../src/db/migrate';
import { audit } from '../../src/modules/audit/service';
import { verifyAuditChain } from '../../src/modules/audit/verify';
import { PiiCipher } from '../../src/security/pii';
import { PostgresBlobStore } from '../../src/storage/postgres-blob-store';
import { ConfigSchema } from '../../src/config';

const MIGRATIONS = fileURLToPath(new URL('../../src/db/migrations', import.meta.url));
const CHAIN_MIGRATION = '20261201120000_tamper_evident_audit.sql';
let dir: string | undefined;
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

// The migration on a database that already has audit rows (the embedded engine; the SQL is the same on PostgreSQL).
describe.skipIf(process.env.MEDREG_TEST_ENGINE === 'postgres')('introducing the chain on a database with history', () => {
  it('keeps the old rows as legacy, chains the new ones, and verifies', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'medreg-migrations-'));
    for (const f of await readdir(MIGRATIONS)) if (f < CHAIN_MIGRATION) await cp(path.join(MIGRATIONS, f), path.join(dir, f));
    const engine = pgliteEngine(await openPglite(undefined));
    await migrate(engine, dir);
    for (const action of ['account.login', 'calendar.add']) {
      await engine.query("INSERT INTO audit_log (actor_role, action, entity_type) VALUES ('system', $1, 'account')", [action]);
    }
    expect((await migrate(engine)).applied.length).toBeGreaterThan(0);

    const deps = {
      config: ConfigSchema.parse({ NODE_ENV: 'test' }), engine, db: engine.db, pii: new PiiCipher(Buffer.alloc(32, 3)),
      blobs: new PostgresBlobStore(engine.db), now: () => new Date(),
    };
    await inTransaction(deps, async (c) => {
      await audit(c, { accountId: null, role: 'system' }, 'settings.decision_limit', 'setting', 'x', { to: 15 });
      await audit(c, { accountId: null, role: 'system' }, 'settings.decision_limit', 'setting', 'x', { to: 20 });
    });
    const result = await verifyAuditChain({ ...deps, tx: engine.db });
    expect(result).toMatchObject({ ok: true, legacyRows: 2, checkedRows: 2, head: { seq: 2 } });
    await expect(engine.query("INSERT INTO audit_log (actor_role, action, entity_type) VALUES ('system', 'x', 'account')"))
      .rejects.toThrow(/audit_log_chained/);
    await engine.close();
  }, 60_000);
});
