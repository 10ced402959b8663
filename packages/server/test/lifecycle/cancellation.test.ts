// BT-07 注销注册 for every initiator, through the HTTP API: the physician applies (本人主动申请), the institution reports
// (《医师法》第十七条第二款), the authority cancels ex officio (第十七条第三款); the effect on the public side (第二十一条).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { applicationEvents, certificates, registrationCancellations } from '../../src/db/schema/index';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem } from '../helpers/agent';
import { column, exportBoth } from '../helpers/export-files';
import { setRegistrationStatus } from '../helpers/register-factories';
import {
  NOW, accepts, approveRequest, certificatesOf, makeWorld, registeredPhysician, registrationsOf, saveForm, startBusiness, toAccepted, type Presented, type World,
} from './lifecycle-helpers';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  w = await makeWorld(t.app, t.deps);
});
afterAll(async () => t?.close());

type Verify = { state: string; verdict: string; reason: string; registration: { statusLabel: string; cancellation: { effectiveOn: string; groundLabel: string | null } | null } };
type Announcements = { items: { date: string; name: string; licenceCode: string | null; institutionName: string; kindLabel: string; groundLabel: string | null }[]; nextCursor: string | null };

async function verify(token: string): Promise<Verify> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/register/certificates/${token}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Verify;
}

async function announcements(authorityId: string, kind: string, cursor?: string): Promise<Announcements> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/announcements?authorityId=${authorityId}&kind=${kind}&limit=2${cursor ? `&cursor=${cursor}` : ''}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Announcements;
}

async function tokenOf(registrationId: string): Promise<string> {
  return (await certificatesOf(t.deps, registrationId))[0]!.verifyToken;
}

async function report(registrationId: string, body: Record<string, unknown>) {
  return w.clerk.hd.post(`/api/v1/institution/registrations/${registrationId}/cancellation-report`, body);
}

describe('BT-07 本人主动申请', () => {
  it('physician applies → the main institution confirms → the granting authority 准予: 注销, certificate 已废止, announced', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '钱注销' });
    const options = (await doc.agent.get('/api/v1/physician/business-options')).json() as { businesses: { type: string; available: boolean }[] };
    expect(options.businesses.find((b) => b.type === 'cancellation')).toMatchObject({ available: true });

    const draft = await startBusiness(doc.agent, 'cancellation', { registrationId: doc.registration.id });
    const saved = await saveForm(doc.agent, draft, { initiator: 'physician', registrationId: doc.registration.id, reason: '出国定居，不再执业' });
    expect(saved.business!.review).toContainEqual(expect.objectContaining({ field: 'registrationStatus', old: '有效', new: '注销' }));
    expect(saved.business!.review).toContainEqual(expect.objectContaining({ field: 'certificate', new: '原证书已废止' }));
    const sent = await doc.agent.post(`/api/v1/applications/${saved.id}/submit`, { expectedVersion: saved.version });
    expect(sent.statusCode, sent.body).toBe(200);
    const app = sent.json() as Presented;
    expect(app).toMatchObject({ state: 'pending_institution', institution: { id: w.hdInstitution.institution.id }, authority: { id: w.haidian.id } });
    expect(app.businessCode).toMatch(/^BT07/);
    expect(app.business!.kindLabel).toBe('本人主动申请');

    const version = await toAccepted(w.clerk.hd, w.reviewer.hd, app);
    const approved = await approveRequest(w.reviewer.hd, app.id, version);
    expect(approved.statusCode, approved.body).toBe(200);

    const [reg] = await registrationsOf(t.deps, doc.physician.id);
    expect(reg!.status).toBe('cancelled');
    const [cancelled] = await t.deps.db.select().from(registrationCancellations).where(eq(registrationCancellations.registrationId, reg!.id));
    expect(cancelled).toMatchObject({ ground: 'own_application', initiator: 'physician', applicationId: app.id, effectiveOn: '2026-11-10', authorityId: w.haidian.id });
    const v = await verify(await tokenOf(reg!.id));
    expect(v).toMatchObject({ state: 'voided', verdict: '已废止' });
    expect(v.reason).toContain('执业注册已于2026年11月10日注销（注销原因：本人主动申请）');
    expect(v.registration).toMatchObject({ statusLabel: '已注销', cancellation: { effectiveOn: '2026-11-10', groundLabel: '本人主动申请' } });
    const list = await announcements(w.haidian.id, 'cancellation');
    expect(list.items).toContainEqual(expect.objectContaining({ name: '钱注销', date: '2026-11-10', licenceCode: reg!.licenceCode, kindLabel: '注销注册', groundLabel: '本人主动申请' }));
  });

  it('from 注册备案 no institution confirms: the application goes straight to the granting authority', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '孙备案' });
    await setRegistrationStatus(t.deps, doc.registration.id, 'filed');
    const draft = await startBusiness(doc.agent, 'cancellation', { registrationId: doc.registration.id });
    const saved = await saveForm(doc.agent, draft, { initiator: 'physician', registrationId: doc.registration.id, reason: '退休后不再执业' });
    const sent = await doc.agent.post(`/api/v1/applications/${saved.id}/submit`, { expectedVersion: saved.version });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'pending_authority', institution: null, authority: { id: w.haidian.id } });
    const accepted = await accepts(w.reviewer.hd, saved.id, (sent.json() as Presented).version);
    expect(accepted.dueDate).not.toBeNull();
  });

  it('refuses a physician naming another ground, and an incomplete form, with the field path', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '周字段' });
    const draft = await startBusiness(doc.agent, 'cancellation', { registrationId: doc.registration.id });
    const other = await doc.agent.request('PUT', `/api/v1/applications/${draft.id}/form`, {
      expectedVersion: draft.version, form: { initiator: 'institution', registrationId: doc.registration.id, ground: 'death', triggerOn: '2026-11-01' },
    });
    expect(expectProblem(other, 400, 'CANCELLATION_FILED_BY_OTHERS').errors?.[0]?.path).toEqual(['form', 'initiator']);
    const empty = await doc.agent.request('PUT', `/api/v1/applications/${draft.id}/form`, { expectedVersion: draft.version, form: { initiator: 'physician', registrationId: doc.registration.id, reason: '' } });
    expect(expectProblem(empty, 400, 'VALIDATION_FAILED').errors?.[0]?.path).toEqual(['form', 'reason']);
  });
});

describe('《医师法》第十七条 机构三十日内报告', () => {
  it('the institution reports a death on time: 待受理 at the granting authority, no institution step, 准予 → 注销 with initiator institution', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '吴报告' });
    const res = await report(doc.registration.id, { ground: 'death', triggerOn: '2026-10-11', note: '因病去世' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { applicationId: string; late: boolean; dueOn: string; state: string };
    expect(body).toMatchObject({ late: false, dueOn: '2026-11-10', state: 'pending_authority' });

    const queue = (await w.reviewer.hd.get('/api/v1/authority/queue?queue=pending_authority')).json() as { items: { id: string; kindLabel: string | null }[] };
    expect(queue.items.find((i) => i.id === body.applicationId)?.kindLabel).toBe('机构报告：死亡或者被宣告失踪');
    const detail = (await w.reviewer.hd.get(`/api/v1/authority/applications/${body.applicationId}`)).json() as { version: number; business: { initiatorLabel: string; review: { field: string; new: string | null }[] } };
    expect(detail.business.initiatorLabel).toBe('机构报告');
    expect(detail.business.review).toContainEqual(expect.objectContaining({ field: 'cancellationTrigger', new: '2026-10-11' }));
    const accepted = await accepts(w.reviewer.hd, body.applicationId, detail.version);
    expect((await approveRequest(w.reviewer.hd, body.applicationId, accepted.version)).statusCode).toBe(200);
    const [cancelled] = await t.deps.db.select().from(registrationCancellations).where(eq(registrationCancellations.registrationId, doc.registration.id));
    expect(cancelled).toMatchObject({ ground: 'death', initiator: 'institution', triggerOn: '2026-10-11' });
    // A second report on a cancelled registration is refused.
    expectProblem(await report(doc.registration.id, { ground: 'death', triggerOn: '2026-10-11' }), 409, 'REGISTRATION_NOT_VALID');
  });

  it('a report after 30 days is accepted and marked late; a date after today, a bad ground and another institution\'s physician are refused', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '郑逾期' });
    const late = await report(doc.registration.id, { ground: 'criminal_penalty', triggerOn: '2026-10-10' });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json()).toMatchObject({ late: true, dueOn: '2026-11-09' });
    const lateDetail = (await w.reviewer.hd.get(`/api/v1/authority/applications/${(late.json() as { applicationId: string }).applicationId}`)).json() as { business: { kindLabel: string } };
    expect(lateDetail.business.kindLabel).toBe('机构报告（逾期报告）：受刑事处罚');
    expectProblem(await report(doc.registration.id, { ground: 'death', triggerOn: '2026-10-10' }), 409, 'APPLICATION_PENDING');

    const other = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '王未来' });
    expect(expectProblem(await report(other.registration.id, { ground: 'death', triggerOn: '2026-11-11' }), 400, 'TRIGGER_DATE_IN_FUTURE').errors?.[0]?.path).toEqual(['triggerOn']);
    expect(expectProblem(await report(other.registration.id, { ground: 'own_application', triggerOn: '2026-11-01' }), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toEqual(['ground']);
    const foreign = await registeredPhysician(t.app, t.deps, w.nsInstitution.institution, { name: '深圳医师' });
    expectProblem(await report(foreign.registration.id, { ground: 'death', triggerOn: '2026-11-01' }), 404, 'REGISTRATION_NOT_FOUND');
  });

  it('不予 with a reason leaves the registration 有效', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '冯不予' });
    const body = (await report(doc.registration.id, { ground: 'health_unfit', triggerOn: '2026-11-01' })).json() as { applicationId: string };
    const detail = (await w.reviewer.hd.get(`/api/v1/authority/applications/${body.applicationId}`)).json() as { version: number };
    const accepted = await accepts(w.reviewer.hd, body.applicationId, detail.version);
    const refused = await w.reviewer.hd.post(`/api/v1/authority/applications/${body.applicationId}/refuse`, { expectedVersion: accepted.version, reasons: '经核实，该医师身体状况可以继续执业' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect((await registrationsOf(t.deps, doc.physician.id))[0]!.status).toBe('valid');
  });
});

describe('依职权注销 (《医师法》第十七条第三款)', () => {
  async function search(agent: typeof w.reviewer.hd, q: string) {
    const res = await agent.get(`/api/v1/authority/registrations?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { id: string; idNumberMasked: string; canCancel: boolean; version?: number }[]; count: number; nextCursor: string | null };
  }

  it('the granting authority finds the registration and cancels it with the ground and 文书编号; a foreign authority gets 404', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '陈职权' });
    const found = await search(w.reviewer.hd, `name=${encodeURIComponent('陈职权')}`);
    expect(found.count).toBe(1);
    expect(found.items[0]).toMatchObject({ id: doc.registration.id, canCancel: true });
    expect(found.items[0]!.idNumberMasked).not.toBe(doc.idNumber);
    expect((await search(w.reviewer.hd, `idNumber=${doc.idNumber}`)).items.map((i) => i.id)).toEqual([doc.registration.id]);
    // 深圳 sees nothing of 海淀 and may not act on it.
    expect((await search(w.reviewer.ns, `name=${encodeURIComponent('陈职权')}`)).count).toBe(0);
    const body = { ground: 'certificate_misused', triggerOn: '2026-11-01', documentNo: '海卫注〔2026〕1号', expectedVersion: 1 };
    expectProblem(await w.reviewer.ns.post(`/api/v1/authority/registrations/${doc.registration.id}/cancellation`, body), 404, 'NOT_FOUND');
    expect(expectProblem(await w.reviewer.hd.post(`/api/v1/authority/registrations/${doc.registration.id}/cancellation`, { ...body, ground: 'own_application' }), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toEqual(['ground']);

    const done = await w.reviewer.hd.post(`/api/v1/authority/registrations/${doc.registration.id}/cancellation`, body);
    expect(done.statusCode, done.body).toBe(200);
    const detail = (await w.reviewer.hd.get(`/api/v1/authority/registrations/${doc.registration.id}`)).json() as { status: string; canCancel: boolean; cancellation: Record<string, unknown>; history: { event: string }[] };
    expect(detail).toMatchObject({ status: 'cancelled', canCancel: false, cancellation: { initiatorLabel: '卫生健康主管部门依职权注销', documentNo: '海卫注〔2026〕1号' } });
    expect(detail.history.map((h) => h.event)).toEqual(['cancel']);
    const [cert] = await t.deps.db.select().from(certificates).where(eq(certificates.registrationId, doc.registration.id));
    expect(cert!.status).toBe('voided');
    expectProblem(await w.reviewer.hd.post(`/api/v1/authority/registrations/${doc.registration.id}/cancellation`, { ...body, expectedVersion: 2 }), 409, 'REGISTRATION_NOT_VALID');
  });

  it('a superior authority may act in its jurisdiction; the list exports as Excel and CSV with masked 身份证号', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '上级注销' });
    await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '上级未选' });
    const rows = await exportBoth(w.reviewer.bj, '/api/v1/authority/registrations/export', `name=${encodeURIComponent('上级注销')}`);
    expect(column(rows, '姓名')).toEqual(['上级注销']);
    expect(column(rows, '身份证号')[0]).toMatch(/\*{4,}/);
    expect(JSON.stringify(rows)).not.toContain(doc.idNumber);
    expectProblem(await w.reviewer.bj.get('/api/v1/authority/registrations/export.xlsx?status=nonsense'), 400, 'VALIDATION_FAILED');
    expect((await w.clerk.hd.get('/api/v1/authority/registrations/export.csv')).statusCode).toBe(403);
    const done = await w.reviewer.bj.post(`/api/v1/authority/registrations/${doc.registration.id}/cancellation`, { ground: 'exam_cheating', triggerOn: '2026-11-01', documentNo: '京卫注〔2026〕2号', expectedVersion: 1 });
    expect(done.statusCode, done.body).toBe(200);
  });

  it('keyset pages add up to the count', async () => {
    for (const n of ['一', '二', '三']) await registeredPhysician(t.app, t.deps, w.dcInstitution.institution, { name: `分页${n}` });
    const first = await search(w.reviewer.dc, 'limit=2');
    expect(first.count).toBe(3);
    const second = await search(w.reviewer.dc, `limit=2&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((i) => i.id)).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    expectProblem(await w.reviewer.dc.get('/api/v1/authority/registrations?cursor=xyz'), 400, 'QUEUE_CURSOR_INVALID');
  });
});

describe('concurrent decisions on one cancellation', () => {
  it('two ex officio cancellations at once: one 200, one 409, one cancellation record', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '并发注销' });
    const body = { ground: 'death', triggerOn: '2026-11-01', documentNo: '海卫注〔2026〕3号', expectedVersion: 1 };
    const results = await Promise.all([w.reviewer.hd, w.reviewer.bj].map((a) => a.post(`/api/v1/authority/registrations/${doc.registration.id}/cancellation`, body)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await t.deps.db.select().from(registrationCancellations).where(eq(registrationCancellations.registrationId, doc.registration.id))).toHaveLength(1);
  });

  it('two 准予 of one report at once: one 200, one 409', async () => {
    const doc = await registeredPhysician(t.app, t.deps, w.hdInstitution.institution, { name: '并发准予' });
    const { applicationId } = (await report(doc.registration.id, { ground: 'death', triggerOn: '2026-11-01' })).json() as { applicationId: string };
    const detail = (await w.reviewer.hd.get(`/api/v1/authority/applications/${applicationId}`)).json() as { version: number };
    const accepted = await accepts(w.reviewer.hd, applicationId, detail.version);
    const results = await Promise.all([0, 1].map(() => approveRequest(w.reviewer.hd, applicationId, accepted.version)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const approvals = (await t.deps.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, applicationId))).filter((e) => e.action === 'approve');
    expect(approvals).toHaveLength(1);
  });
});

describe('《医师法》第二十一条 注销公告', () => {
  it('lists the cancellations and registrations of an authority, newest first, a page at a time', async () => {
    const cancellations = await announcements(w.haidian.id, 'cancellation');
    expect(cancellations.items).toHaveLength(2);
    expect(cancellations.nextCursor).not.toBeNull();
    const rest = await announcements(w.haidian.id, 'cancellation', cancellations.nextCursor!);
    const all = [...cancellations.items, ...rest.items];
    expect(all.every((i) => i.kindLabel === '注销注册' && i.groundLabel)).toBe(true);
    expect(new Set(all.map((i) => i.name)).size).toBe(all.length);
    const registrationsList = await announcements(w.haidian.id, 'registration');
    expect(registrationsList.items[0]).toMatchObject({ kindLabel: '准予注册', groundLabel: null, institutionName: '北京市海淀医院' });
    const bad = await t.app.inject({ method: 'GET', url: `/api/v1/public/announcements?authorityId=${w.haidian.id}&kind=other` });
    expect(bad.statusCode).toBe(400);
  });
});
