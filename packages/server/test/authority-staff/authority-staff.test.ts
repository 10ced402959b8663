/**
 * 人员账户: an authority administrator creates reviewers and administrators for its own authority and the
 * authorities inside its jurisdiction, disables / enables them, resets passwords and moves them — never outside
 * its jurisdiction, never with a role above its own, never its own account; two administrators at once: one 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { AuthorityStaffAccount, AuthorityStaffPage, StaffWithOneTimePassword } from '@medreg/domain';
import { accounts, auditLog, sessions } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, expectProblem, loggedIn } from '../helpers/agent';
import { PASSWORD, makeAuthorityStaff } from '../helpers/factories';
import { makeJurisdictions, type Jurisdictions } from '../helpers/authority-factories';
import { column, exportBoth } from '../helpers/export-files';

const BASE = '/api/v1/authority/staff';
let t: TestApp;
let j: Jurisdictions;
let bjAdmin: Agent;
let hdAdmin: Agent;
let hdAdminLogin: string;
let bjReviewer: Agent;

beforeAll(async () => {
  t = await createTestApp();
  j = await makeJurisdictions(t.deps);
  const bj = await makeAuthorityStaff(t.deps, j.beijing.id, 'authority_admin');
  const hd = await makeAuthorityStaff(t.deps, j.haidian.id, 'authority_admin');
  hdAdminLogin = hd.loginName;
  await makeAuthorityStaff(t.deps, j.nanshan.id, 'authority_reviewer');
  const rev = await makeAuthorityStaff(t.deps, j.beijing.id, 'authority_reviewer');
  bjAdmin = await loggedIn(t.app, bj.loginName, PASSWORD);
  hdAdmin = await loggedIn(t.app, hd.loginName, PASSWORD);
  bjReviewer = await loggedIn(t.app, rev.loginName, PASSWORD);
});

afterAll(async () => {
  await t.close();
});

async function create(agent: Agent, body: Record<string, unknown>) {
  return agent.post(BASE, { role: 'authority_reviewer', displayName: '李审核', ...body });
}

async function find(agent: Agent, loginName: string): Promise<AuthorityStaffAccount> {
  const page = (await agent.get(`${BASE}?name=${loginName}`)).json() as AuthorityStaffPage;
  return page.items.find((a) => a.loginName === loginName)!;
}

async function changePassword(agent: Agent, current: string, next: string) {
  const res = await agent.put('/api/v1/session/password', { currentPassword: current, newPassword: next });
  expect(res.statusCode, res.body).toBeLessThan(300);
}

describe('人员账户 — create', () => {
  it('creates a reviewer for a county below the province with a one-time password that must be changed at first login', async () => {
    const res = await create(bjAdmin, { authorityId: j.haidian.id, loginName: 'hd_li_reviewer' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as StaffWithOneTimePassword;
    expect(body.account).toMatchObject({ loginName: 'hd_li_reviewer', role: 'authority_reviewer', roleLabel: '审核人员', authority: { id: j.haidian.id }, status: 'active', mustChangePassword: true });
    expect(body.oneTimePassword).toMatch(/^\S{16}$/);
    const stored = await t.deps.db.select().from(accounts).where(eq(accounts.loginName, 'hd_li_reviewer'));
    expect(stored[0]!.passwordHash).not.toContain(body.oneTimePassword);

    const reviewer = await loggedIn(t.app, 'hd_li_reviewer', body.oneTimePassword);
    expectProblem(await reviewer.get('/api/v1/authority/queue'), 403, 'PASSWORD_CHANGE_REQUIRED');
    await changePassword(reviewer, body.oneTimePassword, 'Haidian#Rev2026');
    expect((await reviewer.get('/api/v1/authority/queue')).statusCode).toBe(200);
    const me = (await reviewer.get('/api/v1/session')).json() as { role: string };
    expect(me.role).toBe('authority_reviewer');
    // A reviewer cannot administer.
    expectProblem(await reviewer.get(BASE), 403, 'FORBIDDEN');
  });

  it('lets a county administrator create reviewers and administrators of its own authority', async () => {
    expect((await create(hdAdmin, { authorityId: j.haidian.id, loginName: 'hd_own_admin', role: 'authority_admin' })).statusCode).toBe(201);
  });

  it('refuses a county administrator the province above and a neighbouring county (on the field authorityId)', async () => {
    const up = expectProblem(await create(hdAdmin, { authorityId: j.beijing.id, loginName: 'up_one' }), 403, 'STAFF_AUTHORITY_OUT_OF_REACH');
    expect(up.errors?.[0]?.path).toEqual(['authorityId']);
    expectProblem(await create(hdAdmin, { authorityId: j.dongcheng.id, loginName: 'side_one' }), 403, 'STAFF_AUTHORITY_OUT_OF_REACH');
    expectProblem(await create(bjAdmin, { authorityId: j.nanshan.id, loginName: 'far_one' }), 403, 'STAFF_AUTHORITY_OUT_OF_REACH');
    expect(await t.deps.db.select().from(accounts).where(eq(accounts.loginName, 'up_one'))).toHaveLength(0);
  });

  it('refuses a reviewer, a role that is not an authority role, a taken login name and a bad field, with field paths', async () => {
    expectProblem(await create(bjReviewer, { authorityId: j.haidian.id, loginName: 'rev_made' }), 403, 'FORBIDDEN');
    const role = expectProblem(await create(bjAdmin, { authorityId: j.haidian.id, loginName: 'inst_made', role: 'institution_admin' }), 400, 'VALIDATION_FAILED');
    expect(role.errors?.[0]?.path).toEqual(['role']);
    const taken = expectProblem(await create(bjAdmin, { authorityId: j.haidian.id, loginName: 'HD_LI_REVIEWER' }), 409, 'STAFF_LOGIN_NAME_TAKEN');
    expect(taken.errors?.[0]?.path).toEqual(['loginName']);
    const bad = expectProblem(await create(bjAdmin, { authorityId: 'nope', loginName: '1bad' }), 400, 'VALIDATION_FAILED');
    expect(bad.errors?.map((e) => e.path[0]).sort()).toEqual(['authorityId', 'loginName']);
  });
});

describe('人员账户 — list', () => {
  it('shows the staff of the authorities in reach only, with a total, filters and keyset pages', async () => {
    const all = (await bjAdmin.get(`${BASE}?limit=100`)).json() as AuthorityStaffPage;
    const ids = new Set(all.items.map((a) => a.authority.id));
    expect(ids.has(j.nanshan.id)).toBe(false);
    expect(ids.has(j.haidian.id) && ids.has(j.beijing.id)).toBe(true);
    expect(all.total).toBe(all.items.length);
    const county = (await hdAdmin.get(`${BASE}?limit=100`)).json() as AuthorityStaffPage;
    expect(county.items.every((a) => a.authority.id === j.haidian.id)).toBe(true);

    const p1 = (await bjAdmin.get(`${BASE}?limit=2`)).json() as AuthorityStaffPage;
    expect(p1.items).toHaveLength(2);
    expect(p1.total).toBe(all.total);
    const p2 = (await bjAdmin.get(`${BASE}?limit=2&cursor=${p1.nextCursor}`)).json() as AuthorityStaffPage;
    expect(p2.items[0]!.loginName).toBe(all.items[2]!.loginName);

    const filtered = (await bjAdmin.get(`${BASE}?authorityId=${j.haidian.id}&role=authority_reviewer&status=active&name=li_rev`)).json() as AuthorityStaffPage;
    expect(filtered.items.map((a) => a.loginName)).toEqual(['hd_li_reviewer']);
    expect(filtered.total).toBe(1);
    expectProblem(await hdAdmin.get(`${BASE}?authorityId=${j.beijing.id}`), 403, 'STAFF_AUTHORITY_OUT_OF_REACH');
    expectProblem(await bjAdmin.get(`${BASE}?cursor=garbage`), 400, 'STAFF_CURSOR_INVALID');
  });

  it('offers only the authorities in reach for the picker', async () => {
    const names = ((await hdAdmin.get(`${BASE}/authorities`)).json() as { items: { id: string }[] }).items.map((a) => a.id);
    expect(names).toEqual([j.haidian.id]);
    const bj = ((await bjAdmin.get(`${BASE}/authorities`)).json() as { items: { id: string }[] }).items.map((a) => a.id);
    expect(bj.sort()).toEqual([j.beijing.id, j.haidian.id, j.dongcheng.id].sort());
  });

  it('exports the filtered list as Excel and CSV with the same rows, audited', async () => {
    const rows = await exportBoth(bjAdmin, `${BASE}/export`, `authorityId=${j.haidian.id}`);
    expect(rows[0]).toEqual(['登录名', '姓名', '角色', '所属卫生健康行政部门', '行政区划代码', '状态', '须修改密码', '手机号', '电子邮箱', '创建时间']);
    expect(rows.find((r) => r[0] === 'hd_li_reviewer')).toEqual(expect.arrayContaining(['李审核', '审核人员', '北京市海淀区卫生健康委员会']));
    expect(new Set(column(rows, '所属卫生健康行政部门'))).toEqual(new Set(['北京市海淀区卫生健康委员会']));
    const logged = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'authority.staff.export'));
    expect(logged.map((l) => (l.detail as { format: string }).format)).toEqual(expect.arrayContaining(['xlsx', 'csv']));
  });

  it('refuses an export with a bad filter (400), an authority out of reach (403) and a reviewer (403)', async () => {
    expectProblem(await bjAdmin.get(`${BASE}/export.xlsx?role=nonsense`), 400, 'VALIDATION_FAILED');
    expectProblem(await hdAdmin.get(`${BASE}/export.csv?authorityId=${j.beijing.id}`), 403, 'STAFF_AUTHORITY_OUT_OF_REACH');
    expect((await bjReviewer.get(`${BASE}/export.xlsx`)).statusCode).toBe(403);
  });
});

describe('人员账户 — disable, reset, reassign', () => {
  it('disables an account: its sessions end, it cannot log in; enabling lets it in again', async () => {
    const victim = await loggedIn(t.app, 'hd_li_reviewer', 'Haidian#Rev2026');
    const a = await find(bjAdmin, 'hd_li_reviewer');
    const off = await bjAdmin.put(`${BASE}/${a.id}/status`, { disabled: true, version: a.version });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ status: 'disabled', version: a.version + 1, allowedActions: ['enable', 'reset_password', 'reassign'] });
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.accountId, a.id))).toHaveLength(0);
    expectProblem(await victim.get('/api/v1/authority/queue'), 401, 'UNAUTHENTICATED');
    expectProblem(await new Agent(t.app).login('hd_li_reviewer', 'Haidian#Rev2026'), 403, 'ACCOUNT_DISABLED');
    // The status table: a disabled account cannot be disabled again.
    const again = expectProblem(await bjAdmin.put(`${BASE}/${a.id}/status`, { disabled: true, version: a.version + 1 }), 409, 'STAFF_ACTION_NOT_ALLOWED');
    expect(again.detail).toContain('启用');
    // A change based on what the administrator saw before is refused.
    expectProblem(await bjAdmin.put(`${BASE}/${a.id}/status`, { disabled: false, version: a.version }), 409, 'STAFF_VERSION_CONFLICT');
    expect((await bjAdmin.put(`${BASE}/${a.id}/status`, { disabled: false, version: a.version + 1 })).json()).toMatchObject({ status: 'active' });
    await loggedIn(t.app, 'hd_li_reviewer', 'Haidian#Rev2026');
  });

  it('resets a password to a new one-time password: the old one stops working, the next login must change it', async () => {
    const a = await find(bjAdmin, 'hd_li_reviewer');
    const res = await bjAdmin.post(`${BASE}/${a.id}/password-reset`, { version: a.version });
    expect(res.statusCode, res.body).toBe(200);
    const { oneTimePassword, account } = res.json() as StaffWithOneTimePassword;
    expect(account.mustChangePassword).toBe(true);
    expectProblem(await new Agent(t.app).login('hd_li_reviewer', 'Haidian#Rev2026'), 401, 'INVALID_CREDENTIALS');
    const agent = await loggedIn(t.app, 'hd_li_reviewer', oneTimePassword);
    expectProblem(await agent.get('/api/v1/authority/queue'), 403, 'PASSWORD_CHANGE_REQUIRED');
  });

  it('moves an account to another authority in reach, and refuses one outside it', async () => {
    const a = await find(bjAdmin, 'hd_li_reviewer');
    const out = expectProblem(await bjAdmin.put(`${BASE}/${a.id}/authority`, { authorityId: j.nanshan.id, version: a.version }), 403, 'STAFF_AUTHORITY_OUT_OF_REACH');
    expect(out.errors?.[0]?.path).toEqual(['authorityId']);
    expectProblem(await bjAdmin.put(`${BASE}/${a.id}/authority`, { authorityId: j.haidian.id, version: a.version }), 400, 'STAFF_SAME_AUTHORITY');
    const moved = await bjAdmin.put(`${BASE}/${a.id}/authority`, { authorityId: j.dongcheng.id, version: a.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ authority: { id: j.dongcheng.id }, version: a.version + 1 });
    // Now outside the county administrator's reach: answered as not found, and absent from its list.
    expectProblem(await hdAdmin.put(`${BASE}/${a.id}/status`, { disabled: true, version: a.version + 1 }), 404, 'STAFF_ACCOUNT_NOT_FOUND');
    expect(((await hdAdmin.get(`${BASE}?limit=100`)).json() as AuthorityStaffPage).items.some((x) => x.id === a.id)).toBe(false);
  });

  it('refuses a county administrator an account of the province above (404) and its own account (409)', async () => {
    const provinceAdmin = (await bjAdmin.get(`${BASE}?authorityId=${j.beijing.id}&role=authority_admin`)).json() as AuthorityStaffPage;
    const target = provinceAdmin.items[0]!;
    expect(target.allowedActions).toEqual([]); // the viewer's own account
    expectProblem(await hdAdmin.put(`${BASE}/${target.id}/status`, { disabled: true, version: target.version }), 404, 'STAFF_ACCOUNT_NOT_FOUND');
    expectProblem(await hdAdmin.post(`${BASE}/${target.id}/password-reset`, { version: target.version }), 404, 'STAFF_ACCOUNT_NOT_FOUND');
    expectProblem(await bjAdmin.put(`${BASE}/${target.id}/status`, { disabled: true, version: target.version }), 409, 'STAFF_OWN_ACCOUNT');
    const self = await find(hdAdmin, hdAdminLogin);
    expectProblem(await hdAdmin.put(`${BASE}/${self.id}/authority`, { authorityId: j.haidian.id, version: self.version }), 409, 'STAFF_OWN_ACCOUNT');
  });

  it('lets one of two administrators acting at once win: concurrent disable and reassign give one 200 and one 409', async () => {
    const made = (await create(bjAdmin, { authorityId: j.haidian.id, loginName: 'race_reviewer' })).json() as StaffWithOneTimePassword;
    const { id, version } = made.account;
    const other = await loggedIn(t.app, (await makeAuthorityStaff(t.deps, j.beijing.id, 'authority_admin')).loginName, PASSWORD);
    const [a, b] = await Promise.all([
      bjAdmin.put(`${BASE}/${id}/status`, { disabled: true, version }),
      other.put(`${BASE}/${id}/authority`, { authorityId: j.dongcheng.id, version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json()).toMatchObject({ code: 'STAFF_VERSION_CONFLICT' });
    const [row] = await t.deps.db.select().from(accounts).where(eq(accounts.id, id));
    expect(row!.version).toBe(version + 1);
    // Exactly one of the two changes happened.
    expect(Number(row!.disabled) + Number(row!.authorityId === j.dongcheng.id)).toBe(1);
  });

  it('records every action in the audit trail', async () => {
    const a = await find(bjAdmin, 'race_reviewer');
    const rows = await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, 'account'), eq(auditLog.entityId, a.id)));
    expect(rows.map((r) => r.action)).toContain('authority.staff.create');
    const all = new Set((await t.deps.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action));
    for (const action of ['create', 'disable', 'enable', 'reset_password', 'reassign', 'export']) expect(all.has(`authority.staff.${action}`)).toBe(true);
  });
});
