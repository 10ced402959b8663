import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, pgliteEngine } from '../../src/db/engine';
import { migrate } from '../../src/db/migrate';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const run = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** `npm run audit:verify` on an embedded data directory: exit code and what it prints. */
async function verifyCli(dataDir: string): Promise<{ code: number; out: string }> {
  const { DATABASE_URL: _db, ...env } = process.env;
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/audit-verify.ts'], {
      cwd: ROOT, env: { ...env, MEDREG_DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'silent' },
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

// The command on the embedded engine; the PostgreSQL project runs the same verifier through the API tests.
describe.skipIf(process.env.MEDREG_TEST_ENGINE === 'postgres')('npm run audit:verify', () => {
  it('says the chain is intact (exit 0), then names a row inserted in SQL (exit 1)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'medreg-audit-cli-'));
    dirs.push(dir);
    const open = async () => pgliteEngine(await openPglite(path.join(dir, 'pglite')));
    let engine = await open();
    await migrate(engine);
    await engine.close();
    const intact = await verifyCli(dir);
    expect(intact.out).toContain('审计日志完整');
    expect(intact.code).toBe(0);

    engine = await open();
    await engine.query(`INSERT INTO audit_log (actor_role, action, entity_type, detail, seq, prev_hash, hash)
      VALUES ('system', 'account.login', 'account', '{}', 1, $1, $2)`, [Buffer.alloc(32), Buffer.alloc(32, 1)]);
    await engine.close();
    const broken = await verifyCli(dir);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/第一处断裂.*audit_log id=\d+ seq=1 \[hash_mismatch\]/);
  }, 120_000);
});
