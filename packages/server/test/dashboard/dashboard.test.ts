import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { inTransaction } from '../../src/context';
import { applicationEvents, applications } from '../../src/db/schema/index';
import { rowsOf } from '../../src/db/rows';
import { JobRunner } from '../../src/jobs/runner';
import { DASHBOARD_REFRESH_JOB, dashboardRefreshJob, refreshDashboardStats } from '../../src/modules/dashboard/refresh';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD } from '../helpers/factories';
import { makeJurisdictions, makePendingApplication, staffOf, type Jurisdictions } from '../helpers/authority-factories';
import { makeRegisteredPhysician } from '../helpers/institutions-factories';

interface Dashboard {
  authority: { id: string; name: string; mine: boolean }; breadcrumb: { id: string; name: string }[]; children: { id: string; name: string }[];
  refreshedAt: string | null; decisionLimitWorkingDays: number;
  monthly: { month: string; received: number; decided: number; approved: number; refused: number; returned: number }[];
  businessTypes: { businessType: string; label: string; received: number; decided: number }[];
  decisionTime: { decisions: number; median: number | null; p90: number | null; overLimit: number; months: { month: string; decisions: number }[] };
  deadlines: { authorityId: string; name: string; own: boolean; accepted: number; overdue: number; dueSoon: number }[];
  institutions: { name: string; returned: number; refused: number }[];
  physicians: { total: number; byCategory: { category: string; physicians: number }[]; byLevel: { level: string; physicians: number }[]; byRegion: { areaCode: string; physicians: number }[] };
}

let t: TestApp;
let j: Jurisdictions;
let province: Agent;

const at = (iso: string) => new Date(iso);

async function dashboard(agent: Agent, authorityId?: string): Promise<Dashboard> {
  const res = await agent.get(`/api/v1/authority/dashboard${authorityId ? `?authorityId=${authorityId}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
}

async function decided(x: { institution: { id: string; areaCode: string }; authorityId: string }, state: 'approved' | 'refused', accepted: string, decidedAt: string) {
  const { application } = await makePendingApplication(t.deps, x, { state: 'accepted' });
  await t.deps.db.update(applications).set({
    state, decisionReasons: state === 'refused' ? '不符合注册条件' : null, submittedAt: at(accepted), acceptedAt: at(accepted), decidedAt: at(decidedAt), dueDate: '2026-12-31',
  }).where(eq(applications.id, application.id));
  return application;
}

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-09-29T02:00:00Z');
  j = await makeJurisdictions(t.deps);
  const hd = { institution: j.hdInstitution.institution, authorityId: j.haidian.id };
  const dc = { institution: j.dcInstitution.institution, authorityId: j.dongcheng.id };
  const ns = { institution: j.nsInstitution.institution, authorityId: j.nanshan.id };
  // 受理 Tue 1 Sep → decided Tue 8 Sep: 5 working days. 受理 Mon 3 Aug → decided Tue 1 Sep: 21 working days (over the limit).
  await decided(hd, 'approved', '2026-09-01T02:00:00Z', '2026-09-08T06:00:00Z');
  await decided(hd, 'refused', '2026-08-03T02:00:00Z', '2026-09-01T06:00:00Z');
  await decided(ns, 'approved', '2026-09-01T02:00:00Z', '2026-09-02T06:00:00Z');
  // Live deadlines: one overdue at 东城, one due tomorrow at 海淀, one with time left at 海淀.
  await makePendingApplication(t.deps, dc, { state: 'accepted', dueDate: '2026-09-28', acceptedAt: at('2026-08-28T02:00:00Z') });
  await makePendingApplication(t.deps, hd, { state: 'accepted', dueDate: '2026-09-30', acceptedAt: at('2026-09-01T02:00:00Z') });
  await makePendingApplication(t.deps, hd, { state: 'accepted', dueDate: '2026-10-27', acceptedAt: at('2026-09-28T02:00:00Z') });
  // A 退回补正 notice at 海淀 in September.
  const { application: returned } = await makePendingApplication(t.deps, hd, { state: 'returned_for_correction' });
  await t.deps.db.insert(applicationEvents).values({
    applicationId: returned.id, action: 'request_correction', fromState: 'pending_authority', toState: 'returned_for_correction',
    actorRole: 'authority_reviewer', reason: '缺少学历证明', createdAt: at('2026-09-15T02:00:00Z'),
  });
  await makeRegisteredPhysician(t.deps, hd, { level: 'physician' });
  await makeRegisteredPhysician(t.deps, hd, { level: 'assistant' });
  await makeRegisteredPhysician(t.deps, dc, { level: 'physician', status: 'cancelled' });
  await makeRegisteredPhysician(t.deps, ns, { level: 'physician' });
  await inTransaction(t.deps, refreshDashboardStats);
  province = await staffOf(t.app, t.deps, j.beijing.id);
});
afterAll(async () => t?.close());

describe('the province dashboard (issue 10 point 5)', () => {
  it('counts its jurisdiction\'s applications per month and business type, and nothing from 深圳', async () => {
    const d = await dashboard(province);
    expect(d.authority).toMatchObject({ id: j.beijing.id, mine: true });
    expect(d.monthly).toHaveLength(12);
    expect(d.monthly.at(-1)).toMatchObject({ month: '2026-09', decided: 2, approved: 1, refused: 1, returned: 1 });
    expect(d.monthly.find((m) => m.month === '2026-08')).toMatchObject({ received: 1, decided: 0 });
    expect(d.businessTypes).toEqual([expect.objectContaining({ businessType: 'first_registration', label: '首次注册', decided: 2 })]);
    expect(d.refreshedAt).toBe('2026-09-29T02:00:00.000Z');
  });

  it('gives the median and p90 of 受理 → decision in working days against the 20-day limit (《医师法》第十三条)', async () => {
    const d = await dashboard(province);
    expect(d.decisionLimitWorkingDays).toBe(20);
    expect(d.decisionTime).toMatchObject({ decisions: 2, median: 5, p90: 21, overLimit: 1 });
    expect(d.decisionTime.months.at(-1)).toMatchObject({ month: '2026-09', decisions: 2 });
  });

  it('counts 已超期 and 即将超期 per child jurisdiction, live', async () => {
    const d = await dashboard(province);
    expect(d.children.map((c) => c.name).sort()).toEqual(['北京市东城区卫生健康委员会', '北京市海淀区卫生健康委员会'].sort());
    const line = (id: string) => d.deadlines.find((l) => l.authorityId === id);
    expect(line(j.beijing.id)).toMatchObject({ own: true, accepted: 0, overdue: 0, dueSoon: 0 });
    expect(line(j.haidian.id)).toMatchObject({ own: false, accepted: 2, overdue: 0, dueSoon: 1 });
    expect(line(j.dongcheng.id)).toMatchObject({ accepted: 1, overdue: 1, dueSoon: 0 });
    expect(line(j.nanshan.id)).toBeUndefined();
  });

  it('ranks the institutions with the most 退回补正 and 不予注册', async () => {
    const d = await dashboard(province);
    expect(d.institutions).toEqual([{ institutionId: j.hdInstitution.institution.id, name: '北京市海淀医院', returned: 1, refused: 1 }]);
  });

  it('counts valid registrations by category, level and area, not cancelled ones', async () => {
    const d = await dashboard(province);
    expect(d.physicians.total).toBe(2);
    expect(d.physicians.byLevel).toEqual([
      { level: 'physician', label: '执业医师', physicians: 1 }, { level: 'assistant', label: '执业助理医师', physicians: 1 },
    ]);
    expect(d.physicians.byCategory.find((c) => c.category === 'clinical')?.physicians).toBe(2);
    // 北京市's 区 sit right under the province (no 110100 in GB/T 2260): the counties are its areas.
    expect(d.physicians.byRegion).toEqual([expect.objectContaining({ areaCode: '110108', name: '海淀区', physicians: 2 })]);
  });
});

describe('drill-down and scope', () => {
  it('opens a county below with the breadcrumb back to the province', async () => {
    const d = await dashboard(province, j.haidian.id);
    expect(d.authority).toMatchObject({ id: j.haidian.id, mine: false });
    expect(d.breadcrumb.map((b) => b.id)).toEqual([j.beijing.id, j.haidian.id]);
    expect(d.decisionTime).toMatchObject({ decisions: 2 });
    expect(d.physicians.byRegion).toEqual([expect.objectContaining({ areaCode: '110108', physicians: 2 })]);
  });

  it('refuses a county the dashboard of its province or of another city (403)', async () => {
    const county = await staffOf(t.app, t.deps, j.haidian.id);
    expectProblem(await county.get(`/api/v1/authority/dashboard?authorityId=${j.beijing.id}`), 403, 'DASHBOARD_OUT_OF_JURISDICTION');
    expectProblem(await province.get(`/api/v1/authority/dashboard?authorityId=${j.nanshan.id}`), 403, 'DASHBOARD_OUT_OF_JURISDICTION');
    expectProblem(await province.get(`/api/v1/authority/dashboard/export.csv?table=deadlines&authorityId=${j.shenzhen.id}`), 403, 'DASHBOARD_OUT_OF_JURISDICTION');
    const own = await dashboard(county);
    expect(own.children).toEqual([]);
    expect(own.deadlines).toHaveLength(1);
  });

  it('a city sees only its own jurisdiction', async () => {
    const city = await staffOf(t.app, t.deps, j.shenzhen.id);
    const d = await dashboard(city);
    expect(d.children.map((c) => c.id)).toEqual([j.nanshan.id]);
    expect(d.decisionTime.decisions).toBe(1);
    expect(d.physicians.total).toBe(1);
    expect(d.institutions).toEqual([]);
  });

  it('does not serve the authority dashboard to an institution', async () => {
    const admin = await loggedIn(t.app, j.hdInstitution.adminLogin, PASSWORD);
    expect((await admin.get('/api/v1/authority/dashboard')).statusCode).toBe(403);
  });
});

describe('refreshing (刷新统计 and the dashboard.refresh job)', () => {
  const snapshot = () => rowsOf<Record<string, unknown>>(t.deps.db, sql`
    SELECT 'm' AS t, row_to_json(s)::text AS r FROM stats_applications_monthly s UNION ALL
    SELECT 'd', row_to_json(s)::text FROM stats_decision_days s UNION ALL
    SELECT 'i', row_to_json(s)::text FROM stats_institution_outcomes s UNION ALL
    SELECT 'p', row_to_json(s)::text FROM stats_registered_physicians s ORDER BY 1, 2`);

  it('gives the same aggregates when run again (idempotent), also run twice at once', async () => {
    const before = await snapshot();
    await Promise.all([inTransaction(t.deps, refreshDashboardStats), inTransaction(t.deps, refreshDashboardStats)]);
    expect(await snapshot()).toEqual(before);
  });

  it('counts a newly registered physician after 刷新统计, with the new 统计时间', async () => {
    const county = await staffOf(t.app, t.deps, j.dongcheng.id);
    const before = (await dashboard(county)).physicians.total;
    await makeRegisteredPhysician(t.deps, { institution: j.dcInstitution.institution, authorityId: j.dongcheng.id }, { level: 'assistant' });
    expect((await dashboard(county)).physicians.total).toBe(before);
    t.setNow('2026-09-29T03:00:00Z');
    const res = await county.post('/api/v1/authority/dashboard/refresh', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ refreshedAt: '2026-09-29T03:00:00.000Z' });
    const after = await dashboard(county);
    expect(after.physicians.total).toBe(before + 1);
    expect(after.refreshedAt).toBe('2026-09-29T03:00:00.000Z');
  });

  it('runs the job once per 10-minute slot whichever process ticks', async () => {
    t.setNow('2026-09-29T04:00:00Z');
    const log = { error: () => undefined };
    const a = new JobRunner(t.deps, log).register(dashboardRefreshJob());
    const b = new JobRunner(t.deps, log).register(dashboardRefreshJob());
    try {
      expect(await a.runOnce(DASHBOARD_REFRESH_JOB)).toBe('ran');
      expect(await b.runOnce(DASHBOARD_REFRESH_JOB)).toBe('not_due');
      expect((await dashboard(province)).refreshedAt).toBe('2026-09-29T04:00:00.000Z');
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});

describe('exports', () => {
  it('exports the deadline table as CSV with the same figures', async () => {
    const res = await province.get('/api/v1/authority/dashboard/export.csv?table=deadlines');
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body.replace(/^\ufeff/, '').split('\r\n').map((l) => l.replace(/"/g, ''));
    expect(lines[0]).toBe('卫生健康行政部门,已受理,已超期,即将超期');
    expect(lines).toContain('北京市东城区卫生健康委员会,1,1,0');
  });

  it('exports the monthly table as an Excel workbook', async () => {
    const res = await province.get('/api/v1/authority/dashboard/export.xlsx?table=monthly');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the institution dashboard', () => {
  it('counts its applications by status, its roster and nothing of other institutions', async () => {
    const admin = await loggedIn(t.app, j.hdInstitution.adminLogin, PASSWORD);
    const res = await admin.get('/api/v1/institution/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as { byState: { state: string; applications: number }[]; roster: { status: string; registrations: number }[]; monthly: unknown[]; awaitingConfirmation: number };
    expect(Object.fromEntries(d.byState.map((s) => [s.state, s.applications]))).toEqual({ accepted: 2, returned_for_correction: 1, approved: 1, refused: 1 });
    expect(d.roster.find((r) => r.status === 'valid')?.registrations).toBe(2);
    expect(d.monthly).toHaveLength(12);
    expect(d.awaitingConfirmation).toBe(0);
  });
});
