// 《医师法》第四十二条: 定期考核不合格 → 暂停执业活动三至六个月并培训 → 再次考核; 第五十五条至第五十八条: 处分决定.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { certificates, registrationBars, registrationCancellations, registrationEvents, registrationSuspensions, suspensionEvents } from '../../src/db/schema/index';
import { inTransaction } from '../../src/context';
import { JobRunner } from '../../src/jobs/index';
import { endSuspensions, suspensionEndJob } from '../../src/jobs/suspension-end';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createPeerApp, type PeerApp } from '../helpers/peer-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD } from '../helpers/factories';
import { column, exportBoth } from '../helpers/export-files';
import { makeJurisdictions, staffOf, type Jurisdictions } from '../helpers/authority-factories';
import { makeRegisteredPhysician } from '../helpers/register-factories';
import { statusOf } from './supervision-helpers';

const silent = { error: () => undefined };
let t: TestApp;
let peer: PeerApp;
let j: Jurisdictions;
let haidian: Agent;

beforeAll(async () => {
  t = await createTestApp();
  peer = await createPeerApp(t);
  t.setNow('2026-12-02T02:00:00Z');
  j = await makeJurisdictions(t.deps);
  haidian = await staffOf(t.app, t.deps, j.haidian.id);
});
afterAll(async () => {
  await peer?.close();
  await t?.close();
});

const doctor = (name: string) => makeRegisteredPhysician(t.deps, j.hdInstitution.institution, { name });
const ORDER = { documentNo: '京海卫考〔2026〕1号', decidedOn: '2026-12-01', startsOn: '2026-12-02', endsOn: '2027-03-01', training: '参加北京市海淀区卫生健康委员会组织的内科专业培训三个月' };

async function failed(name: string) {
  const d = await doctor(name);
  const res = await haidian.post('/api/v1/authority/assessments', { licenceCode: d.registration.licenceCode, cycle: '2024–2026', result: 'failed' });
  expect(res.statusCode, res.body).toBe(201);
  return { ...d, resultId: res.json().id as string };
}

async function suspended(name: string) {
  const d = await failed(name);
  const res = await haidian.post(`/api/v1/authority/assessments/${d.resultId}/suspension`, { ...ORDER, documentNo: `京海卫考〔2026〕${name}号` });
  expect(res.statusCode, res.body).toBe(201);
  return { ...d, suspensionId: res.json().id as string };
}

async function suspensionOf(id: string) {
  const [s] = await t.deps.db.select().from(registrationSuspensions).where(eq(registrationSuspensions.id, id));
  return s!;
}

describe('定期考核不合格 → 暂停执业活动', () => {
  it('《医师法》第四十二条: the authority orders 暂停执业活动 for 3–6 months with training, and the registration is 中止', async () => {
    t.setNow('2026-12-02T02:00:00Z');
    const d = await suspended('蔡明哲');
    expect(await statusOf(t, d.registration.id)).toBe('suspended');
    expect(await suspensionOf(d.suspensionId)).toMatchObject({ kind: 'assessment', status: 'in_force', endsOn: '2027-03-01', training: ORDER.training });
    const [event] = await t.deps.db.select().from(registrationEvents).where(eq(registrationEvents.registrationId, d.registration.id));
    expect(event).toMatchObject({ event: 'suspend', fromStatus: 'valid', toStatus: 'suspended', cause: { kind: 'supervision', act: 'assessment_failed' } });
    const row = (await haidian.get(`/api/v1/authority/assessments?licenceCode=${d.registration.licenceCode}`)).json().items[0];
    expect(row).toMatchObject({ suspension: { statusLabel: '执行中' }, abilities: { orderSuspension: false, recordReassessment: false } });
  });

  it('refuses a period outside 3–6 months, and a result that is not 不合格', async () => {
    const d = await failed('丁若水');
    const bad = await haidian.post(`/api/v1/authority/assessments/${d.resultId}/suspension`, { ...ORDER, documentNo: 'x号1', endsOn: '2027-07-01' });
    expect(expectProblem(bad, 400, 'SUSPENSION_PERIOD_INVALID').detail).toContain('3至6个月');
    const p = await doctor('冯清越');
    const passed = (await haidian.post('/api/v1/authority/assessments', { licenceCode: p.registration.licenceCode, cycle: '2024–2026', result: 'passed' })).json();
    expectProblem(await haidian.post(`/api/v1/authority/assessments/${passed.id}/suspension`, { ...ORDER, documentNo: 'x号2' }), 409, 'ASSESSMENT_NOT_FAILED');
  });

  it('two orders at the same moment: one succeeds, the other is a 409', async () => {
    const d = await failed('江远帆');
    const other = await staffOf(t.app, t.deps, j.haidian.id);
    const [a, b] = await Promise.all([
      haidian.post(`/api/v1/authority/assessments/${d.resultId}/suspension`, { ...ORDER, documentNo: '并发1号' }),
      other.post(`/api/v1/authority/assessments/${d.resultId}/suspension`, { ...ORDER, documentNo: '并发2号' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const rows = await t.deps.db.select().from(registrationSuspensions).where(eq(registrationSuspensions.registrationId, d.registration.id));
    expect(rows).toHaveLength(1);
  });

  it('an assessment suspension does not end by itself: past its end date it reads 待再次考核', async () => {
    const d = await suspended('韩知秋');
    t.setNow('2027-03-05T02:00:00Z');
    haidian = await staffOf(t.app, t.deps, j.haidian.id);
    await inTransaction(t.deps, (c) => endSuspensions(c));
    expect(await statusOf(t, d.registration.id)).toBe('suspended');
    const row = (await haidian.get(`/api/v1/authority/assessments?licenceCode=${d.registration.licenceCode}`)).json().items[0];
    expect(row).toMatchObject({ suspension: { statusLabel: '待再次考核' }, abilities: { recordReassessment: true } });
  });
});

describe('再次考核', () => {
  it('《医师法》第四十二条: refuses the re-assessment before the suspension has ended; 合格 then resumes the registration', async () => {
    t.setNow('2026-12-02T02:00:00Z');
    const d = await suspended('顾北辰');
    const early = await haidian.post(`/api/v1/authority/suspensions/${d.suspensionId}/reassessment`, { expectedVersion: 1, result: 'passed', assessedOn: '2026-12-02' });
    expectProblem(early, 409, 'REASSESSMENT_TOO_EARLY');
    t.setNow('2027-03-03T02:00:00Z');
    haidian = await staffOf(t.app, t.deps, j.haidian.id);
    const res = await haidian.post(`/api/v1/authority/suspensions/${d.suspensionId}/reassessment`, { expectedVersion: 1, result: 'passed', assessedOn: '2027-03-02' });
    expect(res.statusCode, res.body).toBe(201);
    expect(await statusOf(t, d.registration.id)).toBe('valid');
    expect(await suspensionOf(d.suspensionId)).toMatchObject({ status: 'lifted', version: 2 });
    const events = await t.deps.db.select().from(registrationEvents).where(eq(registrationEvents.registrationId, d.registration.id));
    expect(events.at(-1)).toMatchObject({ event: 'resume', cause: { kind: 'supervision', act: 'reassessment_passed' } });
    const again = await haidian.post(`/api/v1/authority/suspensions/${d.suspensionId}/reassessment`, { expectedVersion: 1, result: 'passed', assessedOn: '2027-03-02' });
    expectProblem(again, 409, 'SUSPENSION_VERSION_CONFLICT');
  });

  it('再次考核仍不合格的注销注册: the registration is 注销 and its certificate voided', async () => {
    t.setNow('2026-12-02T02:00:00Z');
    const d = await suspended('林晚照');
    t.setNow('2027-03-03T02:00:00Z');
    haidian = await staffOf(t.app, t.deps, j.haidian.id);
    const res = await haidian.post(`/api/v1/authority/suspensions/${d.suspensionId}/reassessment`, { expectedVersion: 1, result: 'failed', assessedOn: '2027-03-02', documentNo: '京海卫注〔2027〕3号' });
    expect(res.json()).toMatchObject({ cancelled: true });
    expect(await statusOf(t, d.registration.id)).toBe('cancelled');
    expect(await suspensionOf(d.suspensionId)).toMatchObject({ status: 'terminated' });
    const [cancellation] = await t.deps.db.select().from(registrationCancellations).where(eq(registrationCancellations.registrationId, d.registration.id));
    expect(cancellation).toMatchObject({ ground: 'assessment_failed_again', documentNo: '京海卫注〔2027〕3号', effectiveOn: '2027-03-03' });
    const [cert] = await t.deps.db.select().from(certificates).where(eq(certificates.registrationId, d.registration.id));
    expect(cert!.status).toBe('voided');
  });

  it('因定期考核不合格被注销注册的一年内不予注册: the cancellation records a one-year bar (《医师法》第十六条第四项)', async () => {
    t.setNow('2026-12-02T02:00:00Z');
    const d = await suspended('沈听澜');
    t.setNow('2027-03-03T02:00:00Z');
    haidian = await staffOf(t.app, t.deps, j.haidian.id);
    await haidian.post(`/api/v1/authority/suspensions/${d.suspensionId}/reassessment`, { expectedVersion: 1, result: 'failed', assessedOn: '2027-03-02' });
    const bars = await t.deps.db.select().from(registrationBars).where(eq(registrationBars.physicianId, d.physician.id));
    expect(bars).toEqual([expect.objectContaining({ kind: 'assessment_cancelled', startsOn: '2027-03-03', endsOn: '2028-03-02' })]);
  });
});

describe('处分决定', () => {
  const PENALTY = { kind: 'suspension', article: 'art57', decidedOn: '2026-12-01', startsOn: '2026-12-02', endsOn: '2027-06-01', facts: '超出注册的执业范围执业' };

  it('《医师法》第五十七条: 暂停执业活动 six months to a year suspends the registration; a document number is recorded once', async () => {
    t.setNow('2026-12-02T02:00:00Z');
    const d = await doctor('孟书言');
    const res = await haidian.post('/api/v1/authority/penalties', { ...PENALTY, licenceCode: d.registration.licenceCode, documentNo: '京海卫医罚〔2026〕12号' });
    expect(res.statusCode, res.body).toBe(201);
    expect(await statusOf(t, d.registration.id)).toBe('suspended');
    const again = await haidian.post('/api/v1/authority/penalties', { ...PENALTY, licenceCode: d.registration.licenceCode, documentNo: '京海卫医罚〔2026〕12号' });
    expectProblem(again, 409, 'DOCUMENT_NO_TAKEN');
    const short = await haidian.post('/api/v1/authority/penalties', { ...PENALTY, licenceCode: d.registration.licenceCode, documentNo: '短期1号', endsOn: '2027-02-01' });
    expectProblem(short, 400, 'SUSPENSION_PERIOD_INVALID');
    const list = (await haidian.get('/api/v1/authority/penalties')).json();
    expect(list.items[0]).toMatchObject({ kindLabel: '暂停执业活动', documentNo: '京海卫医罚〔2026〕12号', statusLabel: '执行中', authorityName: '北京市海淀区卫生健康委员会' });
  });

  it('《医师法》第十六条第三项: 吊销医师执业证书 cancels the registration, ends a running suspension and bars a new one for two years', async () => {
    t.setNow('2026-12-02T02:00:00Z');
    const d = await doctor('秦怀远');
    await haidian.post('/api/v1/authority/penalties', { ...PENALTY, licenceCode: d.registration.licenceCode, documentNo: '京海卫医罚〔2026〕20号' });
    const res = await haidian.post('/api/v1/authority/penalties', { kind: 'revocation', article: 'art58', decidedOn: '2026-12-02', facts: '严重违反医师职业道德', licenceCode: d.registration.licenceCode, documentNo: '京海卫医罚〔2026〕21号' });
    expect(res.statusCode, res.body).toBe(201);
    expect(await statusOf(t, d.registration.id)).toBe('cancelled');
    const [s] = await t.deps.db.select().from(registrationSuspensions).where(eq(registrationSuspensions.registrationId, d.registration.id));
    expect(s!.status).toBe('terminated');
    const bars = await t.deps.db.select().from(registrationBars).where(eq(registrationBars.physicianId, d.physician.id));
    expect(bars).toEqual([expect.objectContaining({ kind: 'revoked', startsOn: '2026-12-02', endsOn: '2028-12-01' })]);
  });

  it('exports the 处分决定 as Excel and CSV with the list\'s filter and order, within the jurisdiction only', async () => {
    const list = (await haidian.get('/api/v1/authority/penalties?limit=100')).json() as { items: { documentNo: string }[] };
    const rows = await exportBoth(haidian, '/api/v1/authority/penalties/export');
    expect(column(rows, '文书编号')).toEqual(list.items.map((i) => i.documentNo));
    expect(column(rows, '文书编号')).toEqual(expect.arrayContaining(['京海卫医罚〔2026〕20号', '京海卫医罚〔2026〕21号']));
    const revoked = await exportBoth(haidian, '/api/v1/authority/penalties/export', 'kind=revocation');
    expect(new Set(column(revoked, '处分种类'))).toEqual(new Set(['吊销医师执业证书']));
    const nanshan = await staffOf(t.app, t.deps, j.nanshan.id);
    expect(column(await exportBoth(nanshan, '/api/v1/authority/penalties/export'), '文书编号')).toEqual([]);
    expectProblem(await haidian.get('/api/v1/authority/penalties/export.xlsx?kind=nonsense'), 400, 'VALIDATION_FAILED');
    const clerk = await loggedIn(t.app, j.hdInstitution.clerkLogin, PASSWORD);
    expect((await clerk.get('/api/v1/authority/penalties/export.csv')).statusCode).toBe(403);
  });
});

describe('suspensions.end', () => {
  const PENALTY = { kind: 'suspension', article: 'art55', decidedOn: '2026-12-01', startsOn: '2026-12-02', endsOn: '2027-06-01', facts: '未按照规定履行报告职责' };

  it('暂停执业活动期满自动恢复: after its end date a penalty suspension ends and the registration is 有效 again', async () => {
    t.setNow('2026-12-02T02:00:00Z');
    await inTransaction(t.deps, (c) => endSuspensions(c));
    const d = await doctor('唐知微');
    const res = await haidian.post('/api/v1/authority/penalties', { ...PENALTY, licenceCode: d.registration.licenceCode, documentNo: '京海卫医罚〔2026〕30号' });
    const [s] = await t.deps.db.select().from(registrationSuspensions).where(eq(registrationSuspensions.registrationId, d.registration.id));
    expect(res.statusCode).toBe(201);
    t.setNow('2027-06-01T15:59:00Z'); // 6月1日 23:59 北京时间: still the last day
    expect(await inTransaction(t.deps, (c) => endSuspensions(c))).toBe(0);
    expect(await statusOf(t, d.registration.id)).toBe('suspended');
    t.setNow('2027-06-01T16:00:00Z'); // 6月2日 00:00
    const runner = new JobRunner(t.deps, silent).register(suspensionEndJob());
    expect(await runner.runOnce('suspensions.end')).toBe('ran');
    expect(await statusOf(t, d.registration.id)).toBe('valid');
    expect(await suspensionOf(s!.id)).toMatchObject({ status: 'expired' });
    const events = await t.deps.db.select().from(registrationEvents).where(eq(registrationEvents.registrationId, d.registration.id));
    expect(events.at(-1)).toMatchObject({ event: 'resume', cause: { kind: 'schedule', rule: 'suspension_ended' }, actorAccountId: null });
  });

  it('two runs at once end each suspension once', async () => {
    t.setNow('2027-07-01T02:00:00Z');
    haidian = await staffOf(t.app, t.deps, j.haidian.id);
    await inTransaction(t.deps, (c) => endSuspensions(c));
    t.setNow('2026-12-02T02:00:00Z');
    const ds = [await doctor('温如故'), await doctor('许长安'), await doctor('叶知秋')];
    for (const [i, d] of ds.entries()) {
      expect((await haidian.post('/api/v1/authority/penalties', { ...PENALTY, licenceCode: d.registration.licenceCode, documentNo: `并发处罚${i}号` })).statusCode).toBe(201);
    }
    t.setNow('2027-06-05T02:00:00Z');
    haidian = await staffOf(t.app, t.deps, j.haidian.id);
    const counts = await Promise.all([inTransaction(t.deps, (c) => endSuspensions(c)), inTransaction(peer.deps, (c) => endSuspensions(c))]);
    expect(counts[0]! + counts[1]!).toBe(3);
    for (const d of ds) {
      expect(await statusOf(t, d.registration.id)).toBe('valid');
      const [s] = await t.deps.db.select().from(registrationSuspensions).where(eq(registrationSuspensions.registrationId, d.registration.id));
      expect(await t.deps.db.select().from(suspensionEvents).where(eq(suspensionEvents.suspensionId, s!.id))).toHaveLength(2);
      const resumes = (await t.deps.db.select().from(registrationEvents).where(eq(registrationEvents.registrationId, d.registration.id))).filter((e) => e.event === 'resume');
      expect(resumes).toHaveLength(1);
    }
    const runners = [new JobRunner(t.deps, silent).register(suspensionEndJob()), new JobRunner(peer.deps, silent).register(suspensionEndJob())];
    const outcomes = await Promise.all(runners.map((r) => r.runOnce('suspensions.end')));
    expect(outcomes.filter((o) => o === 'ran').length).toBeLessThanOrEqual(1);
  });
});
