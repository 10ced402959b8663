// 资格补改 handled by the authority (domain §2.2 BT-12: the authority supplements 补录 or corrects 修改 the
// qualification record): 受理, 补改, 驳回 through the workflow table, each version-checked, in the jurisdiction that
// owns the request, with a history row, an audit entry and a notice; the physician follows it and may file again.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeQualificationCode } from '@medreg/domain';
import {
  auditLog, outbox, qualificationCorrectionEvents, qualificationRevisions, qualifications,
} from '../../src/db/schema/index';
import { type Agent, expectProblem, loggedIn } from '../helpers/agent';
import { column, exportBoth } from '../helpers/export-files';
import { submitCorrection } from '../helpers/corrections-factories';
import { makeAuthority, makeAuthorityStaff, makeIdNumber, makeQualification, PASSWORD } from '../helpers/factories';
import { signUp } from '../helpers/physicians-factories';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let guangdong: Agent;
let guangdong2: Agent;
let beijing: Agent;

interface Detail {
  id: string; version: number; status: string; statusLabel: string; resolutionNote: string | null; qualificationId: string | null;
  qualifications: { id: string; certCode: string | null; levelLabel: string; categoryLabel: string; obtainedDate: string | null; sourceLabel: string }[];
  history: { action: string; label: string; reason: string | null }[];
  allowedActions: { action: string }[];
}

beforeAll(async () => {
  t = await createTestApp();
  const gd = await makeAuthority(t.deps, { areaCode: '440000', level: 'province', name: '广东省卫生健康委员会' });
  const bj = await makeAuthority(t.deps, { areaCode: '110000', level: 'province', name: '北京市卫生健康委员会' });
  await makeAuthority(t.deps, { areaCode: '000000', level: 'national', name: '国家卫生健康委员会' });
  guangdong = await loggedIn(t.app, (await makeAuthorityStaff(t.deps, gd.id)).loginName, PASSWORD);
  guangdong2 = await loggedIn(t.app, (await makeAuthorityStaff(t.deps, gd.id, 'authority_admin')).loginName, PASSWORD);
  beijing = await loggedIn(t.app, (await makeAuthorityStaff(t.deps, bj.id)).loginName, PASSWORD);
});
afterAll(async () => { await t.close(); });

/** A physician of 广东 who files a request; returns them and the request as the province reviewer opens it. */
async function filed(name = '陈医生') {
  const idNumber = makeIdNumber({ areaCode: '440305' });
  const s = await signUp(t.app, { name, idNumber });
  const res = await submitCorrection(s.agent, '2012年取得医师资格，资格库中查询不到');
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  return { ...s, idNumber, id, detail: await open(guangdong, id) };
}

async function open(agent: Agent, id: string): Promise<Detail> {
  const res = await agent.get(`/api/v1/authority/qualification-corrections/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}

const act = (agent: Agent, id: string, action: string, body: Record<string, unknown>) =>
  agent.post(`/api/v1/authority/qualification-corrections/${id}/${action}`, body);

async function accepted(d: { id: string; detail: Detail }): Promise<Detail> {
  const res = await act(guangdong, d.id, 'accept', { expectedVersion: d.detail.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}

describe('domain §2.2 BT-12: the province supplements a missing qualification', () => {
  it('受理 then 补改 creates the record for the physician, keeps its history sealed, and lets them file again', async () => {
    const d = await filed();
    expect(d.detail.allowedActions.map((a) => a.action)).toEqual(['accept', 'reject']);
    const inReview = await accepted(d);
    expect(inReview).toMatchObject({ status: 'in_review', statusLabel: '审核中', version: d.detail.version + 1 });
    expect(inReview.allowedActions.map((a) => a.action)).toEqual(['resolve', 'reject']);

    const certCode = makeQualificationCode({ year: 2012, provinceCode: '44', level: 'physician', category: 'clinical', idNumber: d.idNumber });
    const res = await act(guangdong, d.id, 'resolve', {
      expectedVersion: inReview.version,
      fields: { level: 'physician', category: 'clinical', certCode, obtainedDate: '2012-12-20' },
      note: '经核对2012年考试档案，补录医师资格信息',
    });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json() as Detail;
    expect(done).toMatchObject({ status: 'resolved', statusLabel: '已补改', resolutionNote: '经核对2012年考试档案，补录医师资格信息' });
    expect(done.qualifications).toEqual([expect.objectContaining({ id: done.qualificationId, certCode, obtainedDate: '2012-12-20', sourceLabel: '行政补录' })]);
    expect(done.history.map((h) => h.label)).toEqual(['受理', '补改']);

    // History: one event per action, one revision without a plain code or 身份证号.
    const events = await t.deps.db.select().from(qualificationCorrectionEvents).where(eq(qualificationCorrectionEvents.correctionId, d.id));
    expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([['submitted', 'in_review'], ['in_review', 'resolved']]);
    const [revision] = await t.deps.db.select().from(qualificationRevisions).where(eq(qualificationRevisions.correctionId, d.id));
    expect(revision!.oldValues).toBeNull();
    expect(revision!.newValues).toMatchObject({ level: 'physician', category: 'clinical', obtainedDate: '2012-12-20', source: 'admin_supplement' });
    const stored = JSON.stringify(revision!.newValues) + revision!.newCertCodeEnc!.toString('latin1');
    expect(stored).not.toContain(certCode);
    expect(stored).not.toContain(d.idNumber);
    expect(t.deps.pii.decrypt(revision!.newCertCodeEnc!)).toBe(certCode);

    const audits = await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, d.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['qualification_correction.accept', 'qualification_correction.resolve']));
    const sms = await t.deps.db.select().from(outbox).where(and(eq(outbox.recipient, d.phone), eq(outbox.template, 'qualification_correction.resolve')));
    expect(sms[0]?.body).toContain('补录医师资格信息');

    // The physician: status, note, the record in 资格信息, and a new request allowed.
    const own = (await d.agent.get('/api/v1/physician/qualification-corrections')).json() as { items: { statusLabel: string; resolutionNote: string }[]; canSubmit: boolean };
    expect(own).toMatchObject({ canSubmit: true, items: [{ statusLabel: '已补改', resolutionNote: '经核对2012年考试档案，补录医师资格信息' }] });
    const check = (await d.agent.post('/api/v1/physician/qualification-check')).json() as { outcome: string; qualifications: { levelLabel: string }[] };
    expect(check).toMatchObject({ outcome: 'found', qualifications: [{ levelLabel: '执业医师' }] });
    expect((await submitCorrection(d.agent, '另有一条执业助理医师资格需补录')).statusCode).toBe(201);
  });

  it('补改 of an existing record changes its fields and records the old and new values', async () => {
    const d = await filed('黄医生');
    const { qualification } = await makeQualification(t.deps, { name: '黄医生', idNumber: d.idNumber, level: 'assistant', category: 'clinical' });
    await d.agent.post('/api/v1/physician/qualification-check');
    const inReview = await accepted(d);
    const res = await act(guangdong, d.id, 'resolve', { expectedVersion: inReview.version, qualificationId: qualification.id, fields: { level: 'physician', category: 'clinical' } });
    expect(res.statusCode, res.body).toBe(200);
    const [revision] = await t.deps.db.select().from(qualificationRevisions).where(eq(qualificationRevisions.qualificationId, qualification.id));
    expect(revision!.oldValues).toMatchObject({ level: 'assistant' });
    expect(revision!.newValues).toMatchObject({ level: 'physician', certCodeMasked: qualification.certCodeMasked });
    expect((res.json() as Detail).qualifications.find((q) => q.id === qualification.id)?.levelLabel).toBe('执业医师');
  });
});

describe('refusals', () => {
  it('补改 before 受理 is refused with what is allowed now, and writes nothing', async () => {
    const d = await filed();
    const problem = expectProblem(await act(guangdong, d.id, 'resolve', { expectedVersion: d.detail.version, fields: { level: 'physician', category: 'clinical', admissionTicketNo: '44201200001' } }), 409, 'CORRECTION_ACTION_NOT_ALLOWED');
    expect(problem.detail).toContain('可执行的操作：受理、驳回');
    expect(await t.deps.db.select().from(qualifications).where(eq(qualifications.admissionTicketNo, '44201200001'))).toEqual([]);
  });

  it('a stale version is refused 409', async () => {
    const d = await filed();
    await accepted(d);
    expectProblem(await act(guangdong, d.id, 'reject', { expectedVersion: d.detail.version, reasons: '材料不全' }), 409, 'CORRECTION_VERSION_CONFLICT');
  });

  it('驳回 without reasons is refused on the field reasons', async () => {
    const d = await filed();
    const problem = expectProblem(await act(guangdong, d.id, 'reject', { expectedVersion: d.detail.version, reasons: '   ' }), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.[0]?.path).toEqual(['reasons']);
  });

  it('another province\'s commission gets not found, for the page and each action', async () => {
    const d = await filed();
    expectProblem(await beijing.get(`/api/v1/authority/qualification-corrections/${d.id}`), 404, 'NOT_FOUND');
    expectProblem(await act(beijing, d.id, 'accept', { expectedVersion: d.detail.version }), 404, 'NOT_FOUND');
    expect((await open(guangdong, d.id)).status).toBe('submitted');
  });

  it('a physician with an open request is refused a second; after 驳回 with written reasons a new one is allowed', async () => {
    const d = await filed();
    expectProblem(await submitCorrection(d.agent, '再次申请'), 409, 'QUALIFICATION_CORRECTION_PENDING');
    const res = await act(guangdong, d.id, 'reject', { expectedVersion: d.detail.version, reasons: '所附资格证书与考试档案不符' });
    expect((res.json() as Detail)).toMatchObject({ status: 'rejected', resolutionNote: '所附资格证书与考试档案不符', allowedActions: [] });
    const own = (await d.agent.get('/api/v1/physician/qualification-corrections')).json() as { items: { statusLabel: string; resolutionNote: string }[]; canSubmit: boolean };
    expect(own).toMatchObject({ canSubmit: true, items: [{ statusLabel: '未予补改', resolutionNote: '所附资格证书与考试档案不符' }] });
    expect((await submitCorrection(d.agent, '补充了考试合格证明')).statusCode).toBe(201);
  });
});

describe('资格补改 export', () => {
  it('exports the province\'s requests as Excel and CSV with the list\'s filter and order, 身份证号 masked; another province sees none', async () => {
    const d = await filed('导出补改');
    const list = (await guangdong.get('/api/v1/authority/qualification-corrections?status=submitted&limit=100')).json() as { items: { id: string; physicianName: string }[] };
    const rows = await exportBoth(guangdong, '/api/v1/authority/qualification-corrections/export', 'status=submitted');
    expect(column(rows, '姓名')).toEqual(list.items.map((i) => i.physicianName));
    expect(column(rows, '姓名')).toContain('导出补改');
    expect(new Set(column(rows, '状态'))).toEqual(new Set(['已提交，待受理']));
    expect(column(rows, '身份证号').every((id) => /\*{4,}/.test(id))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(d.idNumber);
    expect(column(await exportBoth(beijing, '/api/v1/authority/qualification-corrections/export'), '姓名')).not.toContain('导出补改');
    expectProblem(await guangdong.get('/api/v1/authority/qualification-corrections/export.xlsx?status=nonsense'), 400, 'VALIDATION_FAILED');
    expect((await d.agent.get('/api/v1/authority/qualification-corrections/export.csv')).statusCode).toBe(403);
  });
});

describe('concurrency', () => {
  it('two 受理 at once: one succeeds, the other is told the request changed', async () => {
    const d = await filed();
    const results = await Promise.all([guangdong, guangdong2].map((a) => act(a, d.id, 'accept', { expectedVersion: d.detail.version })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await t.deps.db.select().from(qualificationCorrectionEvents).where(eq(qualificationCorrectionEvents.correctionId, d.id))).toHaveLength(1);
  });
});
