// Issue 7, point 2, as an operator sees it: `NODE_ENV=production` on an empty database starts with
// reference data and no accounts, refuses demo data, and `npm run create-admin` makes the first administrator.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, SERVER_ROOT, startServerProcess, type ServerProcess } from '../helpers/server-process';
import { emptyPlace, type EmptyPlace } from '../helpers/empty-database';

const KEY = Buffer.alloc(32, 3).toString('base64');
const CREATE_ADMIN = fileURLToPath(new URL('../../src/cli/create-admin.ts', import.meta.url));

function createAdmin(env: Record<string, string>, args: string[], stdin?: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CREATE_ADMIN, ...args], {
      cwd: SERVER_ROOT, env: { ...cleanEnv(), LOG_LEVEL: 'warn', ...env }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.stdin.end(stdin ?? '');
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe('a production start on an empty database', () => {
  let place: EmptyPlace;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop('SIGKILL');
    await place?.drop();
  });

  it('refuses demo data, starts with reference data and no accounts, and create-admin makes one administrator', async () => {
    place = await emptyPlace('medreg-prod-');
    const env = { ...place.env, NODE_ENV: 'production', MEDREG_PII_KEY: KEY };

    const refused = await startServerProcess(env, { args: ['--demo'], waitUp: false });
    servers.push(refused);
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(/生产环境不得加载演示数据/);

    const server = await startServerProcess(env);
    servers.push(server);
    expect(server.output()).toMatch(/npm run create-admin/);
    expect(server.output()).not.toMatch(/演示账户|Medreg@2026/);
    const provinces = await fetch(`${server.baseUrl}/api/v1/reference/regions/provinces`);
    expect(provinces.status).toBe(200);
    expect(await provinces.text()).toContain('北京市');
    await server.stop();

    const engine = await place.open();
    try {
      const [counts] = await engine.query<{ accounts: number; regions: number; scopes: number; days: number }>(
        `SELECT (SELECT count(*)::int FROM accounts) AS accounts, (SELECT count(*)::int FROM regions) AS regions,
                (SELECT count(*)::int FROM practice_scopes) AS scopes, (SELECT count(*)::int FROM calendar_days) AS days`);
      expect(counts).toMatchObject({ accounts: 0 });
      expect(counts!.regions).toBeGreaterThan(3000);
      expect(counts!.scopes).toBeGreaterThan(10);
      expect(counts!.days).toBeGreaterThan(10);
    } finally {
      await engine.close();
    }

    const created = await createAdmin(env, []);
    expect(created.code, created.out).toBe(0);
    expect(created.out).toMatch(/登录名 \(login name\): nhc_admin/);
    expect(created.out).toMatch(/一次性密码 \(one-time password\): \S{16}/);
    const again = await createAdmin(env, ['--login-name', 'nhc_other', '--password-stdin'], 'Other@2026pw\n');
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/已有管理员账户（nhc_admin）/);
    const additional = await createAdmin(env, ['--login-name', 'nhc_other', '--password-stdin', '--additional'], 'Other@2026pw\n');
    expect(additional.code, additional.out).toBe(0);
    expect(additional.out).not.toMatch(/一次性密码/);

    const check = await place.open();
    try {
      const rows = await check.query<{ login_name: string; must_change_password: boolean }>(
        "SELECT login_name, must_change_password FROM accounts ORDER BY login_name");
      expect(rows).toEqual([{ login_name: 'nhc_admin', must_change_password: true }, { login_name: 'nhc_other', must_change_password: true }]);
    } finally {
      await check.close();
    }
  }, 180_000);
});
