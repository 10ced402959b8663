import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accounts, sessions } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, expectProblem, loggedIn } from '../helpers/agent';
import { column, exportBoth } from '../helpers/export-files';
import { PASSWORD, makeInstitution } from '../helpers/factories';

type Staff = { id: string; loginName: string; role: string; roleLabel: string; disabled: boolean; manageable: boolean };

let t: TestApp;
let admin: Agent;
let clerk: Agent;
let otherAdmin: Agent;
let inst: Awaited<ReturnType<typeof makeInstitution>>;

beforeAll(async () => {
  t = await createTestApp();
  inst = await makeInstitution(t.deps, { name: '北京市账户测试医院' });
  const other = await makeInstitution(t.deps);
  admin = await loggedIn(t.app, inst.adminLogin, PASSWORD);
  clerk = await loggedIn(t.app, inst.clerkLogin, PASSWORD);
  otherAdmin = await loggedIn(t.app, other.adminLogin, PASSWORD);
});

afterAll(async () => {
  await t.close();
});

describe('账户管理', () => {
  it('lists this institution\'s staff; only clerks are manageable', async () => {
    const res = await admin.get('/api/v1/institution/staff');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Staff[] }).items;
    expect(items.map((s) => [s.loginName, s.roleLabel, s.manageable])).toEqual([
      [inst.adminLogin, '机构管理员', false],
      [inst.clerkLogin, '经办人', true],
    ]);
  });

  it('creates a clerk with a login name and an initial password who can then log in', async () => {
    const res = await admin.post('/api/v1/institution/staff', { loginName: 'zhang_clerk', password: 'Clerk#2026a', displayName: '张经办', phone: '138 0013 8001' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ loginName: 'zhang_clerk', role: 'institution_clerk', phone: '13800138001' });
    const agent = await loggedIn(t.app, 'zhang_clerk', 'Clerk#2026a');
    const me = (await agent.get('/api/v1/session')).json() as { role: string; institution: { id: string } };
    expect(me).toMatchObject({ role: 'institution_clerk', institution: { id: inst.institution.id } });
  });

  it('refuses a taken login name, a weak password and a password containing the login name', async () => {
    const taken = expectProblem(await admin.post('/api/v1/institution/staff', { loginName: inst.clerkLogin.toUpperCase(), password: 'Clerk#2026a', displayName: '重名' }), 409, 'STAFF_LOGIN_NAME_TAKEN');
    expect(taken.errors?.[0]?.path).toEqual(['loginName']);
    const weak = expectProblem(await admin.post('/api/v1/institution/staff', { loginName: 'weak_one', password: 'abc', displayName: '弱密码' }), 400, 'VALIDATION_FAILED');
    expect(weak.errors?.map((e) => e.path[0])).toContain('password');
    const named = expectProblem(await admin.post('/api/v1/institution/staff', { loginName: 'liwei', password: 'Liwei@2026', displayName: '李伟' }), 400, 'VALIDATION_FAILED');
    expect(named.errors?.map((e) => e.path[0])).toContain('password');
  });

  it('disables a clerk (ending their sessions) and enables them again', async () => {
    const victim = await loggedIn(t.app, inst.clerkLogin, PASSWORD);
    const list = ((await admin.get('/api/v1/institution/staff')).json() as { items: Staff[] }).items;
    const target = list.find((s) => s.loginName === inst.clerkLogin)!;
    const off = await admin.put(`/api/v1/institution/staff/${target.id}/status`, { disabled: true });
    expect(off.json()).toMatchObject({ disabled: true });
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.accountId, target.id))).toHaveLength(0);
    expectProblem(await victim.get('/api/v1/institution/applications'), 401, 'UNAUTHENTICATED');
    expectProblem(await new Agent(t.app).login(inst.clerkLogin, PASSWORD), 403, 'ACCOUNT_DISABLED');
    expect((await admin.put(`/api/v1/institution/staff/${target.id}/status`, { disabled: false })).json()).toMatchObject({ disabled: false });
    clerk = await loggedIn(t.app, inst.clerkLogin, PASSWORD);
  });

  it('resets a clerk\'s password and unlocks the account', async () => {
    const list = ((await admin.get('/api/v1/institution/staff')).json() as { items: Staff[] }).items;
    const target = list.find((s) => s.loginName === inst.clerkLogin)!;
    // the clerk's own address is locked out by five mistyped passwords, and the whole account is locked
    for (let i = 0; i < 5; i++) await new Agent(t.app).login(inst.clerkLogin, 'mistyped-password');
    expectProblem(await new Agent(t.app).login(inst.clerkLogin, PASSWORD), 423, 'ACCOUNT_LOCKED');
    await t.deps.db.update(accounts).set({ lockedUntil: new Date(Date.now() + 3600_000) }).where(eq(accounts.id, target.id));
    const weak = expectProblem(await admin.put(`/api/v1/institution/staff/${target.id}/password`, { password: 'short' }), 400, 'VALIDATION_FAILED');
    expect(weak.errors?.[0]?.path).toEqual(['password']);
    const res = await admin.put(`/api/v1/institution/staff/${target.id}/password`, { password: 'Reset@2026x' });
    expect(res.statusCode, res.body).toBe(200);
    await loggedIn(t.app, inst.clerkLogin, 'Reset@2026x');
    clerk = await loggedIn(t.app, inst.clerkLogin, 'Reset@2026x');
  });

  it('does not let the admin manage another admin or another institution\'s staff (404)', async () => {
    const list = ((await admin.get('/api/v1/institution/staff')).json() as { items: Staff[] }).items;
    const self = list.find((s) => s.role === 'institution_admin')!;
    const mine = list.find((s) => s.loginName === inst.clerkLogin)!;
    expectProblem(await admin.put(`/api/v1/institution/staff/${self.id}/status`, { disabled: true }), 404, 'STAFF_NOT_FOUND');
    expectProblem(await otherAdmin.put(`/api/v1/institution/staff/${mine.id}/status`, { disabled: true }), 404, 'STAFF_NOT_FOUND');
    expectProblem(await otherAdmin.put(`/api/v1/institution/staff/${mine.id}/password`, { password: 'Hijack@2026' }), 404, 'STAFF_NOT_FOUND');
    const others = ((await otherAdmin.get('/api/v1/institution/staff')).json() as { items: Staff[] }).items;
    expect(others.some((s) => s.id === mine.id)).toBe(false);
  });

  it('is the admin\'s: a clerk gets 403 on every staff route', async () => {
    expectProblem(await clerk.get('/api/v1/institution/staff'), 403, 'FORBIDDEN');
    expectProblem(await clerk.post('/api/v1/institution/staff', { loginName: 'sneaky_one', password: 'Clerk#2026a', displayName: '越权' }), 403, 'FORBIDDEN');
    const id = '00000000-0000-4000-8000-000000000000';
    expectProblem(await clerk.put(`/api/v1/institution/staff/${id}/status`, { disabled: true }), 403, 'FORBIDDEN');
    expectProblem(await clerk.put(`/api/v1/institution/staff/${id}/password`, { password: 'Clerk#2026a' }), 403, 'FORBIDDEN');
    expectProblem(await clerk.get('/api/v1/institution/staff/export.xlsx'), 403, 'FORBIDDEN');
  });

  it('exports the accounts as Excel and CSV in the list\'s order; another institution\'s admin exports only its own', async () => {
    const list = (await admin.get('/api/v1/institution/staff')).json() as { items: { loginName: string }[] };
    const rows = await exportBoth(admin, '/api/v1/institution/staff/export');
    expect(rows[0]).toEqual(['登录名', '姓名', '角色', '状态', '手机号', '电子邮箱', '创建时间']);
    expect(column(rows, '登录名')).toEqual(list.items.map((a) => a.loginName));
    expect(column(await exportBoth(otherAdmin, '/api/v1/institution/staff/export'), '登录名')).not.toContain(inst.clerkLogin);
  });
});
