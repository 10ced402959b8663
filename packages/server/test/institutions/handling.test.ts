import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { accounts, applicationEvents, applications, auditLog, outbox } from '../../src/db/schema/index';
import { readPdfText } from '../../src/pdf/test-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD, makeAuthorityStaff, makeInstitution } from '../helpers/factories';
import { makeApplicationAt } from '../helpers/institutions-factories';

type Detail = {
  id: string; version: number; state: string; stateLabel: string; businessCode: string; allowedActions: { action: string; label: string }[];
  applicant: { name: string; idNumber: string; phone: string }; formUrl: string;
  form: { practiceLocation: { name: string }; institution: { name: string }; scopes: { label: string }[]; photoUrl: string | null };
  qualification: { certCode: string } | null; authority: { name: string }; institutionDecidedAt: string | null; decisionReasons: string | null;
  institutionReview: { label: string }; authorityReview: { label: string };
  timeline: { action: string; actionLabel: string; reason: string | null; actor: { organization: string | null } }[];
};
const actions = (d: Detail) => d.allowedActions.map((a) => a.action);

let t: TestApp;
let clerk: Agent;
let admin: Agent;
let otherClerk: Agent;
let inst: Awaited<ReturnType<typeof makeInstitution>>;
let reviewerEmail: string;

beforeAll(async () => {
  t = await createTestApp();
  inst = await makeInstitution(t.deps, { name: '北京市海淀区测试医院' });
  const other = await makeInstitution(t.deps, { name: '北京市别家医院' });
  const reviewer = await makeAuthorityStaff(t.deps, inst.authorityId);
  reviewerEmail = `${reviewer.loginName}@wjw.example.cn`;
  await t.deps.db.update(accounts).set({ email: reviewerEmail, phone: '13700001111' }).where(eq(accounts.id, reviewer.id));
  clerk = await loggedIn(t.app, inst.clerkLogin, PASSWORD);
  admin = await loggedIn(t.app, inst.adminLogin, PASSWORD);
  otherClerk = await loggedIn(t.app, other.clerkLogin, PASSWORD);
});

afterAll(async () => {
  await t.close();
});

let app: Awaited<ReturnType<typeof makeApplicationAt>>;
beforeEach(async () => {
  app = await makeApplicationAt(t.deps, inst, { name: '欧阳晓燕', photo: true });
});

async function detail(agent: Agent, id: string): Promise<Detail> {
  const res = await agent.get(`/api/v1/institution/applications/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}

function decide(agent: Agent, id: string, action: string, body: Record<string, unknown>, key?: string) {
  return agent.request('POST', `/api/v1/institution/applications/${id}/${action}`, body, key ? { headers: { 'idempotency-key': key } } : {});
}

async function outboxFor(recipient: string | null) {
  return recipient ? t.deps.db.select().from(outbox).where(eq(outbox.recipient, recipient)) : [];
}

describe('办理业务', () => {
  it('opens the application with its data, photo, history and the three actions', async () => {
    const d = await detail(clerk, app.id);
    expect(d.applicant.name).toBe('欧阳晓燕');
    expect(d.applicant.idNumber).toMatch(/\*{8}/);
    expect(d.applicant.phone).toBe(app.physicianPhone);
    expect(JSON.stringify(d)).not.toContain(app.idNumber);
    expect(d.form.practiceLocation.name).toBe('北京市');
    expect(d.form.institution.name).toBe('北京市海淀区测试医院');
    expect(d.form.scopes.map((s) => s.label)).toEqual(['内科专业（含老年医学专业、传染病专业）']);
    expect(d.qualification?.certCode).toMatch(/^\w{9}\d{6}\*{8}[\dX]{4}$/);
    expect(d.institutionReview.label).toBe('待确认');
    expect(actions(d)).toEqual(['institution_approve', 'institution_return', 'institution_refuse']);
    const photo = await clerk.get(d.form.photoUrl!);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
  });

  it('answers another institution\'s clerk 404 for the application, its photo and its form', async () => {
    expectProblem(await otherClerk.get(`/api/v1/institution/applications/${app.id}`), 404, 'NOT_FOUND');
    expectProblem(await otherClerk.get(`/api/v1/applications/${app.id}/photo`), 404, 'NOT_FOUND');
    expectProblem(await otherClerk.get(`/api/v1/institution/applications/${app.id}/form.pdf`), 404, 'NOT_FOUND');
    expectProblem(await decide(otherClerk, app.id, 'approve', { expectedVersion: app.version }), 404, 'NOT_FOUND');
    expect((await detail(clerk, app.id)).state).toBe('pending_institution');
  });

  it('does not show drafts to the institution', async () => {
    const draft = await makeApplicationAt(t.deps, inst, { state: 'draft' });
    expectProblem(await clerk.get(`/api/v1/institution/applications/${draft.id}`), 404, 'NOT_FOUND');
  });
});

describe('【打印预览】《医师执业注册申请审核表》', () => {
  it('renders an A4 PDF with the 业务编号, the name and the full 身份证号, and audits the print', async () => {
    const res = await clerk.get(`/api/v1/institution/applications/${app.id}/form.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('inline');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const { pages } = await readPdfText(res.rawPayload);
    const text = pages.join('');
    expect(text).toContain(app.businessCode!);
    expect(text).toContain('欧阳晓燕');
    expect(text).toContain(app.idNumber);
    expect(text).toContain('医师执业注册申请审核表');
    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, app.id), eq(auditLog.action, 'application.print_form')));
    expect(audits).toHaveLength(1);
  });

  it('fills the institution opinion once the institution agreed', async () => {
    await decide(clerk, app.id, 'approve', { expectedVersion: app.version, reason: '经核实信息无误，同意。' });
    const res = await clerk.get(`/api/v1/institution/applications/${app.id}/form.pdf`);
    const text = (await readPdfText(res.rawPayload)).pages.join('');
    expect(text).toContain('经核实信息无误，同意。');
  });
});

describe('【同意】', () => {
  it('forwards to the deciding authority, records history and audit, and notifies the physician and the authority staff', async () => {
    const res = await decide(clerk, app.id, 'approve', { expectedVersion: app.version });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Detail;
    expect(d.state).toBe('pending_authority');
    expect(d.stateLabel).toBe('正在申办');
    expect(d.institutionDecidedAt).not.toBeNull();
    expect(actions(d)).toEqual([]);
    expect(d.institutionReview.label).toBe('已同意');
    expect(d.authorityReview.label).toBe('待受理');
    expect(d.timeline.at(-1)).toMatchObject({ action: 'institution_approve', actionLabel: '同意', actor: { organization: '北京市海淀区测试医院' } });
    const [row] = await t.deps.db.select().from(applications).where(eq(applications.id, app.id));
    expect(row!.authorityId).toBe(inst.authorityId);
    const physicianSms = await outboxFor(app.physicianPhone);
    expect(physicianSms.map((m) => m.template)).toContain('application.institution_approved');
    const staff = (await outboxFor(reviewerEmail)).filter((m) => m.body.includes(app.businessCode!));
    expect(staff).toHaveLength(1);
    expect(staff[0]!.template).toBe('authority.application_forwarded');
    expect((await outboxFor('13700001111')).filter((m) => m.body.includes(app.businessCode!)).map((m) => m.channel)).toEqual(['sms']);
    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, app.id), eq(auditLog.action, 'application.institution_approve')));
    expect(audits).toHaveLength(1);
    // The queue moved it.
    const queue = (await clerk.get('/api/v1/institution/applications?queue=in_progress&limit=100')).json() as { items: { id: string }[] };
    expect(queue.items.map((r) => r.id)).toContain(app.id);
  });

  it('refuses deciding twice with 409, the current state and the allowed actions', async () => {
    expect((await decide(clerk, app.id, 'approve', { expectedVersion: app.version })).statusCode).toBe(200);
    const stale = expectProblem(await decide(admin, app.id, 'approve', { expectedVersion: app.version }), 409, 'VERSION_CONFLICT') as unknown as
      { current: { state: string; stateLabel: string }; allowedActions: string[] };
    expect(stale.current).toMatchObject({ state: 'pending_authority', stateLabel: '正在申办' });
    expect(stale.allowedActions).toEqual([]);
    const fresh = await detail(admin, app.id);
    const again = expectProblem(await decide(admin, app.id, 'refuse', { expectedVersion: fresh.version, reason: '重复' }), 409, 'WORKFLOW_ACTION_NOT_ALLOWED') as unknown as
      { current: { state: string }; allowedActions: string[] };
    expect(again.current.state).toBe('pending_authority');
    expect(again.allowedActions).toEqual([]);
    const events = await t.deps.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id));
    expect(events.filter((e) => e.action === 'institution_approve')).toHaveLength(1);
  });

  it('records one decision for a double click with the same Idempotency-Key', async () => {
    const key = 'click-7f6c2b3a-1d2e';
    const [first, second] = await Promise.all([
      decide(clerk, app.id, 'approve', { expectedVersion: app.version }, key),
      decide(clerk, app.id, 'approve', { expectedVersion: app.version }, key),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode, second.body).toBe(200);
    expect((second.json() as Detail).state).toBe('pending_authority');
    const events = await t.deps.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id));
    expect(events.filter((e) => e.action === 'institution_approve')).toHaveLength(1);
    const notices = (await outboxFor(app.physicianPhone)).filter((m) => m.template === 'application.institution_approved');
    expect(notices).toHaveLength(1);
    expectProblem(await decide(clerk, app.id, 'approve', { expectedVersion: app.version }, 'bad key!'), 400, 'IDEMPOTENCY_KEY_INVALID');
  });
});

describe('【不同意】 and 【退回修改】', () => {
  it('need a reason (400 REASON_REQUIRED at reason) and change nothing without one', async () => {
    for (const action of ['refuse', 'return']) {
      const p = expectProblem(await decide(clerk, app.id, action, { expectedVersion: app.version }), 400, 'REASON_REQUIRED');
      expect(p.errors?.[0]?.path).toEqual(['reason']);
      expectProblem(await decide(clerk, app.id, action, { expectedVersion: app.version, reason: '   ' }), 400, 'REASON_REQUIRED');
    }
    expect((await detail(clerk, app.id)).state).toBe('pending_institution');
    expect(await outboxFor(app.physicianPhone)).toHaveLength(0);
  });

  it('不同意 ends the application with its reasons stored and sent to the physician', async () => {
    const res = await decide(clerk, app.id, 'refuse', { expectedVersion: app.version, reason: '本院未与申请人签订聘用合同' });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Detail;
    expect(d.state).toBe('refused_by_institution');
    expect(d.decisionReasons).toBe('本院未与申请人签订聘用合同');
    expect(d.timeline.at(-1)).toMatchObject({ action: 'institution_refuse', reason: '本院未与申请人签订聘用合同' });
    const sms = await outboxFor(app.physicianPhone);
    expect(sms.map((m) => m.body).join()).toContain('本院未与申请人签订聘用合同');
    const completed = (await clerk.get('/api/v1/institution/applications?queue=completed&limit=100')).json() as { items: { id: string }[] };
    expect(completed.items.map((r) => r.id)).toContain(app.id);
    const form = await readPdfText((await clerk.get(`/api/v1/institution/applications/${app.id}/form.pdf`)).rawPayload);
    expect(form.pages.join('')).toContain('不同意');
  });

  it('退回修改 lets the physician edit and resubmit', async () => {
    const res = await decide(clerk, app.id, 'return', { expectedVersion: app.version, reason: '照片不符合要求，请重新上传近期免冠照片' });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Detail;
    expect(d.state).toBe('returned_by_institution');
    expect(actions(d)).toEqual([]);
    const sms = await outboxFor(app.physicianPhone);
    expect(sms[0]!.template).toBe('application.institution_returned');
    expect(sms[0]!.body).toContain('照片不符合要求');
    const pendingQueue = (await clerk.get('/api/v1/institution/applications?limit=100')).json() as { items: { id: string }[] };
    expect(pendingQueue.items.map((r) => r.id)).not.toContain(app.id);
  });
});

describe('补正后重新提交', () => {
  it('returns an application the authority sent back for correction to the authority', async () => {
    const returned = await makeApplicationAt(t.deps, inst, { state: 'returned_for_correction' });
    const d = await detail(clerk, returned.id);
    expect(actions(d)).toEqual(['resubmit_correction']);
    const res = await decide(clerk, returned.id, 'resubmit-correction', { expectedVersion: d.version });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Detail).state).toBe('pending_authority');
  });
});
