// Issue 7, point 2: no demo data unless asked; the first national administrator is created by
// `npm run create-admin` and must change the one-time password before anything else.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { accounts, authorities } from '../../src/db/schema/index';
import { createFirstAdmin, FirstAdminError } from '../../src/modules/accounts/first-admin';
import { seedOnStart } from '../../src/seed/on-start';
import { Agent, expectProblem, loggedIn } from '../helpers/agent';
import { createTestApp, type TestApp } from '../helpers/test-app';

const KEY = Buffer.alloc(32, 1).toString('base64');
const ID_NUMBER = /\d{17}[\dX]/;

describe('demo data only when asked, never in production', () => {
  it('is off by default, on with --demo or MEDREG_DEMO_DATA=1, and refused in production', () => {
    expect(loadConfig({}).MEDREG_DEMO_DATA).toBe(false);
    expect(loadConfig({}, ['--demo']).MEDREG_DEMO_DATA).toBe(true);
    expect(loadConfig({ MEDREG_DEMO_DATA: '1' }).MEDREG_DEMO_DATA).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', MEDREG_PII_KEY: KEY }).MEDREG_DEMO_DATA).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', MEDREG_PII_KEY: KEY, MEDREG_DEMO_DATA: '1' })).toThrow(/MEDREG_DEMO_DATA: 生产环境不得加载演示数据/);
    expect(() => loadConfig({ NODE_ENV: 'production', MEDREG_PII_KEY: KEY }, ['--demo'])).toThrow(/生产环境不得加载演示数据/);
  });
});

describe('start-up seeding and banner', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ MEDREG_DEMO_DATA: '0' }); });
  afterAll(async () => { await t.close(); });

  it('seeds no accounts without demo data and says how to create the first administrator', async () => {
    const banner = await seedOnStart(t.deps);
    expect(banner).toMatch(/npm run create-admin/);
    expect(await t.deps.db.select().from(accounts)).toHaveLength(0);
  });

  it('prints no 身份证号 or 资格证书编码 in the demo banner outside development', async () => {
    const banner = await seedOnStart({ ...t.deps, config: { ...t.deps.config, MEDREG_DEMO_DATA: true, NODE_ENV: 'test' } });
    expect(banner).toMatch(/nhc_wjw_admin/);
    expect(banner).not.toMatch(ID_NUMBER);
    expect(banner).not.toMatch(/身份证号 \d|资格证书编码 \d/);
    // In development the sample identities are printed (they are made up), so the check above can fail.
    const dev = await seedOnStart({ ...t.deps, config: { ...t.deps.config, MEDREG_DEMO_DATA: true, NODE_ENV: 'development' } });
    expect(dev).toMatch(ID_NUMBER);
  }, 60_000);
});

describe('npm run create-admin and the forced password change', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ NODE_ENV: 'production', MEDREG_TEST_CAPTCHA: '0', MEDREG_PII_KEY: KEY }); });
  afterAll(async () => { await t.close(); });

  it('creates one national administrator whose first login must change the one-time password', async () => {
    // The configuration refuses test captchas in production; switched on afterwards so that the test can log in.
    t.deps.config.MEDREG_TEST_CAPTCHA = true;
    const admin = await createFirstAdmin(t.deps, {});
    expect(admin.generated).toBe(true);
    expect(admin.password).toHaveLength(16);
    const [authority] = await t.deps.db.select().from(authorities).where(eq(authorities.level, 'national'));
    expect(authority).toMatchObject({ name: '国家卫生健康委员会', areaCode: '000000' });

    const other = await loggedIn(t.app, admin.loginName, admin.password);
    const agent = await loggedIn(t.app, admin.loginName, admin.password);
    const session = (await agent.get('/api/v1/session')).json() as { mustChangePassword: boolean; role: string; authority: { level: string } };
    expect(session).toMatchObject({ mustChangePassword: true, role: 'authority_admin', authority: { level: 'national' } });
    expectProblem(await agent.get('/api/v1/authority/queue'), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectProblem(await agent.get('/api/v1/authority/authorities'), 403, 'PASSWORD_CHANGE_REQUIRED');

    expectProblem(await agent.put('/api/v1/session/password', { currentPassword: 'Wrong@2026x', newPassword: 'Fresh@2026pw' }), 400, 'CURRENT_PASSWORD_WRONG');
    const weak = expectProblem(await agent.put('/api/v1/session/password', { currentPassword: admin.password, newPassword: 'short' }), 400, 'VALIDATION_FAILED');
    expect(weak.errors?.[0]?.path).toEqual(['newPassword']);
    expectProblem(await agent.put('/api/v1/session/password', { currentPassword: admin.password, newPassword: admin.password }), 400, 'PASSWORD_UNCHANGED');

    const changed = await agent.put('/api/v1/session/password', { currentPassword: admin.password, newPassword: 'Fresh@2026pw' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(((await agent.get('/api/v1/session')).json() as { mustChangePassword: boolean }).mustChangePassword).toBe(false);
    expect((await agent.get('/api/v1/authority/authorities')).statusCode).toBe(200);
    // The account's other sessions end; the old password no longer works, the new one does.
    expect(((await other.get('/api/v1/session')).json() as { authenticated: boolean }).authenticated).toBe(false);
    expectProblem(await new Agent(t.app).login(admin.loginName, admin.password), 401, 'INVALID_CREDENTIALS');
    await loggedIn(t.app, admin.loginName, 'Fresh@2026pw');
  });

  it('refuses a second administrator unless told otherwise, and takes a given password', async () => {
    await expect(createFirstAdmin(t.deps, { loginName: 'nhc_admin2' })).rejects.toThrow(FirstAdminError);
    await expect(createFirstAdmin(t.deps, { loginName: 'nhc_admin2' })).rejects.toThrow(/已有管理员账户（nhc_admin）.*--additional/);
    await expect(createFirstAdmin(t.deps, { loginName: 'nhc_admin2', password: 'weak', additional: true })).rejects.toThrow(/密码不符合要求/);
    const second = await createFirstAdmin(t.deps, { loginName: 'nhc_admin2', password: 'Given@2026pw', additional: true });
    expect(second.generated).toBe(false);
    const agent = await loggedIn(t.app, 'nhc_admin2', 'Given@2026pw');
    expect(((await agent.get('/api/v1/session')).json() as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    expect(await t.deps.db.select().from(authorities).where(eq(authorities.level, 'national'))).toHaveLength(1);
  });
});
