// 医疗机构管理: the authority administrator keeps the register of the institutions in its jurisdiction (domain §4.5–4.8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeCreditCode, organizationCodeCheckChar } from '@medreg/domain';
import { accounts, auditLog, institutionEvents } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { Agent, expectProblem } from '../helpers/agent';
import { column, exportBoth } from '../helpers/export-files';
import { makeJurisdictions, makePendingApplication, staffOf, type Jurisdictions } from '../helpers/authority-factories';
import { makeApplicant, startFirstRegistration } from '../helpers/applications-factories';

const BASE = '/api/v1/authority/institution-registry';
let t: TestApp;
let w: Jurisdictions;
let beijingAdmin: Agent;
let haidianAdmin: Agent;
let shenzhenAdmin: Agent;
let serial = 0;

/** A valid form for a new institution in 海淀区, approved by 海淀区卫健委; each call has its own codes and login. */
function form(o: Record<string, unknown> = {}) {
  serial += 1;
  const body = String(51000000 + serial * 97).slice(0, 8);
  const org = body + organizationCodeCheckChar(body);
  return {
    name: `北京市海淀区登记测试医院${serial}`, creditCode: makeCreditCode({ areaCode: '110108', organizationBody: body }),
    licenceRegNo: `${org}11010811A1001`, kind: 'medical', grade: '2A', grassroots: false, address: '北京市海淀区测试路1号',
    areaCode: '110108', approvingAuthorityId: w.haidian.id, departments: ['内科', '外科', '儿科'],
    admin: { loginName: `reg${serial}_admin`, displayName: '王管理' },
    ...o,
  };
}

async function created(agent: Agent, o: Record<string, unknown> = {}) {
  const res = await agent.post(BASE, form(o));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; admin: { loginName: string; oneTimePassword: string }; warnings: { path: string[] }[] };
}

const detail = async (agent: Agent, id: string) => (await agent.get(`${BASE}/${id}`)).json() as {
  version: number; status: string; statusLabel: string; name: string; openApplications: number;
  history: { event: string; changes: { field: string; old: string; new: string }[]; reason: string | null }[];
};

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-02T02:00:00Z');
  w = await makeJurisdictions(t.deps);
  beijingAdmin = await staffOf(t.app, t.deps, w.beijing.id, 'authority_admin');
  haidianAdmin = await staffOf(t.app, t.deps, w.haidian.id, 'authority_admin');
  shenzhenAdmin = await staffOf(t.app, t.deps, w.shenzhen.id, 'authority_admin');
});
afterAll(async () => { await t.close(); });

describe('新增医疗机构 with its first administrator', () => {
  it('creates the institution and an institution_admin whose one-time password must be changed at the first login', async () => {
    const made = await created(beijingAdmin);
    expect(made.admin.oneTimePassword).toMatch(/^\S{16}$/);
    expect(made.warnings).toEqual([]);

    const admin = new Agent(t.app);
    const login = await admin.login(made.admin.loginName, made.admin.oneTimePassword);
    expect(login.statusCode, login.body).toBe(200);
    const me = (await admin.get('/api/v1/session')).json() as { role: string; mustChangePassword: boolean; institution: { id: string } };
    expect(me).toMatchObject({ role: 'institution_admin', mustChangePassword: true, institution: { id: made.id } });
    // Until the password is changed the institution portal is refused.
    expect((await admin.get('/api/v1/institution/staff')).statusCode).toBe(403);

    const d = await detail(beijingAdmin, made.id);
    expect(d).toMatchObject({ status: 'normal', statusLabel: '正常', version: 1 });
    expect(d.history[0]).toMatchObject({ event: 'register' });
    expect(d.history[0]!.changes).toContainEqual({ field: 'name', label: '标准名称', old: '（空）', new: d.name });
    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, made.id), eq(auditLog.action, 'institution.register')));
    expect(audits).toHaveLength(1);
    // The password is kept only as a hash.
    const [account] = await t.deps.db.select().from(accounts).where(eq(accounts.loginName, made.admin.loginName));
    expect(account!.passwordHash).not.toContain(made.admin.oneTimePassword);
  });

  it('warns, but registers, a credit code whose check character is wrong (GB 32100 early pilot codes, domain §4.5)', async () => {
    const f = form();
    const wrong = f.creditCode.slice(0, 17) + (f.creditCode[17] === '0' ? '1' : '0');
    const res = await beijingAdmin.post(BASE, { ...f, creditCode: wrong });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { warnings: { path: string[]; message: string }[] }).warnings).toEqual([{ path: ['creditCode'], message: expect.stringContaining('校验位不符') }]);
  });
});

describe('refusals with the field path', () => {
  it('refuses a credit code and a 登记号 of the wrong format (GB 32100, domain §4.7)', async () => {
    const bad = await beijingAdmin.post(BASE, form({ creditCode: '12110108ABC', licenceRegNo: '许可证' }));
    const body = expectProblem(bad, 400, 'CREDIT_CODE_INVALID');
    expect(body.errors!.map((e) => e.path)).toEqual(expect.arrayContaining([['creditCode'], ['licenceRegNo']]));
  });

  it('refuses a second institution of the same name in the same place, and the same credit code (409)', async () => {
    const first = form();
    await created(beijingAdmin, first);
    const sameName = expectProblem(await beijingAdmin.post(BASE, form({ name: first.name })), 409, 'INSTITUTION_NAME_TAKEN');
    expect(sameName.errors![0]!.path).toEqual(['name']);
    const sameCode = expectProblem(await beijingAdmin.post(BASE, form({ creditCode: first.creditCode })), 409, 'INSTITUTION_CREDIT_CODE_TAKEN');
    expect(sameCode.errors![0]!.path).toEqual(['creditCode']);
    const sameLogin = expectProblem(await beijingAdmin.post(BASE, form({ admin: first.admin })), 409, 'INSTITUTION_ADMIN_LOGIN_TAKEN');
    expect(sameLogin.errors![0]!.path).toEqual(['admin', 'loginName']);
    // The same name in another county is another institution.
    await created(beijingAdmin, form({ name: first.name, areaCode: '110101', approvingAuthorityId: w.dongcheng.id }));
  });

  it('refuses an area outside the administrator\'s jurisdiction and an approving authority out of reach', async () => {
    const outside = expectProblem(await shenzhenAdmin.post(BASE, form()), 403, 'INSTITUTION_AREA_OUTSIDE_JURISDICTION');
    expect(outside.errors![0]!.path).toEqual(['areaCode']);
    const approver = expectProblem(await beijingAdmin.post(BASE, form({ approvingAuthorityId: w.dongcheng.id })), 400, 'INSTITUTION_APPROVER_OUT_OF_REACH');
    expect(approver.errors![0]!.path).toEqual(['approvingAuthorityId']);
    // A county administrator cannot name the province above it as the approver.
    expectProblem(await haidianAdmin.post(BASE, form({ approvingAuthorityId: w.beijing.id })), 400, 'INSTITUTION_APPROVER_OUT_OF_REACH');
    expect((await haidianAdmin.get(`${BASE}/approvers?areaCode=110108`)).json()).toEqual({ items: [{ id: w.haidian.id, name: w.haidian.name, level: 'county' }] });
  });

  it('answers an institution outside the jurisdiction as not found, and lists only its own', async () => {
    expectProblem(await haidianAdmin.get(`${BASE}/${w.dcInstitution.institution.id}`), 404, 'INSTITUTION_NOT_FOUND_IN_JURISDICTION');
    const list = (await haidianAdmin.get(`${BASE}?limit=100`)).json() as { items: { areaCode: string }[]; total: number };
    expect(list.total).toBe(list.items.length);
    expect(new Set(list.items.map((i) => i.areaCode))).toEqual(new Set(['110108']));
    const reviewer = await staffOf(t.app, t.deps, w.beijing.id, 'authority_reviewer');
    expect((await reviewer.get(BASE)).statusCode).toBe(403);
  });
});

describe('list, pages and export', () => {
  it('pages by name with the total and filters by area; exports Excel and CSV with the same rows, within the jurisdiction', async () => {
    const first = (await beijingAdmin.get(`${BASE}?limit=2&areaCode=110000`)).json() as { items: { name: string }[]; total: number; nextCursor: string };
    expect(first.items).toHaveLength(2);
    expect(first.total).toBeGreaterThan(2);
    const second = (await beijingAdmin.get(`${BASE}?limit=2&areaCode=110000&cursor=${first.nextCursor}`)).json() as { items: { name: string }[] };
    expect(second.items[0]!.name > first.items[1]!.name).toBe(true);
    const rows = await exportBoth(beijingAdmin, `${BASE}/export`, 'areaCode=110108');
    expect(column(rows, '标准名称')).toContain('北京市海淀医院');
    expect(column(rows, '标准名称')).not.toContain('北京市东城区和平里医院');
    expect(column(rows, '标准名称')).not.toContain('深圳市南山区人民医院');
    expect(column(await exportBoth(shenzhenAdmin, `${BASE}/export`), '标准名称')).not.toContain('北京市海淀医院');
    expectProblem(await beijingAdmin.get(`${BASE}/export.xlsx?status=nonsense`), 400, 'VALIDATION_FAILED');
    const reviewer = await staffOf(t.app, t.deps, w.beijing.id, 'authority_reviewer');
    expectProblem(await reviewer.get(`${BASE}/export.csv`), 403, 'FORBIDDEN');
    expectProblem(await beijingAdmin.get(`${BASE}?cursor=bm90LWpzb24`), 400, 'INSTITUTION_REGISTRY_CURSOR_INVALID');
  });
});

describe('修改 (version-guarded) and history', () => {
  it('keeps old → new for every change, and lets only one of two administrators editing at once through (409)', async () => {
    const made = await created(beijingAdmin);
    const f = form();
    const { admin: _a, ...fields } = f;
    const base = { ...fields, name: (await detail(beijingAdmin, made.id)).name, creditCode: undefined };
    const current = (await beijingAdmin.get(`${BASE}/${made.id}`)).json() as Record<string, unknown>;
    const edit = (agent: Agent, name: string) => agent.put(`${BASE}/${made.id}`, {
      ...base, creditCode: current.creditCode, licenceRegNo: current.licenceRegNo, name, expectedVersion: 1,
    });
    const [a, b] = await Promise.all([edit(beijingAdmin, '北京市海淀区改名测试医院甲'), edit(haidianAdmin, '北京市海淀区改名测试医院乙')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expectProblem(loser, 409, 'INSTITUTION_VERSION_CONFLICT');
    const d = await detail(beijingAdmin, made.id);
    expect(d.version).toBe(2);
    expect(d.history[0]!.event).toBe('edit');
    expect(d.history[0]!.changes).toContainEqual(expect.objectContaining({ field: 'name', new: d.name }));
    expect(await t.deps.db.select().from(institutionEvents).where(eq(institutionEvents.institutionId, made.id))).toHaveLength(2);
  });
});

describe('暂停 and 恢复 (INSTITUTION_STATUS_TABLE)', () => {
  it('refuses new applications at a suspended institution with a clear message, lists its pending ones, and takes them again after 恢复', async () => {
    const inst = w.hdInstitution.institution;
    const { application } = await makePendingApplication(t.deps, { institution: inst, authorityId: w.haidian.id });
    const p = await makeApplicant(t.app, t.deps);
    const draft = await startFirstRegistration(p.agent);

    const before = await detail(haidianAdmin, inst.id);
    const noReason = await haidianAdmin.post(`${BASE}/${inst.id}/suspension`, { expectedVersion: before.version, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const suspended = await haidianAdmin.post(`${BASE}/${inst.id}/suspension`, { expectedVersion: before.version, reason: '停业整顿' });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expectProblem(await haidianAdmin.post(`${BASE}/${inst.id}/suspension`, { expectedVersion: before.version + 1, reason: '再次' }), 409, 'INSTITUTION_STATUS_NOT_ALLOWED');

    // Where the physician picks the institution, and in the 首次注册 form.
    const departments = expectProblem(await p.agent.get(`/api/v1/reference/institutions/${inst.id}/departments`), 409, 'INSTITUTION_SUSPENDED');
    expect(departments.detail).toBe('「北京市海淀医院」已暂停接收执业注册申请，请选择其他医疗机构或联系该机构');
    const search = (await p.agent.get('/api/v1/reference/institutions?place=110108')).json() as { items: { id: string }[] };
    expect(search.items.map((i) => i.id)).not.toContain(inst.id);
    const pick = await p.agent.patch(`/api/v1/applications/${draft.id}`, { expectedVersion: draft.version, practiceLocationCode: '110000', institutionId: inst.id });
    const refused = expectProblem(pick, 409, 'INSTITUTION_SUSPENDED');
    expect(refused.errors![0]!.path).toEqual(['institutionId']);

    const d = await detail(haidianAdmin, inst.id);
    expect(d).toMatchObject({ status: 'suspended', statusLabel: '暂停', openApplications: 1 });
    expect(d.history[0]).toMatchObject({ event: 'suspend', reason: '停业整顿', changes: [{ field: 'status', old: '正常', new: '暂停' }] });
    const pending = (await haidianAdmin.get(`${BASE}/${inst.id}/pending-applications`)).json() as { items: { id: string; stateLabel: string }[]; total: number };
    expect(pending).toMatchObject({ total: 1, items: [{ id: application.id, stateLabel: '正在申办' }] });
    const listed = (await haidianAdmin.get(`${BASE}?status=suspended`)).json() as { items: { id: string }[]; total: number };
    expect(listed).toMatchObject({ total: 1, items: [{ id: inst.id }] });

    expect((await haidianAdmin.post(`${BASE}/${inst.id}/reopening`, { expectedVersion: d.version })).statusCode).toBe(200);
    expect((await p.agent.get(`/api/v1/reference/institutions/${inst.id}/departments`)).statusCode).toBe(200);
    const audits = await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, inst.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['institution.suspend', 'institution.reopen']));
  });
});
