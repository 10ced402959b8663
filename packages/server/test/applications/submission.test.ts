import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { accounts, applicationEvents, applications, auditLog, businessCodeSerials, outbox } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem } from '../helpers/agent';
import { makeAuthorityStaff, makeInstitution } from '../helpers/factories';
import {
  actAs, completeDraft, giveStaffContacts, makeApplicant, saveStep, staffActor, startFirstRegistration, type PresentedApp,
} from '../helpers/applications-factories';

type Detail = PresentedApp & {
  stateLabel: string;
  allowedActions: { action: string; label: string }[];
  nextStep: { title: string; text: string; items?: string[]; notice?: string };
  timeline: { action: string; actionLabel: string; stateLabel: string; actor: { roleLabel: string; organization: string | null }; reason: string | null }[];
  institution: { name: string } | null;
  authority: { name: string } | null;
  applicant: { idNumber: string; idNumberMasked: string };
};

let t: TestApp;
let inst: Awaited<ReturnType<typeof makeInstitution>>;
let clerkActor: ReturnType<typeof staffActor>;
let reviewerActor: ReturnType<typeof staffActor>;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-27T02:00:00Z');
  inst = await makeInstitution(t.deps, { name: '北京市海淀区提交测试医院', areaCode: '110108' });
  await giveStaffContacts(t.deps, inst.institution.id);
  clerkActor = staffActor(inst.clerk, { institutionName: inst.institution.name });
  const reviewer = await makeAuthorityStaff(t.deps, inst.authorityId);
  reviewerActor = staffActor(reviewer, { authority: { name: '海淀区卫生健康委员会', areaCode: '110108', level: 'county' } });
});
afterAll(async () => { await t.close(); });

async function row(id: string) {
  const [r] = await t.deps.db.select().from(applications).where(eq(applications.id, id));
  return r!;
}

async function detail(agent: { get(url: string): Promise<{ statusCode: number; body: string; json(): unknown }> }, id: string): Promise<Detail> {
  const res = await agent.get(`/api/v1/applications/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}

async function submitted() {
  const p = await makeApplicant(t.app, t.deps);
  const draft = await completeDraft(p.agent, await startFirstRegistration(p.agent), inst.institution);
  const res = await p.agent.post(`/api/v1/applications/${draft.id}/submit`, { expectedVersion: draft.version });
  expect(res.statusCode, res.body).toBe(200);
  return { p, app: res.json() as Detail };
}

describe('【提交】', () => {
  it('refuses an incomplete form with the path of every missing field and changes nothing', async () => {
    const p = await makeApplicant(t.app, t.deps);
    let draft = await startFirstRegistration(p.agent);
    draft = await saveStep(p.agent, draft, { practiceLocationCode: '110000', institutionId: inst.institution.id });
    const serialsBefore = await t.deps.db.select().from(businessCodeSerials);
    const res = await p.agent.post(`/api/v1/applications/${draft.id}/submit`, { expectedVersion: draft.version });
    const body = expectProblem(res, 400, 'APPLICATION_INCOMPLETE');
    const paths = body.errors!.map((e) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['scopes', 'startDate', 'department', 'education.education', 'education.school', 'education.graduationDate', 'title', 'photoSha256', 'declarations.civilCapacity', 'declarations.truthful']));
    expect(paths).not.toContain('institutionId');
    const after = await row(draft.id);
    expect(after).toMatchObject({ state: 'draft', version: draft.version, businessCode: null, submittedAt: null, institutionId: null });
    expect(await t.deps.db.select().from(businessCodeSerials)).toEqual(serialsBefore);
    const events = await t.deps.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, draft.id));
    expect(events.map((e) => e.action)).toEqual(['create']);
  });

  it('refuses an unticked declaration (《医师法》第十六条)', async () => {
    const p = await makeApplicant(t.app, t.deps);
    let draft = await completeDraft(p.agent, await startFirstRegistration(p.agent), inst.institution);
    draft = await saveStep(p.agent, draft, { declarations: { noRevocation: false } });
    const body = expectProblem(await p.agent.post(`/api/v1/applications/${draft.id}/submit`, { expectedVersion: draft.version }), 400, 'APPLICATION_INCOMPLETE');
    expect(body.errors!.map((e) => e.path)).toEqual([['declarations', 'noRevocation']]);
  });

  it('gives a 20-character 业务编号, moves to 待机构确认 at the institution, records history and notifies', async () => {
    const { p, app } = await submitted();
    expect(app.businessCode).toMatch(/^BT0120261127\d{8}$/);
    expect(app.businessCode).toHaveLength(20);
    expect(app).toMatchObject({ state: 'pending_institution', stateLabel: '待机构确认', editable: false, institution: { name: inst.institution.name } });
    expect(app.allowedActions.map((a) => a.action)).toEqual(['withdraw']);
    expect(app.nextStep.text).toBe(`请联系拟执业机构（${inst.institution.name}）确认，并在机构打印《医师执业注册申请审核表》后准备纸质材料`.concat('。'));

    const r = await row(app.id);
    expect(r).toMatchObject({ institutionId: inst.institution.id, authorityId: inst.authorityId, physicianName: p.name, state: 'pending_institution' });
    expect(r.idNumberHash.equals(t.deps.pii.hash(p.idNumber))).toBe(true);
    expect(r.submittedAt?.toISOString()).toBe('2026-11-27T02:00:00.000Z');
    expect(r.payload).toMatchObject({ qualificationId: p.qualification.id, level: 'physician', practiceLocationCode: '110000', scopes: ['11'] });

    expect(app.timeline.map((e) => [e.actionLabel, e.stateLabel, e.actor.roleLabel])).toEqual([['创建申请', '草稿', '医师'], ['提交', '待机构确认', '医师']]);
    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, app.id), eq(auditLog.action, 'application.submit')));
    expect(audits).toHaveLength(1);

    const physicianAccount = (await t.deps.db.select().from(accounts).where(eq(accounts.loginName, p.loginName)))[0]!;
    const toPhysician = await t.deps.db.select().from(outbox).where(eq(outbox.accountId, physicianAccount.id));
    expect(toPhysician.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    expect(toPhysician[0]!.body).toContain(app.businessCode!);
    const staffIds = [inst.admin.id, inst.clerk.id];
    const toStaff = await t.deps.db.select().from(outbox).where(and(inArray(outbox.accountId, staffIds), eq(outbox.template, 'application.submitted.institution')));
    expect(toStaff.filter((m) => m.body.includes(app.businessCode!))).toHaveLength(4); // admin and clerk, SMS and e-mail each
  });

  it('refuses a second 【提交】 and keeps one 业务编号', async () => {
    const p = await makeApplicant(t.app, t.deps);
    const draft = await completeDraft(p.agent, await startFirstRegistration(p.agent), inst.institution);
    const first = await p.agent.post(`/api/v1/applications/${draft.id}/submit`, { expectedVersion: draft.version });
    expect(first.statusCode, first.body).toBe(200);
    const code = (first.json() as Detail).businessCode;
    expectProblem(await p.agent.post(`/api/v1/applications/${draft.id}/submit`, { expectedVersion: draft.version }), 409, 'VERSION_CONFLICT');
    const again = await p.agent.post(`/api/v1/applications/${draft.id}/submit`, { expectedVersion: (first.json() as Detail).version });
    const body = expectProblem(again, 409, 'WORKFLOW_ACTION_NOT_ALLOWED') as unknown as { allowedActions: string[] };
    expect(body.allowedActions).toEqual(['withdraw']);
    expect((await row(draft.id)).businessCode).toBe(code);
    const submits = await t.deps.db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, draft.id), eq(applicationEvents.action, 'submit')));
    expect(submits).toHaveLength(1);
  });

  it('gives each submission of the day the next serial', async () => {
    const a = await submitted();
    const b = await submitted();
    const serial = (code: string | null) => Number(code!.slice(-8));
    expect(serial(b.app.businessCode)).toBe(serial(a.app.businessCode) + 1);
  });

  it('treats a repeated Idempotency-Key as the same submission', async () => {
    const p = await makeApplicant(t.app, t.deps);
    const draft = await completeDraft(p.agent, await startFirstRegistration(p.agent), inst.institution);
    const send = () => p.agent.request('POST', `/api/v1/applications/${draft.id}/submit`, { expectedVersion: draft.version }, { headers: { 'idempotency-key': `submit-${draft.id}` } });
    const first = await send();
    const second = await send();
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode, second.body).toBe(200);
    expect((second.json() as Detail).businessCode).toBe((first.json() as Detail).businessCode);
  });

  it('resubmits after 机构退回修改 with the same 业务编号', async () => {
    const { p, app } = await submitted();
    await actAs(t.deps, clerkActor, app.id, 'institution_return', '执业范围请与科室一致');
    let d = await detail(p.agent, app.id);
    expect(d).toMatchObject({ state: 'returned_by_institution', editable: true });
    expect(d.nextStep.text).toContain('执业范围请与科室一致');
    d = await saveStep(p.agent, d, { department: inst.institution.departments[1] }) as Detail;
    const res = await p.agent.post(`/api/v1/applications/${app.id}/submit`, { expectedVersion: d.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'pending_institution', businessCode: app.businessCode });
  });
});

describe('撤回', () => {
  it('withdraws before the institution has acted and tells the institution', async () => {
    const { p, app } = await submitted();
    const res = await p.agent.post(`/api/v1/applications/${app.id}/withdraw`, { expectedVersion: app.version, reason: '拟更换执业机构' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'withdrawn', stateLabel: '已撤回', allowedActions: [] });
    const notices = await t.deps.db.select().from(outbox).where(eq(outbox.template, 'application.withdrawn.institution'));
    expect(notices.some((m) => m.body.includes(app.businessCode!))).toBe(true);
    // A new first registration may be started once the old one is withdrawn.
    expect((await p.agent.post('/api/v1/applications', { businessType: 'first_registration' })).statusCode).toBe(201);
  });

  it('refuses once the institution has agreed, listing what is allowed now', async () => {
    const { p, app } = await submitted();
    await actAs(t.deps, clerkActor, app.id, 'institution_approve');
    const body = expectProblem(await p.agent.post(`/api/v1/applications/${app.id}/withdraw`, {}), 409, 'WORKFLOW_ACTION_NOT_ALLOWED') as unknown as { allowedActions: string[]; detail: string };
    expect(body.allowedActions).toEqual([]);
    expect(body.detail).toContain('正在申办');
    expect((await row(app.id)).state).toBe('pending_authority');
  });

  it('lets a draft be discarded', async () => {
    const p = await makeApplicant(t.app, t.deps);
    const draft = await startFirstRegistration(p.agent);
    const res = await p.agent.post(`/api/v1/applications/${draft.id}/withdraw`, { expectedVersion: draft.version });
    expect(res.json()).toMatchObject({ state: 'withdrawn' });
  });
});

describe('业务进度', () => {
  it('shows the seven paper materials and the authority once the institution agreed', async () => {
    const { p, app } = await submitted();
    await actAs(t.deps, clerkActor, app.id, 'institution_approve');
    const d = await detail(p.agent, app.id);
    expect(d.stateLabel).toBe('正在申办');
    expect(d.nextStep.text).toContain('请按要求向（');
    expect(d.nextStep.items).toHaveLength(7);
    expect(d.nextStep.items![0]).toBe('《注册申请表》一份');
    expect(d.timeline.map((e) => [e.actionLabel, e.actor.roleLabel, e.actor.organization])).toEqual([
      ['创建申请', '医师', null], ['提交', '医师', null], ['同意', '机构经办人', inst.institution.name],
    ]);
  });

  it('lists the correction items and takes 补正后重新提交 after 退回补正', async () => {
    const { p, app } = await submitted();
    await actAs(t.deps, clerkActor, app.id, 'institution_approve');
    await actAs(t.deps, reviewerActor, app.id, 'request_correction', '1. 二甲或二甲以上医疗机构的健康体检证明表', { correctionItems: ['二甲或二甲以上医疗机构的健康体检证明表'] });
    const d = await detail(p.agent, app.id);
    expect(d).toMatchObject({ state: 'returned_for_correction', nextStep: { items: ['二甲或二甲以上医疗机构的健康体检证明表'] } });
    expect(d.allowedActions.map((a) => a.action)).toEqual(['resubmit_correction']);
    const res = await p.agent.post(`/api/v1/applications/${app.id}/resubmit-correction`, { expectedVersion: d.version, note: '已补交体检表' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'pending_authority' });
  });

  it('tells a refused applicant the reasons and the appeal rights', async () => {
    const { p, app } = await submitted();
    await actAs(t.deps, clerkActor, app.id, 'institution_approve');
    await actAs(t.deps, reviewerActor, app.id, 'accept');
    await actAs(t.deps, reviewerActor, app.id, 'refuse', '申请人被吊销医师执业证书不满二年', { decisionReasons: '申请人被吊销医师执业证书不满二年', decidedAt: new Date() });
    const d = await detail(p.agent, app.id);
    expect(d.nextStep.text).toContain('申请人被吊销医师执业证书不满二年');
    expect(d.nextStep.notice).toContain('行政复议');
    expect(d.appealNotice).toContain('行政诉讼');
  });

  it('lists the physician’s own applications, newest first', async () => {
    const p = await makeApplicant(t.app, t.deps);
    const first = await startFirstRegistration(p.agent);
    await p.agent.post(`/api/v1/applications/${first.id}/withdraw`, {});
    t.setNow('2026-11-27T03:00:00Z');
    const second = await startFirstRegistration(p.agent);
    t.setNow('2026-11-27T02:00:00Z');
    const res = await p.agent.get('/api/v1/applications');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { items: { id: string; stateLabel: string; businessTypeLabel: string }[]; nextCursor: string | null };
    expect(list.items.map((i) => [i.id, i.stateLabel])).toEqual([[second.id, '草稿'], [first.id, '已撤回']]);
    expect(list.nextCursor).toBeNull();
    expectProblem(await p.agent.get('/api/v1/applications?cursor=bad'), 400, 'APPLICATION_CURSOR_INVALID');
  });

  it('shows the full 身份证号 to the applicant and a masked one to the institution', async () => {
    const { p, app } = await submitted();
    expect((await detail(p.agent, app.id)).applicant.idNumber).toBe(p.idNumber);
    const { loggedIn } = await import('../helpers/agent');
    const clerk = await loggedIn(t.app, inst.clerkLogin, 'Test@2026pw');
    const seen = await detail(clerk, app.id);
    expect(seen.applicant.idNumber).not.toBe(p.idNumber);
    expect(seen.applicant.idNumber).toContain('*');
    expect(seen.allowedActions.map((a) => a.action)).toEqual(['institution_approve', 'institution_return', 'institution_refuse']);
    expect((await clerk.get(`/api/v1/applications/${app.id}/photo`)).statusCode).toBe(200);
  });
});
